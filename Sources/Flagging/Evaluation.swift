import SafetyCore

/// How well the flags find what a generator planted (docs/QUALITY.md has the method):
/// per episode kind the share of episodes flagged and the delay, per flag kind the false
/// flag-weeks per area-week, and for convergent episodes the system's delay against the
/// best single-source detector.
public struct Evaluation: Sendable, Codable {
  public struct KindScore: Sendable, Codable {
    public var kind: String
    public var episodes: Int
    public var flagged: Int
    public var share: Double?
    /// Weeks from the episode's first week to its first flag week, per flagged episode.
    public var delays: [Int]
    public var medianDelay: Double?
  }

  public struct FalseFlags: Sendable, Codable {
    public var kind: String
    /// Flags of this kind, and their signal weeks.
    public var flags: Int
    public var flagWeeks: Int
    /// Signal weeks no truth explains, and their share of all evaluated area-weeks.
    public var falseFlagWeeks: Int
    public var rate: Double
  }

  public struct EpisodeScore: Sendable, Codable {
    public var id: String
    public var kind: String
    public var area: String
    public var theme: String
    public var firstWeek: String
    public var flagged: Bool
    public var delay: Int?
    public var flags: [String]
    public var flagKinds: [String]
    /// Convergent episodes: per source (a partner's export), the delay of a detector that
    /// sees only that source's registrations of the theme's indicators (nil: not flagged).
    public var singleSources: [String: Int?]?
    /// The source that was earliest for this episode (chosen afterwards), and its delay.
    public var earliestSource: String?
    public var earliestSourceDelay: Int?
  }

  /// The system against a single-source detector over the convergent episodes.
  public struct Comparison: Sendable, Codable {
    /// The single source compared with: the best one over all convergent episodes (most
    /// episodes flagged, then the lowest median delay), or, for `earliestPerEpisode`, the
    /// source that happened to be earliest in each episode.
    public var source: String
    public var episodes: Int
    public var systemFlagged: Int
    public var sourceFlagged: Int
    public var systemMedianDelay: Double?
    public var sourceMedianDelay: Double?
    /// Episodes the system flagged earlier than, as early as, or later than the source (a
    /// detector that never fires counts as later than any flag).
    public var earlier: Int
    public var same: Int
    public var later: Int
  }

  /// A flag with signal weeks that no truth explains.
  public struct UnexplainedFlag: Sendable, Codable {
    public var id: String
    public var kind: String
    public var area: String
    public var theme: String
    public var firstSeen: String
    public var weeks: Int
    public var indicators: [String]
  }

  public struct LevelScore: Sendable, Codable {
    /// Area-theme pairs whose true index is at least 150 for an indicator with enough
    /// expected registrations to be seen, and how many got an elevated flag.
    public var clearlyElevated: Int
    public var flagged: Int
    public var share: Double?
  }

  public struct Target: Sendable, Codable {
    public var name: String
    public var value: Double?
    public var target: String
    public var met: Bool
  }

  public var from: String
  public var through: String
  public var areas: Int
  public var areaWeeks: Int
  public var graceWeeks: Int
  public var episodes: [KindScore]
  public var falseFlags: [FalseFlags]
  public var levels: LevelScore?
  /// Convergent episodes: the system against the best single source, and against the
  /// earliest source of each episode.
  public var convergent: Comparison?
  public var convergentEarliestPerEpisode: Comparison?
  public var perEpisode: [EpisodeScore]
  public var unexplained: [UnexplainedFlag]
  public var targets: [Target]
}
