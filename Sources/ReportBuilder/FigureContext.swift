import Detection
import Normalise
import PipelineSpec
import Reporting
import SafetyCore
import Store

/// Turns the counts of the report's period and its comparison periods into disclosed
/// figures: per indicator and theme for the municipality, per theme and indicator for
/// every wijk and buurt, with rates and the level index.
struct FigureContext {
  let builder: ReportBuilder
  let request: ReportRequest
  let comparisons: [ReportComparison]
  let table: CountBank
  let coverage: SourceCoverage
  let policy: DisclosurePolicy

  var spec: Pipeline { builder.pipeline.spec }
  var registry: AreaRegistry { builder.registry }
  var period: Period { request.period }
  /// The population year: the year the period falls in (a week by its Thursday).
  var year: Int { period.rolled(to: .year)?.ordinal ?? period.firstDay.year }

  // MARK: Figures

  /// The disclosed figures of a series of the table; changes only where `covered` says
  /// the comparison period is fully covered by the data.
  func figures(_ series: [Int64], covered: (Period) -> Bool) -> Figures {
    let now = value(series, period)
    return Figures(
      count: policy.count(now),
      compared: comparisons.map { c in
        let then = value(series, c.period.period)
        let change =
          covered(c.period.period) ? policy.change(from: then, to: now).rounded(4) : .unavailable
        return ComparedCount(
          period: c.period.period, count: policy.count(then), change: change,
          significant: change.number != nil && ChangeTest.isSignificant(before: then, after: now))
      })
  }

  func value(_ series: [Int64], _ p: Period) -> Int {
    guard let i = table.index(of: p), i < series.count else { return 0 }
    return Int(series[i])
  }

  /// Whether every one of `sources` has data over the whole of `p` (up to the run date).
  func covers(_ sources: [String], _ p: Period) -> Bool {
    guard let c = coverage.common(sources) else { return false }
    return c.first <= p.firstDay && c.last >= min(p.lastDay, request.runDate)
  }

  func sourceIDs(_ indicator: Indicator) -> [String] { indicator.from.keys }

  func availability(_ indicator: Indicator) -> Availability {
    let finest =
      indicator.from.keys.compactMap { spec.sources[$0].map(ReportBuilder.finestKind) }.max()
      ?? .week
    if finest > period.kind { return .coarserThanPeriod(finest) }
    guard let c = coverage.common(sourceIDs(indicator)),
      c.first <= min(period.lastDay, request.runDate),
      c.last >= period.firstDay
    else { return .noData }
    if covers(sourceIDs(indicator), period) { return .complete }
    return .incomplete(coverage: c)
  }

  // MARK: Denominators

  /// Inhabitants, dwellings and households: the denominators of rates.
  struct Denominators {
    var inhabitants: Int?
    var dwellings: Int?
    var households: Int?
  }

  func population(_ index: Int) -> Denominators? {
    guard let y = populationYear(index), let p = registry.population(of: index, year: y) else {
      return nil
    }
    return Denominators(
      inhabitants: p.inhabitants, dwellings: p.dwellings, households: p.households)
  }

  func populationYear(_ index: Int) -> Int? {
    if registry.population(of: index, year: year) != nil { return year }
    let years = registry.populationYears(of: index)
    return years.last(where: { $0 < year }) ?? years.first
  }

  static func denominator(_ unit: IndicatorUnit, _ p: Denominators?) -> Int? {
    switch unit {
    case .count: nil
    case .per1000Inhabitants: p?.inhabitants
    case .per1000Dwellings: p?.dwellings
    case .per1000Households: p?.households
    }
  }

  /// The municipality's population: the gemeente's own figures, else the sum of its wijken.
  var municipalPopulation: Denominators? {
    if let code = spec.municipality, let i = registry.index(of: code), let p = population(i) {
      return p
    }
    let wijken = registry.indices(at: .wijk).compactMap(population)
    guard !wijken.isEmpty else { return nil }
    func sum(_ k: KeyPath<Denominators, Int?>) -> Int? {
      let values = wijken.compactMap { $0[keyPath: k] }
      return values.count == wijken.count ? values.reduce(0, +) : nil
    }
    return Denominators(
      inhabitants: sum(\.inhabitants), dwellings: sum(\.dwellings), households: sum(\.households))
  }

  // MARK: Municipal

  func indicator(id: String, _ indicator: Indicator, language: DisplayLanguage) -> IndicatorReport {
    let categories = Set(SafetyStore.categories(of: indicator))
    let availability = availability(indicator)
    let unit = indicator.unit ?? .count
    var figures: Figures?
    var rate = DisclosedValue.unavailable
    if availability.hasFigures {
      let f = self.figures(table.total(categories)) { self.covers(self.sourceIDs(indicator), $0) }
      figures = f
      if unit != .count {
        rate = policy.rate(
          count: value(table.total(categories), period),
          denominator: Self.denominator(unit, municipalPopulation)
        ).rounded(2)
      }
    }
    return IndicatorReport(
      id: id, name: ReportBuilder.name(indicator.name, indicator.nameEn, language),
      subtheme: indicator.subtheme, unit: RateUnit(rawValue: unit.rawValue) ?? .count,
      basePeriod: indicator.period ?? .week, level: indicator.level ?? .buurt,
      sources: indicator.from.map { source, categories in
        SourceCategories(
          source: source, partner: spec.sources[source]?.partner ?? source,
          categories: categories)
      }, availability: availability, figures: figures, rate: rate, chart: nil)
  }

