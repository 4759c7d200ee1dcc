import SafetyCore

/// Plants episodes in the last two years of the span (so detectors have at least four
/// years of history), spread over buurten and themes, never two of one theme in one wijk
/// within eight weeks of each other, never two in one buurt at once.
///
/// Effect sizes (expected extra registrations per week, μ = the indicator's expected
/// weekly count in the buurt without the episode, all its sources together):
/// - spike (2–4 weeks): max(4, 2 + 2μ + 4√μ) — clearly above the weekly upper bound of
///   a negative-binomial baseline (μ = 0.5 → +5.8; μ = 2 → +11.7; μ = 5 → +20.9);
/// - rising (16–26 weeks): ramps over the first 70 % of the window up to max(2.5μ, 3)
///   for weekly indicators or max(2.5μ, 2) for monthly ones, then holds;
/// - convergent (8–12 weeks): each of 3 indicators from at least two partners rises by
///   max(2μ, floor), floors from 0.6 a week (cannabis farms, housing fraud) to 3 a week
///   (police and MOR nuisance); starts are staggered over the first three weeks, so the
///   partners' signals arrive one after another, as in practice.
struct EpisodePlanner {
  let model: IntensityModel
  let seed: UInt64

  static let spikeIndicators = [
    "woninginbraak", "fietsdiefstal", "geweld", "vernielingEnOpenbareOrde", "overlastMOR",
    "verwardGedrag", "zakkenrollerij", "winkeldiefstal", "diefstalUitVanMotorvoertuigen",
    "overlastPolitie",
  ]
  static let risingIndicators = [
    "overlastPolitie", "drugshandel", "verwardGedrag", "winkeldiefstal", "woonoverlast",
    "huiselijkGeweld", "geweld", "fietsdiefstal", "huurachterstandEnOntruiming",
  ]
  /// Convergent templates: theme and (indicator, weekly floor of the extra).
  static let convergentTemplates: [(theme: String, parts: [(String, Double)])] = [
    ("ondermijning", [("drugshandel", 3), ("hennepkwekerijen", 0.6), ("woonfraude", 0.6)]),
    ("overlast", [("overlastPolitie", 3), ("overlastMOR", 3), ("woonoverlast", 1.5)]),
    (
      "zorgEnVeiligheid",
      [
        ("verwardGedrag", 3), ("huiselijkGeweld", 1.5), ("huurachterstandEnOntruiming", 0.8),
      ]
    ),
  ]

  private var registry: AreaRegistry { model.registry }
  private let gemeenteWeights: [Double]

  init(model: IntensityModel, seed: UInt64) {
    self.model = model
    self.seed = seed
    let r = model.registry
    gemeenteWeights = r.gemeenten.map { g in
      Double(g.wijken.reduce(0) { $0 + r.wijken[$1].buurten.count })
    }
  }
  private var timeline: Timeline { model.timeline }

