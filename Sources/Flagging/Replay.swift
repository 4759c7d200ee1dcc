import SafetyCore

/// One signal in one week of the replay, for one area and theme.
struct WeekItem {
  var kind: FlagKind
  /// Indicators behind it (one, or several for convergence and clusters).
  var indicators: [String]
  var partners: [String]
  /// The area the counts are from (the flag's area, its wijk, or a cluster member).
  var area: String
  var pvalue: Double
  var ratio: Double
  /// Counts behind the signal (scan or period), for convergence totals.
  var observed: Int = 0
  var expected: Double = 0
  /// The evidence per indicator (for explanations).
  var parts: [Part]
  var convergence: ConvergenceEvidence?
  var members: [String] = []
}

/// One indicator's evidence behind a signal: the numbers an explanation shows.
struct Part: Sendable, Hashable {
  var indicator: String
  var area: String
  var kind: FlagKind
  /// The base period the evidence ends in, and how many periods its counts cover.
  var period: Period
  var periods: Int
  var observed: Int
  var expected: Double?
  var upperbound: Double?
  var pvalue: Double?
  var slopePerYear: Double?
  var index: Double?
  var partners: [String]
}

/// The week-by-week replay that turns signals into flags with a lifecycle.
struct Replay {
  let rules: FlagRules
  let areas: AreaMap
  let from: Period
  let through: Period
  private var open: [String: Tracker] = [:]
  private var closed: [Tracker] = []

  init(rules: FlagRules, areas: AreaMap, from: Period, through: Period) {
    self.rules = rules
    self.areas = areas
    self.from = from
    self.through = through
  }

  mutating func run(_ signals: [IndicatorSignals]) -> [DerivedFlag] {
    let weeks = through.ordinal - from.ordinal + 1
    guard weeks > 0 else { return [] }
    let current = signals.map { periodIndex($0, weeks: weeks) }
    for w in 0..<weeks {
      let week = from.advanced(by: w)
      var acute: [AreaTheme: [WeekItem]] = [:]
      var level: [AreaTheme: [WeekItem]] = [:]
      var soft: [AreaTheme: [WeekItem]] = [:]
      for (i, ind) in signals.enumerated() {
        guard let j = current[i][w], let theme = rules.theme(ind.plan.theme) else { continue }
        let period = ind.period(j)
        for (area, list) in ind.byArea where areas[area] != nil {
          let s = list[j]
          let key = AreaTheme(area: area, theme: theme.id)
          if s.spike {
            acute[key, default: []].append(
              item(
                .spike, ind, area, j, period, periods: 1, observed: s.observed,
                expected: s.expected, upperbound: s.upperbound, p: s.pvalue ?? 1))
          }
          if let r = s.rising {
            acute[key, default: []].append(
              item(
                .rising, ind, area, j, period, periods: max(1, (r.window + 3) / 4),
                observed: r.recentObserved, expected: r.recentExpected, p: r.pvalue,
                slope: r.slopePerYear))
          }
          if s.elevated, let l = s.level {
            level[key, default: []].append(
              item(
                .elevated, ind, area, j, period, periods: l.window, observed: l.observed,
                expected: l.expected, p: l.pvalue, index: l.index))
          }
          if theme.kinds.contains(.convergent) {
            soft[key, default: []] += softItems(ind, area, j, period, s, theme.convergence)
          }
        }
      }
      for (key, item) in convergence(soft) { acute[key, default: []].append(item) }
      var touched: Set<String> = []
      for (key, items) in acute.sorted(by: { $0.key < $1.key }) {
        touched.insert(observe("A|\(key.area)|\(key.theme)", .acute, key, items, w, week))
      }
      for (key, items) in level.sorted(by: { $0.key < $1.key }) {
        touched.insert(observe("L|\(key.area)|\(key.theme)", .level, key, items, w, week))
      }
      for (trackerKey, key, item) in clusters(acute, week: w) {
        touched.insert(observe(trackerKey, .cluster, key, [item], w, week))
      }
      for (key, tracker) in open where !touched.contains(key) {
        if w - tracker.lastSeen >= rules.resolveAfterWeeks {
          tracker.resolve(at: week)
          closed.append(tracker)
          open[key] = nil
        }
      }
    }
    let all = closed + open.values
    return all.map { $0.flag(from: from) }.sorted {
      ($0.firstSeen, $0.area, $0.theme, $0.family.rawValue)
        < ($1.firstSeen, $1.area, $1.theme, $1.family.rawValue)
    }
  }

