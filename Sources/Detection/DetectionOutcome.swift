/// Why a value is not available (R would give `NA`, `NaN` or refuse the computation).
/// The raw value is a stable code; `explanation` is an English sentence for logs (the
/// presentation layer translates).
public enum NotAvailableReason: String, Sendable, Hashable, Codable, CaseIterable {
  /// The reference period reaches before the first observation (too short a history).
  case insufficientHistory = "insufficient-history"
  /// Too few cases in the most recent weeks (`limit54`): no threshold is given.
  case tooFewRecentCases = "too-few-recent-cases"
  /// The GLM did not converge, with or without time trend.
  case noConvergence = "no-convergence"
  /// The observation itself, or one the rule needs, is missing.
  case missingObservation = "missing-observation"
  /// The baseline has zero spread, so a standardised statistic is undefined.
  case zeroVariance = "zero-variance"
  /// The model is not identifiable from the baseline (too few points for its parameters).
  case notIdentifiable = "not-identifiable"
  /// The computation broke down numerically (R returns NaN or stops).
  case undefined = "undefined"
  /// The time point is outside the series.
  case outOfRange = "out-of-range"

  public var explanation: String {
    switch self {
    case .insufficientHistory: "insufficient history: the reference period starts before the series"
    case .tooFewRecentCases: "too few recent cases for a threshold (limit54)"
    case .noConvergence: "the model did not converge, with or without time trend"
    case .missingObservation: "a needed observation is missing"
    case .zeroVariance: "the baseline has no variation"
    case .notIdentifiable: "too few baseline points for the model"
    case .undefined: "the statistic is undefined for these data"
    case .outOfRange: "the time point is outside the series"
    }
  }
}

/// Internals of one farringtonFlexible time point, reported for explanation and testing.
public struct FarringtonDiagnostics: Sendable, Hashable {
  /// Dispersion used by the threshold (clipped at 1).
  public var phi: Double
  /// Whether the time trend was kept.
  public var trendKept: Bool
  /// The trend coefficient (per time point, log scale) when kept.
  public var trendCoefficient: Double?
  /// The predicted mean mu0 (response scale), also when `expected` is masked.
  public var predictedMean: Double
  /// The standard error handed to the threshold function (response scale for `delta`,
  /// link scale for `nbPlugin`), with the reference package's dispersion unless
  /// `dispersion: corrected`.
  public var standardError: Double
  /// The threshold before the `limit54` masking.
  public var unmaskedUpperbound: Double?
  /// Number of baseline time points in the GLM.
  public var baselineSize: Int
}

/// The result of an algorithm at one time point. `nil` = not available (R's `NA`); when
/// something is missing, `reason` says why.
public struct DetectionOutcome: Sendable, Hashable {
  /// 1-based time point.
  public var timeIndex: Int
  public var observed: Double?
  /// Expected count (Farrington: predicted mean; CUSUM/GLR: in-control mean).
  public var expected: Double?
  /// Threshold: an alarm needs more than this (Farrington, EARS) or at least this (CUSUM,
  /// GLR: the cases needed for an alarm) — the reference package's conventions.
  public var upperbound: Double?
  public var alarm: Bool?
  /// Farrington: (observed - expected) / (upperbound - expected), > 1 = alarm.
  public var score: Double?
  /// Farrington: P(Y >= observed) under the in-control model.
  public var pvalue: Double?
  /// CUSUM: the statistic S_t; GLR: the GLR statistic.
  public var statistic: Double?
  public var reason: NotAvailableReason?
  /// farringtonFlexible only.
  public var farrington: FarringtonDiagnostics?

  public init(
    timeIndex: Int, observed: Double?, expected: Double? = nil, upperbound: Double? = nil,
    alarm: Bool? = nil, score: Double? = nil, pvalue: Double? = nil, statistic: Double? = nil,
    reason: NotAvailableReason? = nil, farrington: FarringtonDiagnostics? = nil
  ) {
    self.timeIndex = timeIndex
    self.observed = observed
    self.expected = expected
    self.upperbound = upperbound
    self.alarm = alarm
    self.score = score
    self.pvalue = pvalue
    self.statistic = statistic
    self.reason = reason
    self.farrington = farrington
  }
}

/// All outcomes of one series over a range, with the warnings the computation raised
/// (the counterpart of R's warnings, e.g. a GLM that did not converge).
public struct SeriesDetection: Sendable, Hashable {
  public var id: String
  public var outcomes: [DetectionOutcome]
  public var warnings: [DetectionWarning]

  public init(id: String, outcomes: [DetectionOutcome], warnings: [DetectionWarning] = []) {
    self.id = id
    self.outcomes = outcomes
    self.warnings = warnings
  }
}

extension SeriesDetection {
  /// A range that reaches past the series' end (`length` points): `detect` up to the end,
  /// the time points after it `outOfRange`.
  static func beyondEnd(
    _ id: String, range: ClosedRange<Int>, length: Int,
    detect: (ClosedRange<Int>) -> SeriesDetection
  ) -> SeriesDetection {
    let first = range.lowerBound
    var head = first <= length ? detect(first...length) : SeriesDetection(id: id, outcomes: [])
    for t in Swift.max(first, length + 1)...range.upperBound {
      head.outcomes.append(DetectionOutcome(timeIndex: t, observed: nil, reason: .outOfRange))
    }
    return head
  }
}

/// A warning at a time point (the reference package would raise an R warning).
public struct DetectionWarning: Sendable, Hashable {
  public var timeIndex: Int?
  public var message: String
  public init(timeIndex: Int?, message: String) {
    self.timeIndex = timeIndex
    self.message = message
  }
}

/// Converts NaN/infinite to `nil`.
@inline(__always)
func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }

/// Converts NaN to `nil` (keeps infinities, which R reports as `Inf`).
@inline(__always)
func notNaN(_ x: Double) -> Double? { x.isNaN ? nil : x }
