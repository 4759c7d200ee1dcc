import Foundation

/// The severity score of a flag in a week, 0–100 (documented in docs/FLAGS.md):
///
///     score = 100 × (0.40 E + 0.25 M + 0.20 B + 0.15 D)
///
/// - E, evidence: min(1, −log10(p) / 8) for the smallest p-value among the week's signals
///   (p = 0.001 → 0.375, p = 10⁻⁸ → 1);
/// - M, magnitude: min(1, log2(observed / expected) / 4) for the largest ratio (×2 → 0.25,
///   ×16 → 1); an elevated level uses index / 100;
/// - B, breadth: min(1, (n − 1) / 2) with n the number of distinct indicators, partners or
///   (clusters) areas, whichever is largest (1 → 0, 2 → 0.5, 3 or more → 1);
/// - D, duration: min(1, weeks since the flag was raised / 12).
///
/// A level (elevated) flag's evidence term is capped at 0.5: a structural level is not news,
/// however certain it is.
///
/// Bands: low below 40, medium 40–64, high 65 and above. A flag's severity is the highest
/// weekly score over its last four signal weeks, so one quiet week does not de-escalate it.
public enum Severity {
  public struct Inputs: Sendable, Hashable {
    public var pvalue: Double
    public var ratio: Double
    public var breadth: Int
    public var weeksOpen: Int
    /// The most the evidence term may count (0.5 for level flags).
    public var evidenceCap: Double
    public init(
      pvalue: Double, ratio: Double, breadth: Int, weeksOpen: Int, evidenceCap: Double = 1
    ) {
      self.pvalue = pvalue
      self.ratio = ratio
      self.breadth = breadth
      self.weeksOpen = weeksOpen
      self.evidenceCap = evidenceCap
    }
  }

  public static func score(_ x: Inputs) -> Int {
    let p = min(1, max(x.pvalue, 1e-300))
    let e = min(x.evidenceCap, min(1, max(0, -log10(p) / 8)))
    let m = x.ratio.isFinite ? min(1, max(0, log2(max(1, x.ratio)) / 4)) : 1
    let b = min(1, max(0, Double(x.breadth - 1) / 2))
    let d = min(1, max(0, Double(x.weeksOpen) / 12))
    return Int((100 * (0.40 * e + 0.25 * m + 0.20 * b + 0.15 * d)).rounded())
  }
}