  /// For each replay week, the index of the indicator's latest period visible by then.
  private func periodIndex(_ s: IndicatorSignals, weeks: Int) -> [Int?] {
    var out = [Int?](repeating: nil, count: weeks)
    for j in 0..<s.count {
      let visible = FlagEngine.visibleWeek(s.period(j)).ordinal - from.ordinal
      guard visible < weeks else { break }
      for w in max(0, visible)..<weeks { out[w] = j }
    }
    return out
  }

  /// Soft evidence of one indicator in one area: per source when several partners feed it
  /// (each partner's registrations against its share), else the indicator's scan.
  private func softItems(
    _ ind: IndicatorSignals, _ area: String, _ j: Int, _ period: Period, _ s: PeriodSignal,
    _ c: ConvergenceParameters
  ) -> [WeekItem] {
    var scans: [(partners: [String], scan: ScanEvidence)] = []
    if !s.sourceScans.isEmpty {
      for source in ind.plan.sources {
        if let scan = s.sourceScans[source.id] { scans.append(([source.partner], scan)) }
      }
    } else if let scan = s.scan {
      scans.append((Partners.contributing(ind, area: area, at: j, span: scan.periods), scan))
    }
    return scans.filter { $0.scan.pvalue <= c.softAlpha }.map { partners, scan in
      item(
        .convergent, ind, area, j, period, periods: scan.periods, observed: scan.observed,
        expected: scan.expected, p: scan.pvalue, partners: partners)
    }
  }

  private func ratio(_ observed: Double, _ expected: Double?) -> Double {
    guard let expected, expected > 0 else { return observed > 0 ? 16 : 1 }
    return observed / expected
  }

  private func item(
    _ kind: FlagKind, _ ind: IndicatorSignals, _ area: String, _ j: Int, _ period: Period,
    periods: Int, observed: Int, expected: Double?, upperbound: Double? = nil, p: Double,
    slope: Double? = nil, index: Double? = nil, partners known: [String]? = nil
  ) -> WeekItem {
    let partners =
      known ?? Partners.contributing(ind, area: area, at: j, span: kind == .elevated ? 1 : periods)
    let part = Part(
      indicator: ind.plan.id, area: area, kind: kind, period: period, periods: periods,
      observed: observed, expected: expected, upperbound: upperbound, pvalue: p,
      slopePerYear: slope, index: index, partners: partners)
    return WeekItem(
      kind: kind, indicators: [ind.plan.id], partners: partners, area: area, pvalue: p,
      ratio: index.map { $0 / 100 } ?? ratio(Double(observed), expected),
      observed: observed, expected: expected ?? 0, parts: [part])
  }

  /// Convergence per area and theme: soft evidence of the area's own indicators and, for a
  /// buurt, of its wijk's wijk-level indicators; at least one at the area's own level.
  private func convergence(_ soft: [AreaTheme: [WeekItem]]) -> [(AreaTheme, WeekItem)] {
    var out: [(AreaTheme, WeekItem)] = []
    for (key, own) in soft.sorted(by: { $0.key < $1.key }) {
      guard let theme = rules.theme(key.theme), let area = areas[key.area] else { continue }
      var evidence = own
      if area.level == .buurt, let parent = area.parent {
        evidence += (soft[AreaTheme(area: parent, theme: key.theme)] ?? []).filter { item in
          item.indicators.allSatisfy { rules.indicator($0)?.level == .wijk }
        }
      }
      var indicators: [String] = []
      var partners: [String] = []
      var observed = 0
      var expected = 0.0
      for e in evidence {
        for i in e.indicators where !indicators.contains(i) { indicators.append(i) }
        for p in e.partners where !partners.contains(p) { partners.append(p) }
        observed += e.observed
        expected += e.expected
      }
      let c = theme.convergence
      guard max(indicators.count, partners.count) >= c.minSources, observed >= c.minCases
      else { continue }
      // Fisher's combination, corrected for picking these k of the m indicators that could
      // signal here (Bonferroni over the C(m, k) subsets).
      let m = max(evidence.count, candidates(theme: key.theme, level: area.level))
      let combined = min(
        1, Fisher.combine(evidence.map(\.pvalue)) * binomial(m, evidence.count))
      guard combined <= c.alpha else { continue }
      let week = from  // replaced by the tracker with the current week
      out.append(
        (
          key,
          WeekItem(
            kind: .convergent, indicators: indicators, partners: partners, area: key.area,
            pvalue: combined, ratio: ratio(Double(observed), expected),
            parts: evidence.flatMap(\.parts),
            convergence: ConvergenceEvidence(
              week: week, combinedPValue: combined, indicators: indicators, partners: partners,
              observed: observed, expected: expected))
        ))
    }
    return out
  }

