import Detection
import SafetyCore

/// What the detectors say about one area, indicator and base period: the values an
/// explanation shows, and the signals the flags are made of.
public struct PeriodSignal: Sendable, Hashable, Codable {
  public var observed: Int
  /// The reference model's expected count (Farrington's predicted mean; also when the
  /// threshold is masked for too few recent cases).
  public var expected: Double?
  /// The first detector's upper bound (an alarm needs more); nil when masked or undefined.
  public var upperbound: Double?
  /// P(count >= observed) under the reference model.
  public var pvalue: Double?
  /// The reference model's dispersion (>= 1).
  public var phi: Double?
  /// Any spike detector alarmed.
  public var alarm: Bool
  /// Why the first detector gave no threshold, when it did not.
  public var reason: NotAvailableReason?
  /// A spike signal: an alarm with at least the rule's minimum count.
  public var spike: Bool = false
  /// The scan for convergence (a soft signal when its p-value is at most `softAlpha`).
  public var scan: ScanEvidence?
  /// Indicators fed by several sources: the scan of each source's registrations against its
  /// historic share of the expectation (convergence counts partners by these).
  public var sourceScans: [String: ScanEvidence] = [:]
  /// A rising signal.
  public var rising: TrendEvidence?
  /// The level compared with the municipality over the elevated window.
  public var level: LevelEvidence?
  /// An elevated signal (the level qualified for the rule's number of periods).
  public var elevated: Bool = false

  public init(
    observed: Int, expected: Double? = nil, upperbound: Double? = nil, pvalue: Double? = nil,
    phi: Double? = nil, alarm: Bool = false, reason: NotAvailableReason? = nil
  ) {
    self.observed = observed
    self.expected = expected
    self.upperbound = upperbound
    self.pvalue = pvalue
    self.phi = phi
    self.alarm = alarm
    self.reason = reason
  }
}

/// The strongest recent excess of a series: over the last 1, 2, 4, ... periods, the count
/// against the expected count, as a p-value (Bonferroni over the scans).
public struct ScanEvidence: Sendable, Hashable, Codable {
  /// Periods summed (the most significant scan).
  public var periods: Int
  public var observed: Int
  public var expected: Double
  /// Adjusted p-value of the scan.
  public var pvalue: Double
}

/// A significant upward trend beyond the expectation.
public struct TrendEvidence: Sendable, Hashable, Codable {
  /// Window in base periods.
  public var window: Int
  /// Mann-Kendall two-sided p-value of observed minus expected.
  public var pvalue: Double
  /// Theil-Sen slope of observed minus expected, in registrations per year.
  public var slopePerYear: Double
  /// Mean expected count per period over the window.
  public var expectedLevel: Double
  /// Observed and expected in the last quarter of the window.
  public var recentObserved: Int
  public var recentExpected: Double
}

/// The level of an area against the municipality over a rolling window.
public struct LevelEvidence: Sendable, Hashable, Codable {
  public var window: Int
  public var observed: Int
  /// Expected at the municipal rate.
  public var expected: Double
  /// 100 x observed / expected.
  public var index: Double
  /// P(count >= observed) at the municipal rate (Poisson).
  public var pvalue: Double
  /// Whether this period qualifies (index at or above the band, enough cases, significant).
  public var qualifies: Bool
}
