import SafetyCore

extension Evaluator {
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