  /// Plans `perKind` episodes of each kind per 40 buurten.
  func plan(perKind: Int) -> [Episode] {
    var rng = SeededRandom(seed: seed, stream: 31)
    let scale = max(1, Int((Double(registry.buurten.count) / 40).rounded()))
    var occupied = Occupancy()
    var spikeOrder = EpisodePlanner.spikeIndicators
    var risingOrder = EpisodePlanner.risingIndicators
    rng.shuffle(&spikeOrder)
    rng.shuffle(&risingOrder)
    var episodes: [Episode] = []
    let lastYear = timeline.years.upperBound
    let earliest = timeline.weekIndex(of: CivilDate.known(lastYear - 1, 1, 9))
    let latest = timeline.weekIndex(of: CivilDate.known(lastYear, 12, 16))
    for kind in EpisodeKind.allCases {
      var made = 0
      var attempts = 0
      while made < perKind * scale, attempts < 400 * perKind * scale {
        attempts += 1
        let weeks: Int
        switch kind {
        case .spike: weeks = rng.int(in: 2...4)
        case .rising: weeks = rng.int(in: 16...26)
        case .convergent: weeks = rng.int(in: 8...12)
        }
        let startWeek = rng.int(in: earliest...(latest - weeks + 1))
        let firstDay = timeline.mondayDay(startWeek)
        let lastDay = firstDay + weeks * 7 - 1
        let id = "E\(pad2(episodes.count + 1))"
        let episode: Episode?
        switch kind {
        case .spike:
          let ind = spikeOrder[(made + attempts / 50) % spikeOrder.count]
          episode = single(id, kind, ind, firstDay, lastDay, &rng)
        case .rising:
          let ind = risingOrder[(made + attempts / 50) % risingOrder.count]
          episode = single(id, kind, ind, firstDay, lastDay, &rng)
        case .convergent:
          let t = EpisodePlanner.convergentTemplates[
            (made + attempts / 50) % EpisodePlanner.convergentTemplates.count]
          episode = convergent(id, t.theme, t.parts, firstDay, lastDay, &rng)
        }
        guard let e = episode, occupied.isFree(e, registry: registry) else { continue }
        occupied.take(e, registry: registry)
        episodes.append(e)
        made += 1
      }
    }
    // Ids in time order make the truth file easy to read.
    episodes.sort { ($0.firstDay, $0.buurt) < ($1.firstDay, $1.buurt) }
    for i in episodes.indices { episodes[i].id = "E\(pad2(i + 1))" }
    return episodes
  }

  private func single(
    _ id: String, _ kind: EpisodeKind, _ indicatorId: String, _ firstDay: Int, _ lastDay: Int,
    _ rng: inout SeededRandom
  ) -> Episode? {
    guard let ind = IndicatorCatalogue.indicator(indicatorId) else { return nil }
    let buurt = pickBuurt(for: [ind], &rng)
    guard let b = buurt,
      var comp = component(ind, buurt: b, firstDay: firstDay, lastDay: lastDay)
    else { return nil }
    let mu = comp.baselinePerWeek
    switch kind {
    case .spike:
      comp.extraPerWeek = max(4, 2 + 2 * mu + 4 * mu.squareRoot())
    case .rising:
      comp.extraPerWeek = max(2.5 * mu, ind.period == .week ? 3 : 2)
      comp.rampDays = Int(Double(lastDay - firstDay + 1) * 0.7)
    case .convergent:
      return nil
    }
    return Episode(
      id: id, kind: kind, buurt: b, theme: ind.theme, indicators: [ind.id], components: [comp],
      firstDay: firstDay, lastDay: lastDay)
  }

  private func convergent(
    _ id: String, _ theme: String, _ parts: [(String, Double)], _ firstDay: Int, _ lastDay: Int,
    _ rng: inout SeededRandom
  ) -> Episode? {
    let inds = parts.compactMap { IndicatorCatalogue.indicator($0.0) }
    guard inds.count == parts.count, let b = pickBuurt(for: inds, &rng) else { return nil }
    var comps: [EpisodeComponent] = []
    for (k, ind) in inds.enumerated() {
      let start = k == 0 ? firstDay : firstDay + 7 * rng.int(in: 0...3)
      guard var c = component(ind, buurt: b, firstDay: start, lastDay: lastDay) else { return nil }
      c.extraPerWeek = max(2 * c.baselinePerWeek, parts[k].1)
      comps.append(c)
    }
    let partners = Set(comps.map(\.source.partner))
    guard partners.count >= 2 else { return nil }
    return Episode(
      id: id, kind: .convergent, buurt: b, theme: theme, indicators: inds.map(\.id),
      components: comps, firstDay: firstDay, lastDay: lastDay)
  }

