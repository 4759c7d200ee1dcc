import SafetyCore

/// Flags come in three families, each tracked on its own per area and theme:
/// - `acute`: spikes, rising trends and convergence — one flag per area, theme and episode
///   (a spike that turns convergent is the same flag, escalated);
/// - `level`: the structural `elevated` kind;
/// - `cluster`: adjacent areas flagged together.
public enum FlagFamily: String, Sendable, Hashable, Codable, CaseIterable {
  case acute, level, cluster

  public static func of(_ kind: FlagKind) -> FlagFamily {
    switch kind {
    case .spike, .rising, .convergent: .acute
    case .elevated: .level
    case .cluster: .cluster
    }
  }
}

/// Severity in three bands (score 0–100; see docs/FLAGS.md, "Severity").
public enum SeverityBand: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
  case low = 1
  case medium = 2
  case high = 3

  public init(score: Int) {
    self = score >= 65 ? .high : score >= 40 ? .medium : .low
  }

  public static func < (a: SeverityBand, b: SeverityBand) -> Bool { a.rawValue < b.rawValue }
}

/// What happened to a flag in a week of the replay (or, in the store, in a run).
public enum FlagEventType: String, Sendable, Hashable, Codable, CaseIterable {
  /// The flag was raised.
  case opened
  /// Its severity band rose, or it became convergent.
  case escalated
  /// Its severity band fell while it stayed open.
  case deescalated
  /// No signal for the resolution period, or (with `revised`) its signals are gone after
  /// revised data.
  case resolved
}

/// One step in a flag's history.
public struct FlagEvent: Sendable, Hashable, Codable {
  public var type: FlagEventType
  /// The week it happened in the data (the replay's week).
  public var week: Period
  public var severity: Int
  public var band: SeverityBand
  public var kind: FlagKind
  /// Set on events a run appends to bring a flag's stored history in line with revised
  /// data (the history itself is never rewritten).
  public var revised: Bool

  public init(
    type: FlagEventType, week: Period, severity: Int, band: SeverityBand, kind: FlagKind,
    revised: Bool = false
  ) {
    self.type = type
    self.week = week
    self.severity = severity
    self.band = band
    self.kind = kind
    self.revised = revised
  }
}

/// A flag as the engine derives it from the data.
public struct DerivedFlag: Sendable, Hashable, Codable {
  /// Stable: from family, area, theme and first week (`FlagID`).
  public var id: String
  public var family: FlagFamily
  /// The area (for a cluster: its first member, the lowest code when it was raised).
  public var area: String
  public var areaLevel: AreaLevel
  public var theme: String
  /// The strongest kind it has had (convergent > spike > rising > cluster > elevated).
  public var kind: FlagKind
  /// Every kind it has had.
  public var kinds: [FlagKind]
  public var firstSeen: Period
  /// The last week with a signal.
  public var lastSeen: Period
  /// The week it was resolved; nil while open.
  public var resolved: Period?
  /// Severity now (the highest weekly score in the last four signal weeks) and its band.
  public var severity: Int
  public var band: SeverityBand
  public var peakSeverity: Int
  public var events: [FlagEvent]
  public var explanation: FlagExplanation
  /// The weeks with a signal, first to last (quiet weeks in between left out).
  public var weeks: [Period]

  public init(
    id: String, family: FlagFamily, area: String, areaLevel: AreaLevel, theme: String,
    kind: FlagKind, kinds: [FlagKind], firstSeen: Period, lastSeen: Period, resolved: Period?,
    severity: Int, band: SeverityBand, peakSeverity: Int, events: [FlagEvent],
    explanation: FlagExplanation, weeks: [Period]
  ) {
    self.id = id
    self.family = family
    self.area = area
    self.areaLevel = areaLevel
    self.theme = theme
    self.kind = kind
    self.kinds = kinds
    self.firstSeen = firstSeen
    self.lastSeen = lastSeen
    self.resolved = resolved
    self.severity = severity
    self.band = band
    self.peakSeverity = peakSeverity
    self.events = events
    self.explanation = explanation
    self.weeks = weeks
  }

  public var isOpen: Bool { resolved == nil }
  /// Weeks from first to last signal, both included.
  public var signalWeeks: Int { lastSeen.ordinal - firstSeen.ordinal + 1 }
}

/// Why a flag was raised: the indicators and partners behind it, with their numbers.
public struct FlagExplanation: Sendable, Hashable, Codable {
  public var contributions: [Contribution]
  /// Partners whose registrations carried the signals.
  public var partners: [String]
  /// The strongest convergence, when the flag was convergent.
  public var convergence: ConvergenceEvidence?
  /// Cluster members (area codes), when a cluster.
  public var members: [String]

  public init(
    contributions: [Contribution] = [], partners: [String] = [],
    convergence: ConvergenceEvidence? = nil, members: [String] = []
  ) {
    self.contributions = contributions
    self.partners = partners
    self.convergence = convergence
    self.members = members
  }

  public var indicators: [String] {
    contributions.map(\.indicator).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
  }
}

/// One indicator's part in a flag, with its strongest signal.
public struct Contribution: Sendable, Hashable, Codable {
  public var indicator: String
  /// Where it was measured: the flag's area, its wijk (wijk-level indicators), or a
  /// cluster member.
  public var area: String
  public var kinds: [FlagKind]
  public var partners: [String]
  /// Base periods of the first and last signal.
  public var firstSignal: Period
  public var lastSignal: Period
  /// The strongest evidence (smallest p-value): the base period it ends in, how many
  /// periods its counts cover, the count, its expectation (for a level: at the municipal
  /// rate), the upper bound (spikes), and the p-value.
  public var peak: Period
  public var periods: Int
  public var observed: Int
  public var expected: Double?
  public var upperbound: Double?
  public var pvalue: Double?
  /// Rising: the steepest Theil-Sen slope seen, in registrations per period per year.
  public var slopePerYear: Double?
  /// Elevated: the highest index against the municipality seen (100 = municipal rate).
  public var index: Double?

  public init(
    indicator: String, area: String, kinds: [FlagKind], partners: [String], firstSignal: Period,
    lastSignal: Period, peak: Period, periods: Int, observed: Int, expected: Double?,
    upperbound: Double?, pvalue: Double?, slopePerYear: Double? = nil, index: Double? = nil
  ) {
    self.indicator = indicator
    self.area = area
    self.kinds = kinds
    self.partners = partners
    self.firstSignal = firstSignal
    self.lastSignal = lastSignal
    self.peak = peak
    self.periods = periods
    self.observed = observed
    self.expected = expected
    self.upperbound = upperbound
    self.pvalue = pvalue
    self.slopePerYear = slopePerYear
    self.index = index
  }
}

/// Convergent signals at their strongest.
public struct ConvergenceEvidence: Sendable, Hashable, Codable {
  public var week: Period
  /// Fisher's combination of the soft signals' p-values.
  public var combinedPValue: Double
  public var indicators: [String]
  public var partners: [String]
  public var observed: Int
  public var expected: Double
}
