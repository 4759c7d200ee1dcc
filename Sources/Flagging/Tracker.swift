import SafetyCore

/// One flag while the replay runs: its signal weeks, severity, events and explanation.
final class Tracker {
  let family: FlagFamily
  let area: String
  let level: AreaLevel
  let theme: String
  /// Replay week indices.
  let firstSeen: Int
  var lastSeen: Int
  var kinds: Set<FlagKind> = []
  var kind: FlagKind = .elevated
  var severity = 0
  var band: SeverityBand = .low
  var peak = 0
  var recent: [(week: Int, score: Int)] = []
  var events: [FlagEvent] = []
  var resolvedAt: Period?
  var contributions: [String: Contribution] = [:]
  var contributionOrder: [String] = []
  var partners: [String] = []
  var convergence: ConvergenceEvidence?
  var members: [String] = []
  var currentMembers: Set<String> = []
  var signalWeeks: [Int] = []

  init(family: FlagFamily, area: String, level: AreaLevel, theme: String, firstSeen: Int) {
    self.family = family
    self.area = area
    self.level = level
    self.theme = theme
    self.firstSeen = firstSeen
    self.lastSeen = firstSeen
  }

  func observe(_ items: [WeekItem], week w: Int, period: Period) {
    let isNew = events.isEmpty
    lastSeen = w
    signalWeeks.append(w)
    let previousKind = kind
    for item in items { kinds.insert(item.kind) }
    kind = kinds.max() ?? .spike
    // Severity of this week.
    var indicators: Set<String> = []
    var partnerSet: Set<String> = []
    var memberSet: Set<String> = []
    for item in items {
      indicators.formUnion(item.indicators)
      partnerSet.formUnion(item.partners)
      memberSet.formUnion(item.members)
    }
    let breadth = max(indicators.count, partnerSet.count, memberSet.count)
    let score = Severity.score(
      .init(
        pvalue: items.map(\.pvalue).min() ?? 1, ratio: items.map(\.ratio).max() ?? 1,
        breadth: breadth, weeksOpen: w - firstSeen, evidenceCap: family == .level ? 0.5 : 1))
    recent.append((w, score))
    recent.removeAll { $0.week <= w - 4 }
    let smoothed = recent.map(\.score).max() ?? score
    let newBand = SeverityBand(score: smoothed)
    severity = smoothed
    peak = max(peak, smoothed)
    if isNew {
      events.append(
        FlagEvent(type: .opened, week: period, severity: smoothed, band: newBand, kind: kind))
    } else if newBand > band || (kind == .convergent && previousKind != .convergent) {
      events.append(
        FlagEvent(type: .escalated, week: period, severity: smoothed, band: newBand, kind: kind))
    } else if newBand < band {
      events.append(
        FlagEvent(type: .deescalated, week: period, severity: smoothed, band: newBand, kind: kind))
    }
    band = newBand
    // Explanation.
    currentMembers = memberSet
    for m in memberSet.sorted() where !members.contains(m) { members.append(m) }
    for item in items {
      for p in item.partners where !partners.contains(p) { partners.append(p) }
      if var c = item.convergence {
        c.week = period
        if convergence == nil || c.combinedPValue < convergence?.combinedPValue ?? 1 {
          convergence = c
        }
      }
      for part in item.parts { record(part, as: item.kind) }
    }
  }

  /// Adds one piece of evidence to the explanation: per indicator and area, the kinds, the
  /// partners, first and last signal, and the strongest evidence (smallest p-value).
  private func record(_ part: Part, as kind: FlagKind) {
    let key = "\(part.indicator)|\(part.area)"
    var c =
      contributions[key]
      ?? Contribution(
        indicator: part.indicator, area: part.area, kinds: [], partners: [],
        firstSignal: part.period, lastSignal: part.period, peak: part.period, periods: part.periods,
        observed: part.observed, expected: part.expected, upperbound: part.upperbound,
        pvalue: part.pvalue)
    if contributions[key] == nil { contributionOrder.append(key) }
    for k in [kind, part.kind] where !c.kinds.contains(k) { c.kinds.append(k) }
    for x in part.partners where !c.partners.contains(x) { c.partners.append(x) }
    c.firstSignal = min(c.firstSignal, part.period)
    c.lastSignal = max(c.lastSignal, part.period)
    if let p = part.pvalue, p <= c.pvalue ?? 1 {
      c.peak = part.period
      c.periods = part.periods
      c.observed = part.observed
      c.expected = part.expected
      c.upperbound = part.upperbound
      c.pvalue = p
    }
    if let slope = part.slopePerYear { c.slopePerYear = max(c.slopePerYear ?? slope, slope) }
    if let index = part.index { c.index = max(c.index ?? index, index) }
    contributions[key] = c
  }

  func resolve(at period: Period) {
    resolvedAt = period
    events.append(
      FlagEvent(type: .resolved, week: period, severity: severity, band: band, kind: kind))
  }

  func flag(from: Period) -> DerivedFlag {
    let first = from.advanced(by: firstSeen)
    return DerivedFlag(
      id: FlagID.make(family: family, area: area, theme: theme, firstSeen: first),
      family: family, area: area, areaLevel: level, theme: theme, kind: kind,
      kinds: kinds.sorted { $0.precedence > $1.precedence }, firstSeen: first,
      lastSeen: from.advanced(by: lastSeen), resolved: resolvedAt, severity: severity,
      band: band, peakSeverity: peak, events: events,
      explanation: FlagExplanation(
        contributions: contributionOrder.compactMap { contributions[$0] }, partners: partners,
        convergence: convergence, members: members),
      weeks: signalWeeks.map { from.advanced(by: $0) })
  }
}

/// Which partners carried a signal: for an indicator fed by several sources, those whose
/// count over the signal's periods exceeds their historical share of the expectation (at
/// least one registration); otherwise the indicator's partners.
enum Partners {
  static func contributing(_ s: IndicatorSignals, area: String, at j: Int, span: Int) -> [String] {
    let plan = s.plan
    guard let bySource = s.bySource[area] else {
      return (s.byArea[area]?[j].observed ?? 0) > 0 || span > 1 ? plan.partners : []
    }
    let lo = max(0, j - span + 1)
    var expected = 0.0
    for k in lo...j { expected += s.byArea[area]?[k].expected ?? 0 }
    var out: [String] = []
    for source in plan.sources {
      guard let counts = bySource[source.id] else { continue }
      let observed = counts[lo...j].reduce(0, +)
      let share = s.historicShares[area]?[source.id]
      let due = share.map { $0 * expected } ?? 0
      if observed >= 1, Double(observed) > due, !out.contains(source.partner) {
        out.append(source.partner)
      }
    }
    return out.isEmpty ? plan.partners : out
  }
}
