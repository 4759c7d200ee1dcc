import Flagging
import SafetyCore

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
