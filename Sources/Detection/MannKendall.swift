/// The Mann-Kendall trend test with the ties-corrected variance and the Theil-Sen slope,
/// computed as PyPI `pymannkendall` 1.4.3 `original_test` computes them (the reference of
/// the conformance tests).
///
/// - Missing values (NaN) are skipped for the test (the remaining values keep their
///   order), while the Theil-Sen slope uses the original positions (pairs with a missing
///   value are left out), as pymannkendall does.
/// - S = sum over i < j of sign(x_j - x_i); Var(S) = [n(n-1)(2n+5) - sum t(t-1)(2t+5)] / 18
///   over groups of tied values; z = (S - 1)/sqrt(Var) for S > 0, (S + 1)/sqrt(Var) for
///   S < 0, 0 for S = 0; p = 2 (1 - Phi(|z|)), computed here from the upper tail (more
///   accurate than pymannkendall's 1 - cdf for tiny p-values); tau = S / (n(n-1)/2).
/// - Slope = median of (x_j - x_i)/(j - i); intercept = median(x) - median(positions of the
///   observed values) * slope, positions counted from 0 at the window's first point.
public enum MannKendall {
  public enum Direction: String, Sendable, Hashable {
    case increasing, decreasing
    case noTrend = "no trend"
  }

  public struct Result: Sendable, Hashable {
    /// Number of observed (non-missing) values.
    public var n: Int
    public var s: Double
    public var varianceS: Double
    public var z: Double
    public var pValue: Double
    public var tau: Double
    /// Whether |z| exceeds the two-sided critical value for `alpha`.
    public var significant: Bool
    public var direction: Direction
    /// Theil-Sen slope per time step (nil with fewer than two observed values).
    public var slope: Double?
    public var intercept: Double?
  }

  /// Tests `values` (NaN = missing) at two-sided level `alpha`; nil when fewer than two
  /// values are observed ("insufficient history").
  public static func test(_ values: [Double], alpha: Double = 0.05) -> Result? {
    let x = values.filter { !$0.isNaN }
    let n = x.count
    guard n >= 2 else { return nil }
    var s = 0.0
    for k in 0..<(n - 1) {
      for j in (k + 1)..<n {
        if x[j] > x[k] { s += 1 } else if x[j] < x[k] { s -= 1 }
      }
    }
    let nd = Double(n)
    var variance = nd * (nd - 1) * (2 * nd + 5)
    let sorted = x.sorted()
    var i = 0
    while i < n {
      var j = i
      while j + 1 < n && sorted[j + 1] == sorted[i] { j += 1 }
      let t = Double(j - i + 1)
      if t > 1 { variance -= t * (t - 1) * (2 * t + 5) }
      i = j + 1
    }
    variance /= 18
    let z: Double
    if s > 0 {
      z = (s - 1) / variance.squareRoot()
    } else if s < 0 {
      z = (s + 1) / variance.squareRoot()
    } else {
      z = 0
    }
    let p = 2 * Normal.upperTail(Swift.abs(z))
    let significant = Swift.abs(z) > Normal.quantile(1 - alpha / 2)
    let direction: Direction =
      significant ? (z > 0 ? .increasing : (z < 0 ? .decreasing : .noTrend)) : .noTrend
    let (slope, intercept) = theilSen(values)
    return Result(
      n: n, s: s, varianceS: variance, z: z, pValue: p, tau: s / (0.5 * nd * (nd - 1)),
      significant: significant, direction: direction, slope: slope, intercept: intercept)
  }

  /// Theil-Sen slope and the Conover intercept over positions 0..<count (NaN = missing).
  public static func theilSen(_ values: [Double]) -> (slope: Double?, intercept: Double?) {
    var slopes: [Double] = []
    slopes.reserveCapacity(values.count * (values.count - 1) / 2)
    for i in 0..<values.count where !values[i].isNaN {
      for j in (i + 1)..<values.count where !values[j].isNaN {
        slopes.append((values[j] - values[i]) / Double(j - i))
      }
    }
    guard let slope = median(slopes) else { return (nil, nil) }
    let observed = values.filter { !$0.isNaN }
    let positions = values.indices.filter { !values[$0].isNaN }.map(Double.init)
    guard let mx = median(observed), let mp = median(positions) else { return (slope, nil) }
    return (slope, mx - mp * slope)
  }

  /// The median (mean of the two middle values for an even count).
  static func median(_ v: [Double]) -> Double? {
    guard !v.isEmpty else { return nil }
    let s = v.sorted()
    let m = s.count / 2
    return s.count % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2
  }
}
