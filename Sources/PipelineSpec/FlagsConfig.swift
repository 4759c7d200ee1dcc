import Detection
import SafetyCore

/// The `flags:` section: how detector results become early-warning flags (see
/// `docs/FLAGS.md`). Every key is optional; the defaults are documented there and in
/// `Flagging.FlagRules`. Rules for kinds apply to every indicator, over which
/// `themes.<theme>` and then `indicators.<indicator>` may set their own.
public struct FlagsConfig: Sendable, Codable, Equatable {
  /// Weeks replayed up to the last complete week, as if a run had happened every week
  /// (default 104): flags, their first and last weeks and their lifecycle come from it.
  public var evaluationWeeks: Int?
  /// Weeks without any signal after which a flag is resolved (default 4).
  public var resolveAfterWeeks: Int?
  public var spike: SpikeRule?
  public var rising: RisingRule?
  public var elevated: ElevatedRule?
  public var convergent: ConvergenceRule?
  public var cluster: ClusterRule?
  /// Per focus theme: rules for the theme's indicators.
  public var themes: KeyedList<FlagRule>?
  /// Per indicator: rules over its theme's.
  public var indicators: KeyedList<FlagRule>?

  public init() {}
}

/// Flag rules for a theme or an indicator. A key left out takes the theme's value, then
/// the section's, then the default.
public struct FlagRule: Sendable, Codable, Equatable {
  /// Which kinds may be raised: `spike`, `rising`, `elevated` per indicator, and for a
  /// theme also `convergent` and `cluster`. `[]` raises none (e.g. planned events).
  public var kinds: [FlagKind]?
  /// The aberration detectors for spikes, each over the indicator's `detection` settings
  /// and `detection.default` (a spike when any of them alarms). Default: one, the
  /// indicator's settings.
  public var detectors: [DetectorSettings]?
  /// Base period for indicators that do not set their own `period` (default week).
  public var period: PeriodKind?
  /// Level for indicators that do not set their own `level` (default buurt).
  public var level: AreaLevel?
  public var spike: SpikeRule?
  public var rising: RisingRule?
  public var elevated: ElevatedRule?
  /// Theme rules only: convergence within the theme.
  public var convergent: ConvergenceRule?

  public init() {}
}

/// When a detector alarm becomes a spike signal.
public struct SpikeRule: Sendable, Codable, Equatable {
  /// At least this many registrations in the alarm period (default 3): a single case is
  /// never a spike, whatever its baseline.
  public var minCases: Int?
  public init() {}
}

/// When a series is rising: a Mann-Kendall trend in the observed-minus-expected series
/// (so a seasonal rise is not a trend) with a Theil-Sen slope above a threshold.
public struct RisingRule: Sendable, Codable, Equatable {
  /// Window for weekly indicators (default 26 weeks).
  public var windowWeeks: Int?
  /// Window for monthly indicators (default 12 months; quarterly: 8 quarters).
  public var windowMonths: Int?
  /// Two-sided Mann-Kendall level (default 0.01).
  public var alpha: Double?
  /// The Theil-Sen slope per year at least this share of the expected level (default 1:
  /// the count doubles in a year's pace).
  public var minRisePerYear: Double?
  /// At least this many registrations above the expectation in the last quarter of the
  /// window (default 5).
  public var minCases: Int?
  /// Consecutive periods the trend must hold before it is a signal (default 2): the
  /// windows overlap, so a real rise stays significant while a chance one flickers.
  public var periods: Int?
  public init() {}
}

/// When an area's level is elevated compared with the municipality (index 100 = the
/// municipal rate per 1,000 of the indicator's unit; `count` indicators per 1,000
/// inhabitants).
public struct ElevatedRule: Sendable, Codable, Equatable {
  /// The index at or above which a period counts (default 130).
  public var band: Double?
  /// Consecutive periods at or above the band before it is a signal (default 4).
  public var periods: Int?
  /// Rolling window the rate is taken over, weekly indicators (default 13 weeks).
  public var windowWeeks: Int?
  /// Rolling window for monthly indicators (default 3 months; quarterly: 1 quarter).
  public var windowMonths: Int?
  /// One-sided level of the test that the area's count is above the municipal rate
  /// (default 0.001).
  public var alpha: Double?
  /// At least this many registrations in the window (default 10).
  public var minCases: Int?
  public init() {}
}

/// When signals of one theme converge on an area: the integral early warning.
public struct ConvergenceRule: Sendable, Codable, Equatable {
  /// Distinct indicators (or partners) with a soft signal needed (default 2).
  public var minSources: Int?
  /// The longest scan window for soft signals (default 4 weeks: scans of 1, 2 and 4 weeks,
  /// or the whole months inside it).
  public var windowWeeks: Int?
  /// A soft signal: the scan p-value at most this (default 0.01), below any alarm
  /// threshold on purpose.
  public var softAlpha: Double?
  /// Fisher's combination of the soft signals' p-values at most this (default 0.001).
  public var alpha: Double?
  /// At least this many registrations in the converging signals together (default 5).
  public var minCases: Int?
  public init() {}
}

/// When adjacent flagged areas form a cluster.
public struct ClusterRule: Sendable, Codable, Equatable {
  /// Adjacent areas flagged for the same theme in the same week (default 2).
  public var minAreas: Int?
  /// Which kinds of member flags count (default spike, rising, convergent: not the
  /// structural `elevated`).
  public var kinds: [FlagKind]?
  public init() {}
}

extension Pipeline {
  /// An indicator's base period: its own `period`, else its flag rules' (indicator, then
  /// theme), else week.
  public func basePeriod(ofIndicator id: String) -> PeriodKind {
    guard let indicator = indicators[id] else { return .week }
    return indicator.period ?? flags?.indicators?[id]?.period
      ?? flags?.themes?[indicator.theme]?.period ?? .week
  }

  /// The area level an indicator is detected at: its own `level`, else its flag rules',
  /// else buurt.
  public func detectionLevel(ofIndicator id: String) -> AreaLevel {
    guard let indicator = indicators[id] else { return .buurt }
    return indicator.level ?? flags?.indicators?[id]?.level
      ?? flags?.themes?[indicator.theme]?.level ?? .buurt
  }
}
