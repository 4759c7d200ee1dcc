/// Typed settings of `farringtonFlexible`, named and defaulted as in R `surveillance`.
public struct FarringtonSettings: Sendable, Hashable {
  /// `thresholdMethod`: `delta` (Farrington et al. 1996) or `nbPlugin` (Noufaily et al. 2013).
  public enum ThresholdMethod: String, Sendable, Hashable, CaseIterable {
    case delta, nbPlugin
  }

  /// `powertrans`: the power transformation of the `delta` threshold.
  public enum PowerTransform: String, Sendable, Hashable, CaseIterable {
    case none = "none"
    case squareRoot = "1/2"
    case twoThirds = "2/3"

    var exponent: Double {
      switch self {
      case .none: 1
      case .squareRoot: 0.5
      case .twoThirds: 2.0 / 3.0
      }
    }
  }

  /// Which dispersion the trend test and the prediction's standard error use.
  public enum Dispersion: String, Sendable, Hashable, CaseIterable {
    /// As R `surveillance` 1.20.3 (and 1.26): after re-weighting, `sum(omega * ((y - mu) /
    /// mu)^2) / (n - p)` — the package overwrites the model's working weights with the
    /// re-weighting weights (see docs/DETECTION.md, "dispersion quirk").
    case package
    /// The model's dispersion phi (Pearson, clipped at 1), as the method intends.
    case corrected
  }

  /// Years back (reference points k - frequency * i, i = 1...b).
  public var b: Int = 5
  /// Half-width of the reference windows.
  public var w: Int = 3
  public var reweight: Bool = true
  public var weightsThreshold: Double = 2.58
  /// One-sided: z = qnorm(1 - alpha).
  public var alpha: Double = 0.05
  public var trend: Bool = true
  public var pThresholdTrend: Double = 0.05
  /// `limit54 = c(cases, periods)`: no threshold unless the last `periods` time points
  /// (including the current one) hold at least `cases` cases.
  public var limit54Cases: Int = 5
  public var limit54Periods: Int = 4
  public var powertrans: PowerTransform = .twoThirds
  public var populationOffset: Bool = false
  /// 1 = original Farrington; > 1 = seasonal factor with this many levels (Noufaily: 10).
  public var noPeriods: Int = 1
  /// Weeks k - pastWeeksNotIncluded ... k are left out; `nil` = `w` (R's default).
  public var pastWeeksNotIncluded: Int? = nil
  public var thresholdMethod: ThresholdMethod = .delta
  public var dispersion: Dispersion = .package

  /// The reference package's defaults (`farringtonFlexible(sts)` without control).
  public init() {}

  /// The original method of Farrington et al. (1996) as the reference sample runs it.
  public static var farrington1996: FarringtonSettings {
    var s = FarringtonSettings()
    s.b = 4
    s.w = 3
    s.weightsThreshold = 1
    s.pastWeeksNotIncluded = 3
    s.noPeriods = 1
    s.pThresholdTrend = 0.05
    s.thresholdMethod = .delta
    s.alpha = 0.01
    return s
  }

  /// The improved method of Noufaily et al. (2013) as the reference sample runs it.
  public static var noufaily2013: FarringtonSettings {
    var s = FarringtonSettings()
    s.b = 4
    s.w = 3
    s.weightsThreshold = 2.58
    s.pastWeeksNotIncluded = 26
    s.noPeriods = 10
    s.pThresholdTrend = 1
    s.thresholdMethod = .nbPlugin
    s.alpha = 0.005
    return s
  }

  var effectivePastWeeksNotIncluded: Int { pastWeeksNotIncluded ?? w }

  /// Problems that make R stop before computing anything, as messages.
  public func validationErrors() -> [String] {
    var errors: [String] = []
    if b < 1 { errors.append("b must be at least 1") }
    if w < 0 { errors.append("w must not be negative") }
    if noPeriods < 1 { errors.append("noPeriods must be at least 1") }
    if noPeriods > 100 { errors.append("noPeriods must be at most 100") }
    if !(alpha > 0 && alpha < 1) { errors.append("alpha must lie strictly between 0 and 1") }
    if !(limit54Cases >= 0 && limit54Periods > 0) {
      errors.append("limit54 out of bounds: cases >= 0 and period > 0")
    }
    if effectivePastWeeksNotIncluded < 0 {
      errors.append("pastWeeksNotIncluded must not be negative")
    }
    return errors
  }
}
