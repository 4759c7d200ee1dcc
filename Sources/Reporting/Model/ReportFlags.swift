import Flagging
import SafetyCore

extension FlagStatus {
  /// Most pressing first: escalated, new, ongoing, de-escalated, resolved.
  public var urgency: Int {
    switch self {
    case .escalated: 4
    case .new: 3
    case .ongoing: 2
    case .deescalated: 1
    case .resolved: 0
    }
  }
}

/// The flags of the report's period.
public struct FlagReport: Sendable, Codable, Hashable {
  /// Every flag that was open at some time in the period, most pressing first.
  public var flags: [FlagItem]

  public init(flags: [FlagItem]) { self.flags = flags }

  /// Raised in the period.
  public var new: [FlagItem] { flags.filter(\.raisedInPeriod) }
  /// Escalated in the period (and not raised in it).
  public var escalated: [FlagItem] {
    flags.filter { !$0.raisedInPeriod && $0.escalatedInPeriod }
  }
  /// Open at the end of the period, raised before it and not escalated in it.
  public var stillOpen: [FlagItem] {
    flags.filter { !$0.raisedInPeriod && !$0.escalatedInPeriod && $0.status.isOpen }
  }
  /// Resolved in the period (raised before or in it).
  public var resolved: [FlagItem] { flags.filter { $0.status == .resolved } }
}

/// One flag with its explanation and the analysts' notes.
public struct FlagItem: Sendable, Codable, Hashable {
  public var id: String
  public var area: AreaRef
  public var areaLevel: AreaLevel
  /// The wijk of a buurt.
  public var wijk: AreaRef?
  public var theme: String
  public var kind: FlagKind
  /// Status at the end of the period.
  public var status: FlagStatus
  /// Severity score 0–100 at the end of the period and its band (docs/FLAGS.md).
  public var severity: Int
  public var band: SeverityBand
  public var firstSeen: Period
  public var lastSeen: Period
  public var raisedInPeriod: Bool
  public var escalatedInPeriod: Bool
  public var evidence: FlagEvidence
  /// The latest decision, if an analyst acknowledged or dismissed the flag.
  public var review: FlagReview?
  /// Analysts' notes, oldest first.
  public var notes: [FlagNote]
  /// The flagged series with the stored detection results, when there is one.
  public var chart: ChartSeries?

  public init(
    id: String, area: AreaRef, areaLevel: AreaLevel, wijk: AreaRef?, theme: String,
    kind: FlagKind, status: FlagStatus, severity: Int, band: SeverityBand, firstSeen: Period,
    lastSeen: Period,
    raisedInPeriod: Bool, escalatedInPeriod: Bool, evidence: FlagEvidence,
    review: FlagReview?, notes: [FlagNote], chart: ChartSeries?
  ) {
    self.id = id
    self.area = area
    self.areaLevel = areaLevel
    self.wijk = wijk
    self.theme = theme
    self.kind = kind
    self.status = status
    self.severity = severity
    self.band = band
    self.firstSeen = firstSeen
    self.lastSeen = lastSeen
    self.raisedInPeriod = raisedInPeriod
    self.escalatedInPeriod = escalatedInPeriod
    self.evidence = evidence
    self.review = review
    self.notes = notes
    self.chart = chart
  }
}

/// Why a flag was raised: the indicators and partners, and the numbers behind it.
public struct FlagEvidence: Sendable, Codable, Hashable {
  public var indicators: [NamedRef]
  public var partners: [String]
  /// The period the numbers are for (the latest that signalled).
  public var period: Period?
  public var observed: DisclosedCount?
  public var expected: Double?
  public var upperBound: Double?
  public var pValue: Double?
  /// Theil-Sen slope in registrations per year (rising flags).
  public var trendSlope: Double?
  /// Level index (elevated flags).
  public var index: DisclosedValue?
  /// Adjacent flagged areas (cluster flags).
  public var neighbours: [AreaRef]

  public init(
    indicators: [NamedRef], partners: [String], period: Period? = nil,
    observed: DisclosedCount? = nil, expected: Double? = nil, upperBound: Double? = nil,
    pValue: Double? = nil, trendSlope: Double? = nil, index: DisclosedValue? = nil,
    neighbours: [AreaRef] = []
  ) {
    self.indicators = indicators
    self.partners = partners
    self.period = period
    self.observed = observed
    self.expected = expected
    self.upperBound = upperBound
    self.pValue = pValue
    self.trendSlope = trendSlope
    self.index = index
    self.neighbours = neighbours
  }

  enum CodingKeys: String, CodingKey {
    case indicators, partners, period, observed, expected, upperBound, pValue, trendSlope
    case index, neighbours
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(indicators, forKey: .indicators)
    try c.encode(partners, forKey: .partners)
    try c.encode(period, forKey: .period)
    try c.encode(observed, forKey: .observed)
    try c.encode(expected, forKey: .expected)
    try c.encode(upperBound, forKey: .upperBound)
    try c.encode(pValue, forKey: .pValue)
    try c.encode(trendSlope, forKey: .trendSlope)
    try c.encode(index, forKey: .index)
    try c.encode(neighbours, forKey: .neighbours)
  }
}

/// An analyst's acknowledgement, dismissal or note (append-only history).
public struct FlagNote: Sendable, Codable, Hashable {
  public var review: FlagReview?
  public var note: String
  public var by: String
  /// When (ISO 8601 timestamp as stored).
  public var at: String

  public init(review: FlagReview?, note: String, by: String, at: String) {
    self.review = review
    self.note = note
    self.by = by
    self.at = at
  }
}