  /// How many soft signals a theme can give an area of `level`: one per source of each of
  /// its indicators (a buurt: buurt- and wijk-level indicators; a wijk: wijk-level ones).
  private func candidates(theme: String, level: AreaLevel) -> Int {
    rules.indicators.filter {
      $0.theme == theme && $0.kinds.contains(.convergent)
        && (level == .buurt ? ($0.level == .buurt || $0.level == .wijk) : $0.level == level)
    }.reduce(0) { $0 + max(1, $1.sources.count) }
  }

  private func binomial(_ n: Int, _ k: Int) -> Double {
    guard k >= 0, k <= n else { return 1 }
    var r = 1.0
    for i in 0..<min(k, n - k) { r = r * Double(n - i) / Double(i + 1) }
    return r
  }

  /// Adjacent areas of one level with acute signals of one theme this week, in groups of at
  /// least `minAreas`; each group continues the open cluster flag it shares an area with.
  private mutating func clusters(_ acute: [AreaTheme: [WeekItem]], week w: Int)
    -> [(String, AreaTheme, WeekItem)]
  {
    guard areas.hasAdjacency else { return [] }
    var out: [(String, AreaTheme, WeekItem)] = []
    var byTheme: [String: [String: [WeekItem]]] = [:]
    for (key, items) in acute {
      let counted = items.filter { rules.cluster.kinds.contains($0.kind) }
      if !counted.isEmpty { byTheme[key.theme, default: [:]][key.area] = counted }
    }
    for theme in byTheme.keys.sorted() {
      guard let plan = rules.theme(theme), plan.kinds.contains(.cluster),
        let active = byTheme[theme]
      else { continue }
      var seen: Set<String> = []
      var used: Set<String> = []
      for start in active.keys.sorted() where !seen.contains(start) {
        var component: [String] = []
        var queue = [start]
        seen.insert(start)
        while let a = queue.popLast() {
          component.append(a)
          for n in (areas.neighbours[a] ?? []).sorted() where active[n] != nil && !seen.contains(n)
          {
            seen.insert(n)
            queue.append(n)
          }
        }
        guard component.count >= rules.cluster.minAreas else { continue }
        component.sort()
        let members = Set(component)
        let existing = open.filter { key, t in
          t.family == .cluster && t.theme == theme && !used.contains(key)
            && !t.currentMembers.isDisjoint(with: members)
        }.min { ($0.value.firstSeen, $0.key) < ($1.value.firstSeen, $1.key) }
        let trackerKey = existing?.key ?? "C|\(component[0])|\(theme)"
        used.insert(trackerKey)
        let items = component.flatMap { active[$0] ?? [] }
        var indicators: [String] = []
        var partners: [String] = []
        for i in items {
          for x in i.indicators where !indicators.contains(x) { indicators.append(x) }
          for x in i.partners where !partners.contains(x) { partners.append(x) }
        }
        let anchor = existing?.value.area ?? component[0]
        out.append(
          (
            trackerKey, AreaTheme(area: anchor, theme: theme),
            WeekItem(
              kind: .cluster, indicators: indicators, partners: partners, area: anchor,
              pvalue: items.map(\.pvalue).min() ?? 1, ratio: items.map(\.ratio).max() ?? 1,
              parts: items.flatMap(\.parts), members: component)
          ))
      }
    }
    return out
  }

  /// Feeds this week's items to the flag under `trackerKey`, opening it when needed.
  private mutating func observe(
    _ trackerKey: String, _ family: FlagFamily, _ key: AreaTheme, _ items: [WeekItem],
    _ w: Int, _ week: Period
  ) -> String {
    let tracker: Tracker
    if let t = open[trackerKey] {
      tracker = t
    } else {
      tracker = Tracker(
        family: family, area: key.area, level: areas[key.area]?.level ?? .buurt,
        theme: key.theme, firstSeen: w)
      open[trackerKey] = tracker
    }
    tracker.observe(items, week: w, period: week)
    return trackerKey
  }
}

struct AreaTheme: Hashable, Comparable {
  var area: String
  var theme: String
  static func < (a: AreaTheme, b: AreaTheme) -> Bool { (a.area, a.theme) < (b.area, b.theme) }
}
