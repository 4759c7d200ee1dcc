import SafetyCore

/// A flag as the store holds it: the derived flag (row and events), where it is in its
/// lifecycle, and what analysts said about it.
public struct FlagRecord: Sendable, Hashable, Codable {
  public var flag: DerivedFlag
  /// Lifecycle status relative to the latest run that changed the flags (docs/FLAGS.md).
  public var status: FlagStatus
  /// Every event with the run that recorded it, oldest first.
  public var history: [RecordedFlagEvent]
  /// Analysts' reviews, oldest first (the latest counts).
  public var reviews: [FlagReviewEntry]

  public var review: FlagReviewEntry? { reviews.last }

  public init(
    flag: DerivedFlag, status: FlagStatus, history: [RecordedFlagEvent],
    reviews: [FlagReviewEntry]
  ) {
    self.flag = flag
    self.status = status
    self.history = history
    self.reviews = reviews
  }

  /// Lifecycle status: resolved when its last event is; otherwise from what the latest run
  /// that changed any flag recorded for it (opened → new, escalated, de-escalated), else
  /// ongoing.
  public static func status(_ history: [RecordedFlagEvent], latestRun: Int64?) -> FlagStatus {
    guard let last = history.last else { return .ongoing }
    if last.event.type == .resolved { return .resolved }
    let recent = history.filter { $0.runID != nil && $0.runID == latestRun }
    guard let lastRecent = recent.last else { return .ongoing }
    if history.first?.runID == latestRun { return .new }
    switch lastRecent.event.type {
    case .opened, .escalated: return .escalated
    case .deescalated: return .deescalated
    case .resolved: return .resolved
    }
  }
}

/// A flag event with when and by which run it was recorded.
public struct RecordedFlagEvent: Sendable, Hashable, Codable {
  public var event: FlagEvent
  public var runID: Int64?
  public var recordedAt: String
  public init(event: FlagEvent, runID: Int64?, recordedAt: String) {
    self.event = event
    self.runID = runID
    self.recordedAt = recordedAt
  }
}

/// An acknowledgement or dismissal.
public struct FlagReviewEntry: Sendable, Hashable, Codable {
  public var flagID: String
  public var action: FlagReview
  public var note: String
  public var author: String
  public var recordedAt: String
  public init(flagID: String, action: FlagReview, note: String, author: String, recordedAt: String)
  {
    self.flagID = flagID
    self.action = action
    self.note = note
    self.author = author
    self.recordedAt = recordedAt
  }
}

/// One stored detector result.
public struct DetectionResultRow: Sendable, Hashable, Codable {
  public var indicator: String
  public var area: String
  public var period: Period
  public var observed: Int
  public var expected: Double?
  public var upperbound: Double?
  public var pvalue: Double?
  public var alarm: Bool
  public var reason: String?
  public var spike: Bool
  public var scanPValue: Double?
  public var trendPValue: Double?
  public var slopePerYear: Double?
  public var levelIndex: Double?
  public var elevated: Bool
  public init(
    indicator: String, area: String, period: Period, observed: Int, expected: Double?,
    upperbound: Double?, pvalue: Double?, alarm: Bool, reason: String?, spike: Bool,
    scanPValue: Double?, trendPValue: Double?, slopePerYear: Double?, levelIndex: Double?,
    elevated: Bool
  ) {
    self.indicator = indicator
    self.area = area
    self.period = period
    self.observed = observed
    self.expected = expected
    self.upperbound = upperbound
    self.pvalue = pvalue
    self.alarm = alarm
    self.reason = reason
    self.spike = spike
    self.scanPValue = scanPValue
    self.trendPValue = trendPValue
    self.slopePerYear = slopePerYear
    self.levelIndex = levelIndex
    self.elevated = elevated
  }
}
