import SafetyCore

/// What kind of planted episode: the truth file's `kind`.
public enum EpisodeKind: String, Sendable, Hashable, CaseIterable {
  /// An acute rise for a few weeks, clearly above the expected level.
  case spike
  /// A sustained rise over months: the extra count ramps up, then holds.
  case rising
  /// Several partners' indicators of one theme rise together in one buurt.
  case convergent
}

/// Extra registrations of one source in one buurt during an episode.
public struct EpisodeComponent: Sendable {
  public var indicator: String
  public var source: SourceID
  /// Catalogue indices of the categories that get the extra, with their shares (sum 1).
  public var categories: [(index: Int, share: Double)]
  public var buurt: Int
  /// Inclusive day range.
  public var firstDay: Int
  public var lastDay: Int
  /// Expected extra registrations per week at full strength.
  public var extraPerWeek: Double
  /// Days over which the extra ramps up linearly from zero (0: at full strength at once).
  public var rampDays: Int
  /// Expected count without the episode per week (all of the indicator's sources in the
  /// buurt), when it was planned.
  public var baselinePerWeek: Double

  /// Expected extra on day `d`, all categories together.
  public func extra(onDay d: Int) -> Double {
    guard d >= firstDay, d <= lastDay else { return 0 }
    let full = extraPerWeek / 7
    guard rampDays > 0 else { return full }
    return full * min(1, Double(d - firstDay + 1) / Double(rampDays))
  }

  public var expectedExtra: Double {
    (firstDay...lastDay).reduce(0) { $0 + extra(onDay: $1) }
  }

  func share(of category: Int) -> Double {
    categories.first { $0.index == category }?.share ?? 0
  }
}

/// A planted episode: the truth file's row.
public struct Episode: Sendable {
  public var id: String
  public var kind: EpisodeKind
  public var buurt: Int
  public var theme: String
  public var indicators: [String]
  public var components: [EpisodeComponent]
  public var firstDay: Int
  public var lastDay: Int
  /// Filled in while generating: expected count without the episode over the window (all
  /// sources of the episode's indicators in the buurt), the planted extra, and what the
  /// final data hold.
  public var baseline: Double = 0
  public var expectedExtra: Double = 0
  public var observed: Int = 0

  public var sources: [SourceID] {
    var seen: [SourceID] = []
    for c in components where !seen.contains(c.source) { seen.append(c.source) }
    return seen
  }

  public var multiplier: Double { baseline > 0 ? (baseline + expectedExtra) / baseline : .infinity }
}

/// Fast lookup of the extra expected per buurt, category and day while generating.
struct EpisodeIndex: Sendable {
  private var byBuurt: [Int: [EpisodeComponent]] = [:]

  init(_ episodes: [Episode]) {
    for e in episodes {
      for c in e.components { byBuurt[c.buurt, default: []].append(c) }
    }
  }

  func components(buurt: Int) -> [EpisodeComponent] { byBuurt[buurt] ?? [] }

  /// Expected extra of `category` in `buurt` on each day of `days`.
  func extra(category: Int, buurt: Int, days: Range<Int>) -> [Double]? {
    guard let comps = byBuurt[buurt] else { return nil }
    var result: [Double]? = nil
    for c in comps {
      let share = c.share(of: category)
      guard share > 0, c.lastDay >= days.lowerBound, c.firstDay < days.upperBound else { continue }
      if result == nil { result = [Double](repeating: 0, count: days.count) }
      for (i, d) in days.enumerated() { result![i] += share * c.extra(onDay: d) }
    }
    return result
  }
}
