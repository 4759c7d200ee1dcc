/// What an early-warning flag says about an area and theme (see docs/FLAGS.md).
///
/// - `spike`: a detector alarm — this week (month) is unusually high;
/// - `rising`: a significant upward trend beyond the seasonal expectation;
/// - `elevated`: the level is well above the municipality's, for several periods;
/// - `convergent`: several partners or indicators of one theme signal the same area at once;
/// - `cluster`: adjacent areas flagged for the same theme in the same period.
public enum FlagKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  case spike, rising, elevated, convergent, cluster

  /// Precedence for the kind a flag is shown under (higher first): convergent, spike,
  /// rising, cluster, elevated.
  public var precedence: Int {
    switch self {
    case .convergent: 5
    case .spike: 4
    case .rising: 3
    case .cluster: 2
    case .elevated: 1
    }
  }

  public static func < (a: FlagKind, b: FlagKind) -> Bool { a.precedence < b.precedence }
}

/// Where a flag is in its lifecycle, as analysts see it (see docs/FLAGS.md, "Lifecycle").
public enum FlagStatus: String, Sendable, Hashable, Codable, CaseIterable {
  /// Raised by the latest run that changed the flags.
  case new
  /// Open, unchanged by the latest run that changed the flags.
  case ongoing
  /// Its severity band rose (or it became convergent) in the latest run that changed flags.
  case escalated
  /// Its severity band fell while it stayed open, in the latest run that changed flags.
  case deescalated
  /// No signal for the resolution period: closed.
  case resolved

  /// Whether the flag is still open.
  public var isOpen: Bool { self != .resolved }
}

/// An analyst's verdict on a flag (append-only; the latest counts).
public enum FlagReview: String, Sendable, Hashable, Codable, CaseIterable {
  /// Seen and taken up ("bevestigd").
  case acknowledged
  /// Seen and set aside as not needing action ("terzijde gelegd").
  case dismissed
}
