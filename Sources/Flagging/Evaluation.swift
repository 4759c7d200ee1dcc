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

/// Scores an engine's outcome against truth.
public struct Evaluator: Sendable {
  public var engine: FlagEngine
  /// Weeks after an episode's last week in which its flags still count as explained.
  public var graceWeeks: Int
  /// A level flag week is explained when the true index of one of its indicators is at
  /// least this (a margin below the band, for counts that are high by chance).
  public var explainedIndex: Double

  public init(engine: FlagEngine, graceWeeks: Int = 4, explainedIndex: Double = 115) {
    self.engine = engine
    self.graceWeeks = graceWeeks
    self.explainedIndex = explainedIndex
  }

  public func evaluate(
    _ outcome: FlagOutcome, input: FlagInput, episodes all: [TruthEpisode],
    levels: [TruthLevel] = []
  ) -> Evaluation {
    let rules = engine.rules
    let from = outcome.from
    let through = outcome.through
    let episodes = all.filter { $0.firstWeek >= from && $0.firstWeek <= through }
    let evaluatedAreas = input.areas.areas.values.filter { $0.level == .buurt || $0.level == .wijk }
      .count
    let weeks = through.ordinal - from.ordinal + 1
    let areaWeeks = evaluatedAreas * weeks
    let levelIndex = Self.trueIndices(levels, input: input)

    func covers(_ flag: DerivedFlag, _ e: TruthEpisode) -> Bool {
      guard flag.theme == e.theme else { return false }
      let areas = flag.family == .cluster ? flag.explanation.members : [flag.area]
      if areas.contains(e.area) { return true }
      let wijkLevel = e.indicators.contains { rules.indicator($0)?.level == .wijk }
      return wijkLevel && areas.contains(e.wijk)
    }
    func explainedByEpisode(_ flag: DerivedFlag, _ week: Period) -> Bool {
      // A level flag looks back over its rolling window: it may stay up that long after
      // the episode that raised it.
      var lookback = 0
      if flag.family == .level {
        for c in flag.explanation.contributions {
          guard let plan = rules.indicator(c.indicator) else { continue }
          lookback = max(lookback, plan.elevated.window * 52 / plan.frequency)
        }
      }
      return all.contains { e in
        covers(flag, e) && week >= e.firstWeek && week <= explainedEnd(e).advanced(by: lookback)
      }
    }
    func explainedByLevel(_ flag: DerivedFlag, _ week: Period) -> Bool {
      let year = week.representativeDate.year
      return flag.explanation.contributions.contains { c in
        (levelIndex["\(c.area)|\(c.indicator)|\(year)"] ?? 0) >= explainedIndex
      }
    }

    /// The last week a flag still counts for an episode: `graceWeeks` after the week from
    /// which the episode's last data period is visible (a month counts from its last week).
    func explainedEnd(_ e: TruthEpisode) -> Period {
      var end = e.lastWeek
      for id in e.indicators {
        guard let plan = rules.indicator(id), plan.period != .week else { continue }
        let period = Period(containing: e.lastWeek.lastDay, kind: plan.period)
        end = max(end, FlagEngine.visibleWeek(period))
      }
      return end.advanced(by: graceWeeks)
    }

    // Episodes.
    var perEpisode: [Evaluation.EpisodeScore] = []
    for e in episodes {
      let matching = outcome.flags.filter { $0.family != .level && covers($0, e) }
      let end = explainedEnd(e)
      var first: Period?
      var ids: [String] = []
      var kinds: [String] = []
      for f in matching {
        guard let w = f.weeks.first(where: { $0 >= e.firstWeek && $0 <= end }) else { continue }
        ids.append(f.id)
        for k in f.kinds where !kinds.contains(k.rawValue) { kinds.append(k.rawValue) }
        if first.map({ w < $0 }) ?? true { first = w }
      }
      var score = Evaluation.EpisodeScore(
        id: e.id, kind: e.kind, area: e.area, theme: e.theme, firstWeek: e.firstWeek.description,
        flagged: first != nil, delay: first.map { $0.ordinal - e.firstWeek.ordinal }, flags: ids,
        flagKinds: kinds)
      if e.kind == "convergent" {
        let delays = singleSourceDelays(e, input: input, outcome: outcome)
        score.singleSources = delays
        if let best = delays.compactMap({ k, v in v.map { (k, $0) } }).min(by: {
          ($0.1, $0.0) < ($1.1, $1.0)
        }) {
          score.earliestSource = best.0
          score.earliestSourceDelay = best.1
        }
      }
      perEpisode.append(score)
    }
    var kindScores: [Evaluation.KindScore] = []
    let kindNames = episodes.map(\.kind).reduce(into: [String]()) {
      if !$0.contains($1) { $0.append($1) }
    }
    for kind in kindNames + ["all"] {
      let list = perEpisode.filter { kind == "all" || $0.kind == kind }
      let delays = list.compactMap(\.delay).sorted()
      kindScores.append(
        .init(
          kind: kind, episodes: list.count, flagged: list.filter(\.flagged).count,
          share: list.isEmpty ? nil : Double(list.filter(\.flagged).count) / Double(list.count),
          delays: delays, medianDelay: median(delays)))
    }

    // False flag-weeks.
    var unexplainedFlags: [Evaluation.UnexplainedFlag] = []
    for f in outcome.flags {
      let n = f.weeks.filter {
        $0 >= from && $0 <= through && !explainedByEpisode(f, $0)
          && !(f.family == .level && explainedByLevel(f, $0))
      }.count
      if n > 0 {
        unexplainedFlags.append(
          .init(
            id: f.id, kind: f.kind.rawValue, area: f.area, theme: f.theme,
            firstSeen: f.firstSeen.description, weeks: n, indicators: f.explanation.indicators))
      }
    }
    var falseFlags: [Evaluation.FalseFlags] = []
    for kind in FlagKind.allCases.map(\.rawValue) + ["all"] {
      let flags = outcome.flags.filter { kind == "all" || $0.kind.rawValue == kind }
      var flagWeeks = 0
      var unexplained = 0
      for f in flags {
        for w in f.weeks where w >= from && w <= through {
          flagWeeks += 1
          let ok =
            explainedByEpisode(f, w) || (f.family == .level && explainedByLevel(f, w))
          if !ok { unexplained += 1 }
        }
      }
      falseFlags.append(
        .init(
          kind: kind, flags: flags.count, flagWeeks: flagWeeks, falseFlagWeeks: unexplained,
          rate: areaWeeks > 0 ? Double(unexplained) / Double(areaWeeks) : 0))
    }

    // Levels: clearly elevated area-theme pairs with enough expected registrations.
    var levelScore: Evaluation.LevelScore?
    if !levels.isEmpty {
      var pairs: Set<String> = []
      let years = Set((0..<weeks).map { from.advanced(by: $0).representativeDate.year })
      for l in levels where years.contains(l.year) {
        guard (levelIndex["\(l.area)|\(l.indicator)|\(l.year)"] ?? 0) >= 150,
          let plan = rules.indicator(l.indicator), plan.kinds.contains(.elevated),
          rules.theme(plan.theme)?.kinds.contains(.elevated) == true,
          input.areas[l.area] != nil,
          // Enough expected registrations in the rule's window to be seen at all.
          l.expected * Double(plan.elevated.window) / Double(plan.frequency)
            >= Double(plan.elevated.minCases)
        else { continue }
        pairs.insert("\(l.area)|\(plan.theme)")
      }
      let flagged = pairs.filter { pair in
        outcome.flags.contains { $0.family == .level && "\($0.area)|\($0.theme)" == pair }
      }
      levelScore = .init(
        clearlyElevated: pairs.count, flagged: flagged.count,
        share: pairs.isEmpty ? nil : Double(flagged.count) / Double(pairs.count))
    }

    // Convergent episodes: the system against the best single source.
    let conv = perEpisode.filter { $0.kind == "convergent" }
    var sources: Set<String> = []
    for e in conv { sources.formUnion(e.singleSources?.keys ?? [:].keys) }
    let ranked = sources.sorted().map { source -> (String, Int, Double) in
      let delays = conv.compactMap { $0.singleSources?[source] ?? nil }.sorted()
      return (source, delays.count, median(delays) ?? .infinity)
    }.sorted { ($0.1, -$0.2) > ($1.1, -$1.2) }
    var cmp: Evaluation.Comparison?
    var earliest: Evaluation.Comparison?
    if let best = ranked.first {
      cmp = compare(conv, source: best.0) { $0.singleSources?[best.0] ?? nil }
      earliest = compare(conv, source: "earliest per episode") { $0.earliestSourceDelay }
    }

    let overall = kindScores.last
    let spikes = kindScores.first { $0.kind == "spike" }
    let falseAll = falseFlags.last
    var targets: [Evaluation.Target] = [
      .init(
        name: "episodes flagged", value: overall?.share, target: ">= 95 %",
        met: (overall?.share ?? 0) >= 0.95),
      .init(
        name: "false flags per area-week", value: falseAll?.rate, target: "<= 0.5 %",
        met: (falseAll?.rate ?? 1) <= 0.005),
      .init(
        name: "median spike delay (weeks)", value: spikes?.medianDelay, target: "<= 1",
        met: (spikes?.medianDelay ?? 99) <= 1),
    ]
    if let cmp, cmp.episodes > 0 {
      let s = cmp.systemMedianDelay ?? 99
      let b = cmp.sourceMedianDelay ?? 99
      targets.append(
        .init(
          name: "convergent: earlier than the best single source", value: s - b,
          target: "median delay lower, or earlier in more episodes than later",
          met: cmp.systemFlagged >= cmp.sourceFlagged
            && (s < b || (s <= b && cmp.earlier > cmp.later))))
    }
    return Evaluation(
      from: from.description, through: through.description, areas: evaluatedAreas,
      areaWeeks: areaWeeks, graceWeeks: graceWeeks, episodes: kindScores, falseFlags: falseFlags,
      levels: levelScore, convergent: cmp, convergentEarliestPerEpisode: earliest,
      perEpisode: perEpisode, unexplained: unexplainedFlags,
      targets: targets)
  }

