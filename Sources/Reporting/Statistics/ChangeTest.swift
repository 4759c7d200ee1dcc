import Foundation

/// Is a change between two counts more than chance? Two counts of the same kind of event
/// in equally long periods (and a population that barely changed) are, if nothing changed,
/// two Poisson draws with one mean; given their sum n, the later count is then
/// Binomial(n, ½). The exact two-sided p-value of that conditional test (Przyborowski and
/// Wilenski 1940) says how surprising the split is.
public enum ChangeTest {
  /// Changes with a p-value below this are called significant in reports.
  public static let alpha = 0.05

  /// The two-sided p-value for `before` → `after` (1 for equal counts or no counts).
  public static func pValue(before: Int, after: Int) -> Double {
    let n = before + after
    guard n > 0, before >= 0, after >= 0, before != after else { return 1 }
    let k = max(before, after)
    // P(X >= k) for X ~ Binomial(n, 1/2), summed in log space from the far tail.
    let logHalfN = Double(n) * log(0.5)
    var logC = 0.0  // log C(n, n) = 0
    var terms: [Double] = []
    var i = n
    while i >= k {
      terms.append(logC + logHalfN)
      // C(n, i - 1) = C(n, i) * i / (n - i + 1)
      logC += log(Double(i)) - log(Double(n - i + 1))
      i -= 1
    }
    guard let top = terms.max() else { return 1 }
    let tail = exp(top) * terms.reduce(0) { $0 + exp($1 - top) }
    return min(1, 2 * tail)
  }

  /// Whether the change is significant at `alpha`.
  public static func isSignificant(before: Int, after: Int) -> Bool {
    pValue(before: before, after: after) < alpha
  }
}