  /// The pipeline's indicators of a theme that have figures for the period.
  func availableIndicators(_ themeID: String) -> [(id: String, indicator: Indicator)] {
    spec.indicators.entries.filter {
      $0.value.theme == themeID && availability($0.value).hasFigures
    }.map { ($0.key, $0.value) }
  }

  func theme(id: String, _ theme: Theme, indicators: [IndicatorReport], language: DisplayLanguage)
    -> ThemeReport
  {
    let available = availableIndicators(id)
    let categories = Set(available.flatMap { SafetyStore.categories(of: $0.indicator) })
    let sources = Array(Set(available.flatMap { $0.indicator.from.keys })).sorted()
    var totals: Figures?
    var rate = DisclosedValue.unavailable
    if !available.isEmpty {
      let series = table.total(categories)
      totals = figures(series) { self.covers(sources, $0) }
      rate = policy.rate(
        count: value(series, period), denominator: municipalPopulation?.inhabitants
      ).rounded(2)
    }
    let leftOut = available.filter {
      table.hasCoarser(Set(SafetyStore.categories(of: $0.indicator)), than: .buurt)
    }.map(\.id)
    return ThemeReport(
      id: id, name: ReportBuilder.name(theme.name, theme.nameEn, language),
      subthemes: (theme.subthemes?.entries ?? []).map {
        NamedRef(id: $0.key, name: ReportBuilder.name($0.value.name, $0.value.nameEn, language))
      }, totals: totals, ratePerThousandInhabitants: rate, indicators: indicators,
      leftOutOfBuurten: leftOut)
  }

  // MARK: Areas

  /// Rates and disclosed indices of one count per area (areas of one level), against the
  /// level's own total: the municipal rate is all their counts over all their people.
  func levels(_ counts: [Int], _ denominators: [Int?]) -> [(
    rate: DisclosedValue, index: DisclosedValue
  )] {
    let levels = LevelIndex.levels(
      zip(counts, denominators).map { c, d in
        LevelIndex.Area(count: Double(c), population: d.map(Double.init) ?? .nan)
      })
    return zip(zip(counts, denominators), levels).map { pair, level in
      let rate = policy.rate(count: pair.0, denominator: pair.1)
      guard case .value = rate else { return (rate, rate) }
      let index = level.index.map { DisclosedValue.value($0).rounded(1) } ?? .unavailable
      return (rate.rounded(2), index)
    }
  }

  func areas(language: DisplayLanguage) -> [AreaReport] {
    var out: [AreaReport] = []
    for level in [AreaLevel.wijk, .buurt] {
      let indices = registry.indices(at: level)
      let codes = indices.compactMap { registry.area($0)?.code.rawValue }
      let populations = indices.map(population)
      var themeFigures: [[AreaThemeFigures]] = Array(repeating: [], count: indices.count)
      var indicatorFigures: [[AreaIndicatorFigures]] = Array(repeating: [], count: indices.count)
      for (themeID, _) in spec.themes {
        let available = availableIndicators(themeID)
        let complete = available.filter {
          !table.hasCoarser(Set(SafetyStore.categories(of: $0.indicator)), than: level)
        }
        guard !complete.isEmpty else { continue }
        let categories = Set(complete.flatMap { SafetyStore.categories(of: $0.indicator) })
        let sources = Array(Set(complete.flatMap { $0.indicator.from.keys })).sorted()
        let series = codes.map { table.area($0, level: level, categories) }
        let now = series.map { value($0, period) }
        let rated = levels(now, populations.map { $0?.inhabitants })
        for i in indices.indices {
          themeFigures[i].append(
            AreaThemeFigures(
              theme: themeID, figures: figures(series[i]) { self.covers(sources, $0) },
              ratePerThousandInhabitants: rated[i].rate, index: rated[i].index))
        }
        for (id, indicator) in complete {
          let cats = Set(SafetyStore.categories(of: indicator))
          let series = codes.map { table.area($0, level: level, cats) }
          let unit = indicator.unit ?? .count
          let rated: [(rate: DisclosedValue, index: DisclosedValue)] =
            unit == .count
            ? Array(repeating: (.unavailable, .unavailable), count: codes.count)
            : levels(
              series.map { value($0, period) }, populations.map { Self.denominator(unit, $0) })
          for i in indices.indices {
            indicatorFigures[i].append(
              AreaIndicatorFigures(
                indicator: id,
                figures: figures(series[i]) { self.covers(indicator.from.keys, $0) },
                rate: rated[i].rate, index: rated[i].index))
          }
        }
      }
      for (n, index) in indices.enumerated() {
        guard let area = registry.area(index) else { continue }
        let parent = registry.area(area.parent)?.code.rawValue
        let population = populations[n].map { p in
          AreaPopulation(
            year: populationYear(index) ?? year, inhabitants: p.inhabitants,
            dwellings: p.dwellings, households: p.households)
        }
        out.append(
          AreaReport(
            code: area.code.rawValue, name: area.name, level: level, parent: parent,
            population: population, themes: themeFigures[n], indicators: indicatorFigures[n],
            flags: .none))
      }
    }
    return out
  }
}