  /// True indices per "area|indicator|year": 100 × (expected / denominator) over the
  /// municipal ratio, at the indicator's level, with the input's denominators (the year's
  /// mean); areas without a denominator get none.
  static func trueIndices(_ levels: [TruthLevel], input: FlagInput) -> [String: Double] {
    var out: [String: Double] = [:]
    var denominators: [String: [String: [Int: Double]]] = [:]
    var levelOf: [String: AreaLevel] = [:]
    for data in input.indicators {
      levelOf[data.plan.id] = data.plan.level
      var perArea: [String: [Int: Double]] = [:]
      for a in data.areas {
        guard let d = a.denominator else { continue }
        var sums: [Int: (Double, Int)] = [:]
        for (k, v) in d.enumerated() {
          let year = data.first.advanced(by: k).representativeDate.year
          sums[year, default: (0, 0)].0 += v
          sums[year, default: (0, 0)].1 += 1
        }
        perArea[a.area] = sums.mapValues { $0.0 / Double($0.1) }
      }
      denominators[data.plan.id] = perArea
    }
    var groups: [String: [TruthLevel]] = [:]
    for l in levels { groups["\(l.indicator)|\(l.year)", default: []].append(l) }
    for (_, group) in groups {
      guard let first = group.first, let level = levelOf[first.indicator],
        let perArea = denominators[first.indicator]
      else { continue }
      let rows = group.filter { AreaCode($0.area)?.level == level }
      var totalE = 0.0
      var totalD = 0.0
      for r in rows {
        guard let d = perArea[r.area]?[r.year], d > 0 else { continue }
        totalE += r.expected
        totalD += d
      }
      guard totalE > 0, totalD > 0 else { continue }
      for r in rows {
        guard let d = perArea[r.area]?[r.year], d > 0 else { continue }
        out["\(r.area)|\(r.indicator)|\(r.year)"] = 100 * (r.expected / d) / (totalE / totalD)
      }
    }
    return out
  }

