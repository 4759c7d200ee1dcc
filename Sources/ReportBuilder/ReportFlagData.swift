import Flagging
import SafetyCore
import Store

/// A stored flag as a report reads it: its history of events (in data weeks), the signals
/// behind it, and the analysts' reviews. Mapped from the store's `FlagRecord`, so reports
/// (and their tests) depend on the facts, not on the store's record types.
public struct ReportFlag: Sendable, Hashable {
  public struct Event: Sendable, Hashable {
    public var type: FlagEventType
    /// The data week it happened in.
    public var week: Period
    public var severity: Int
    public var band: SeverityBand
    public var kind: FlagKind
    public init(
      type: FlagEventType, week: Period, severity: Int, band: SeverityBand, kind: FlagKind
    ) {
      self.type = type
      self.week = week
      self.severity = severity
      self.band = band
      self.kind = kind
    }
  }

  /// One indicator's part, with its strongest signal.
  public struct Signal: Sendable, Hashable {
    public var indicator: String
    /// Where it was measured (the flag's area, its wijk, or a cluster member).
    public var area: String
    public var partners: [String]
    public var firstSignal: Period
    /// The strongest signal's period (base period of the indicator).
    public var peak: Period
    public var observed: Int
    public var expected: Double?
    public var upperBound: Double?
    public var pValue: Double?
    public var slopePerYear: Double?
    public var index: Double?
    public init(
      indicator: String, area: String, partners: [String], firstSignal: Period, peak: Period,
      observed: Int, expected: Double? = nil, upperBound: Double? = nil, pValue: Double? = nil,
      slopePerYear: Double? = nil, index: Double? = nil
    ) {
      self.indicator = indicator
      self.area = area
      self.partners = partners
      self.firstSignal = firstSignal
      self.peak = peak
      self.observed = observed
      self.expected = expected
      self.upperBound = upperBound
      self.pValue = pValue
      self.slopePerYear = slopePerYear
      self.index = index
    }
  }

  /// Convergent signals at their strongest.
  public struct Convergence: Sendable, Hashable {
    public var week: Period
    public var combinedPValue: Double
    public var observed: Int
    public var expected: Double
    public init(week: Period, combinedPValue: Double, observed: Int, expected: Double) {
      self.week = week
      self.combinedPValue = combinedPValue
      self.observed = observed
      self.expected = expected
    }
  }

  public struct Review: Sendable, Hashable {
    public var action: FlagReview
    public var note: String
    public var author: String
    public var recordedAt: String
    public init(action: FlagReview, note: String, author: String, recordedAt: String) {
      self.action = action
      self.note = note
      self.author = author
      self.recordedAt = recordedAt
    }
  }

  public var id: String
  public var area: String
  public var areaLevel: AreaLevel
  public var theme: String
  public var firstSeen: Period
  /// The weeks with a signal.
  public var signalWeeks: [Period]
  public var events: [Event]
  public var signals: [Signal]
  public var partners: [String]
  public var convergence: Convergence?
  /// Cluster members (area codes).
  public var members: [String]
  public var reviews: [Review]

  public init(
    id: String, area: String, areaLevel: AreaLevel, theme: String, firstSeen: Period,
    signalWeeks: [Period], events: [Event], signals: [Signal], partners: [String],
    convergence: Convergence? = nil, members: [String] = [], reviews: [Review] = []
  ) {
    self.id = id
    self.area = area
    self.areaLevel = areaLevel
    self.theme = theme
    self.firstSeen = firstSeen
    self.signalWeeks = signalWeeks
    self.events = events
    self.signals = signals
    self.partners = partners
    self.convergence = convergence
    self.members = members
    self.reviews = reviews
  }
}

/// A stored detector result: one period of an indicator's series in an area.
public struct ReportDetectionPoint: Sendable, Hashable {
  public var period: Period
  public var observed: Int
  public var expected: Double?
  public var upperBound: Double?
  public var alarm: Bool
  public init(period: Period, observed: Int, expected: Double?, upperBound: Double?, alarm: Bool) {
    self.period = period
    self.observed = observed
    self.expected = expected
    self.upperBound = upperBound
    self.alarm = alarm
  }
}

extension ReportFlag {
  /// The report's view of a stored flag.
  init(_ record: FlagRecord) {
    let flag = record.flag
    let e = flag.explanation
    self.init(
      id: flag.id, area: flag.area, areaLevel: flag.areaLevel, theme: flag.theme,
      firstSeen: flag.firstSeen, signalWeeks: flag.weeks,
      events: flag.events.map {
        Event(type: $0.type, week: $0.week, severity: $0.severity, band: $0.band, kind: $0.kind)
      },
      signals: e.contributions.map {
        Signal(
          indicator: $0.indicator, area: $0.area, partners: $0.partners,
          firstSignal: $0.firstSignal, peak: $0.peak, observed: $0.observed,
          expected: $0.expected, upperBound: $0.upperbound, pValue: $0.pvalue,
          slopePerYear: $0.slopePerYear, index: $0.index)
      }, partners: e.partners,
      convergence: e.convergence.map {
        Convergence(
          week: $0.week, combinedPValue: $0.combinedPValue, observed: $0.observed,
          expected: $0.expected)
      }, members: e.members,
      reviews: record.reviews.map {
        Review(action: $0.action, note: $0.note, author: $0.author, recordedAt: $0.recordedAt)
      })
  }
}