  /// The source that carries the extra: the one with the highest expected count in the
  /// buurt among those that resolve to buurten (wijk-level aggregates cannot).
  private func component(_ ind: IndicatorDef, buurt b: Int, firstDay: Int, lastDay: Int)
    -> EpisodeComponent?
  {
    let days = firstDay..<(lastDay + 1)
    let weeks = Double(days.count) / 7
    var best: (SourceID, [(Int, Double)], Double)? = nil
    var total = 0.0
    for (source, codes) in ind.from where resolvesToBuurt(source) {
      var cats: [(Int, Double)] = []
      var sum = 0.0
      for code in codes {
        guard let c = model.catalogue.category(source, code) else { continue }
        let m = model.mean(c, buurt: b, days: days) / weeks
        cats.append((c.index, m))
        sum += m
      }
      total += sum
      if sum > (best?.2 ?? 0) { best = (source, cats, sum) }
    }
    guard let (source, cats, sum) = best, sum > 0 else { return nil }
    return EpisodeComponent(
      indicator: ind.id, source: source,
      categories: cats.map { ($0.0, $0.1 / sum) }, buurt: b, firstDay: firstDay,
      lastDay: lastDay, extraPerWeek: 0, rampDays: 0, baselinePerWeek: total)
  }

  private func resolvesToBuurt(_ s: SourceID) -> Bool {
    s != .welzijnCasussen && s != .veiligheidshuisCasussen
  }

  /// A buurt where the indicators occur: at least 700 inhabitants, the partners present
  /// (a housing corporation with at least 150 dwellings there), with at least a quarter of
  /// the highest expected count of the first indicator, weighted by it.
  private func pickBuurt(for inds: [IndicatorDef], _ rng: inout SeededRandom) -> Int? {
    let year = timeline.years.upperBound
    var candidates: [Int] = []
    var weights: [Double] = []
    // First a gemeente, by its number of buurten; then a buurt in it.
    let g = rng.pick(weights: gemeenteWeights)
    let inGemeente = registry.gemeenten[g].wijken.flatMap { registry.wijken[$0].buurten }
    for b in inGemeente {
      let buurt = registry.buurten[b]
      let f = registry.figures(buurt: b, year: year)
      guard f.inhabitants >= 700 else { continue }
      if inds.contains(where: { $0.id == "zakkenrollerij" }), buurt.profile != .centre { continue }
      let needsHousing = inds.contains { ind in
        ind.from.contains { $0.source == .woonpuntMeldingen || $0.source == .stadswonenMeldingen }
      }
      let corpDwellings = buurt.corporationShare.map { $0 * Double(f.dwellings) }.max() ?? 0
      if needsHousing, corpDwellings < 150 { continue }
      var w = 0.0
      if let first = inds.first {
        for (s, codes) in first.from {
          for code in codes {
            if let c = model.catalogue.category(s, code) {
              w += model.dailyBase(c, buurt: b, year: year)
            }
          }
        }
      }
      candidates.append(b)
      weights.append(w)
    }
    guard !candidates.isEmpty, weights.contains(where: { $0 > 0 }) else { return nil }
    // Episodes happen where the problem already lives: buurten with at least a quarter of
    // the highest expected count, weighted by it (this also keeps multipliers plausible:
    // no shoplifting wave where there are no shops).
    let top = weights.max() ?? 0
    let kept = candidates.indices.filter { weights[$0] >= 0.25 * top }
    return candidates[kept[rng.pick(weights: kept.map { weights[$0] })]]
  }
}

/// Which (wijk, theme) and buurt windows are taken.
private struct Occupancy {
  var wijkTheme: [String: [ClosedRange<Int>]] = [:]
  var buurt: [Int: [ClosedRange<Int>]] = [:]

  func isFree(_ e: Episode, registry: AreaRegistry) -> Bool {
    let key = "\(registry.buurten[e.buurt].wijk)|\(e.theme)"
    let wide = (e.firstDay - 56)...(e.lastDay + 56)
    let narrow = (e.firstDay - 14)...(e.lastDay + 14)
    return !(wijkTheme[key] ?? []).contains { $0.overlaps(wide) }
      && !(buurt[e.buurt] ?? []).contains { $0.overlaps(narrow) }
  }

  mutating func take(_ e: Episode, registry: AreaRegistry) {
    wijkTheme["\(registry.buurten[e.buurt].wijk)|\(e.theme)", default: []].append(
      e.firstDay...e.lastDay)
    buurt[e.buurt, default: []].append(e.firstDay...e.lastDay)
  }
}