  func compare(
    _ episodes: [Evaluation.EpisodeScore], source: String,
    delay: (Evaluation.EpisodeScore) -> Int?
  ) -> Evaluation.Comparison {
    var c = Evaluation.Comparison(
      source: source, episodes: episodes.count,
      systemFlagged: episodes.filter { $0.delay != nil }.count,
      sourceFlagged: episodes.filter { delay($0) != nil }.count,
      systemMedianDelay: median(episodes.compactMap(\.delay).sorted()),
      sourceMedianDelay: median(episodes.compactMap(delay).sorted()), earlier: 0, same: 0,
      later: 0)
    for e in episodes {
      switch (e.delay, delay(e)) {
      case (let s?, let b?):
        if s < b { c.earlier += 1 } else if s == b { c.same += 1 } else { c.later += 1 }
      case (.some, nil): c.earlier += 1
      case (nil, .some): c.later += 1
      case (nil, nil): c.same += 1
      }
    }
    return c
  }

  /// Per source feeding the episode's theme: the first week a detector that sees only that
  /// source's registrations (spike and rising rules of the theme's indicators, in the
  /// episode's buurt or wijk) signals within the episode (plus grace), as a delay.
  func singleSourceDelays(_ e: TruthEpisode, input: FlagInput, outcome: FlagOutcome)
    -> [String: Int?]
  {
    var out: [String: Int?] = [:]
    let end = e.lastWeek.advanced(by: graceWeeks)
    for data in input.indicators where data.plan.theme == e.theme {
      guard let theme = engine.rules.theme(data.plan.theme) else { continue }
      let code = data.plan.level == .wijk ? e.wijk : e.area
      guard let area = data.areas.first(where: { $0.area == code }) else { continue }
      let sources: [(String, [Int])] =
        area.bySource.isEmpty
        ? data.plan.sources.prefix(1).map { ($0.id, area.counts) }
        : area.bySource.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
      for (source, counts) in sources {
        if out[source] == nil { out[source] = .some(nil) }
        var plan = data.plan
        plan.sources = plan.sources.filter { $0.id == source }
        plan.kinds = plan.kinds.intersection([.spike, .rising])
        guard !plan.kinds.isEmpty else { continue }
        let single = IndicatorData(
          plan: plan, first: data.first, areas: [AreaSeries(area: code, counts: counts)])
        guard
          let range = FlagEngine.evaluationRange(
            single, from: outcome.from, through: outcome.through)
        else { continue }
        let signals = SignalBuilder.signals(
          single, range: range, convergence: theme.convergence,
          minPopulation: engine.minPopulation, parallel: false)
        guard let list = signals.byArea[code] else { continue }
        for (j, s) in list.enumerated() where s.spike || s.rising != nil {
          // A period signals from the week it is visible until the next one is.
          let visible = FlagEngine.visibleWeek(signals.period(j))
          let next =
            j + 1 < list.count
            ? FlagEngine.visibleWeek(signals.period(j + 1)) : visible.advanced(by: 1)
          let w = max(visible, e.firstWeek)
          guard w < next, w <= end else { continue }
          let delay = w.ordinal - e.firstWeek.ordinal
          if let known = out[source] ?? nil, known <= delay { break }
          out[source] = delay
          break
        }
      }
    }
    return out
  }
}

func median(_ sorted: [Int]) -> Double? {
  guard !sorted.isEmpty else { return nil }
  let m = sorted.count / 2
  return sorted.count % 2 == 1 ? Double(sorted[m]) : Double(sorted[m - 1] + sorted[m]) / 2
}
