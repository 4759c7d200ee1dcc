import Flagging
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
}

/// A flag event with when and by which run it was recorded.
public struct RecordedFlagEvent: Sendable, Hashable, Codable {
  public var event: FlagEvent
  public var runID: Int64?
  public var recordedAt: String
}

/// An acknowledgement or dismissal.
public struct FlagReviewEntry: Sendable, Hashable, Codable {
  public var flagID: String
  public var action: FlagReview
  public var note: String
  public var author: String
  public var recordedAt: String
}

/// Which flags to list. Empty sets match everything.
public struct FlagFilter: Sendable, Hashable {
  public var themes: Set<String> = []
  /// Wijk codes: a flag matches when its area is the wijk or lies in it.
  public var wijken: Set<String> = []
  /// Areas: exact codes.
  public var areas: Set<String> = []
  /// A flag matches when it has had any of these kinds.
  public var kinds: Set<FlagKind> = []
  public var statuses: Set<FlagStatus> = []
  public var reviews: Set<FlagReview> = []
  /// Only flags nobody has reviewed.
  public var unreviewed = false
  public init() {}
}

/// What a run's flag stage wrote.
public struct FlagWriteSummary: Sendable, Hashable, Codable {
  public var opened: [String] = []
  public var escalated: [String] = []
  public var deescalated: [String] = []
  public var resolved: [String] = []
  /// Events appended to bring flags in line with revised data.
  public var revised = 0
  public var eventsAppended = 0
  public var rowsWritten = 0
  public init() {}
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
}

public enum FlagStoreError: Error, Sendable, CustomStringConvertible {
  case unknownFlag(String)
  case invalidReview(String)
  public var description: String {
    switch self {
    case .unknownFlag(let id): "no flag with id \(id)"
    case .invalidReview(let m): m
    }
  }
}
