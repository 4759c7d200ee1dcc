import CSVIngest
import Flagging
import Normalise
import PipelineSpec
import SafetyCore
import Store

/// Builds the flag engine's input from the store and the area registry: per indicator the
/// series at its level and base period over enough history for its detectors, cut off where
/// its sources' exports end (a period is complete when the exports cover it); per area the
/// unit's denominator; the areas and their adjacency.
public enum FlagInputs {
  /// The last complete week for a run on `runDate`: the week before the run date's week
  /// (unless the run date is a Sunday), and no later than the last week any export covers.
  public static func lastCompleteWeek(runDate: CivilDate, coverage: [String: ClosedRange<Period>])
    -> Period?
  {
    let sunday = runDate.isoWeekday == 7 ? runDate : runDate.adding(days: -runDate.isoWeekday)
    guard let dataEnd = coverage.values.map({ $0.upperBound.lastDay }).max() else { return nil }
    let dataSunday =
      dataEnd.isoWeekday == 7 ? dataEnd : dataEnd.adding(days: -dataEnd.isoWeekday)
    return Period(containing: min(sunday, dataSunday), kind: .week)
  }

  public static func build(
    pipeline: LoadedPipeline, registry: AreaRegistry, store: SafetyStore, rules: FlagRules,
    runDate: CivilDate
  ) throws -> FlagInput? {
    let coverage = try store.sourceCoverage()
    guard let through = lastCompleteWeek(runDate: runDate, coverage: coverage) else { return nil }
    let spec = pipeline.spec
    var indicators: [IndicatorData] = []
    for plan in rules.indicators where !plan.kinds.isEmpty {
      guard let indicator = spec.indicators[plan.id] else { continue }
      // History: the sources' first period; the end: the last period every source covers.
      let covered = indicator.from.keys.compactMap { coverage[$0] }
      guard !covered.isEmpty else { continue }
      let startDay = covered.map { $0.lowerBound.firstDay }.min() ?? through.firstDay
      let endDay = min(
        covered.map { $0.upperBound.lastDay }.min() ?? through.lastDay, through.lastDay)
      var first = Period(containing: startDay, kind: plan.period)
      if first.firstDay < startDay { first = first.advanced(by: 1) }
      var last = Period(containing: endDay, kind: plan.period)
      if last.lastDay > endDay { last = last.advanced(by: -1) }
      guard first <= last else { continue }
      let bySource = try store.indicatorSeriesBySource(
        indicator, level: plan.level, registry: registry, kind: plan.period, from: first,
        through: last)
      let length = last.ordinal - first.ordinal + 1
      var codes = Set<String>()
      for (_, areas) in bySource { codes.formUnion(areas.keys) }
      // Every registry area of the level takes part (all zeros is a series too).
      for i in registry.indices(at: plan.level) {
        if let code = registry.area(i)?.code.rawValue { codes.insert(code) }
      }
      var areas: [AreaSeries] = []
      for code in codes.sorted() where code != SafetyStore.unknownArea {
        guard let areaCode = AreaCode(code), let index = registry.index(of: areaCode),
          areaCode.level == plan.level
        else { continue }
        var total = [Int](repeating: 0, count: length)
        var perSource: [String: [Int]] = [:]
        for (source, series) in bySource {
          let values = series[code].map { $0.map { Int($0) } } ?? [Int](repeating: 0, count: length)
          for k in 0..<length { total[k] += values[k] }
          if bySource.count > 1 { perSource[source] = values }
        }
        areas.append(
          AreaSeries(
            area: code, counts: total, bySource: perSource,
            denominator: denominators(registry, index, plan.unit, first, length)))
      }
      indicators.append(IndicatorData(plan: plan, first: first, areas: areas))
    }
    return FlagInput(
      through: through, indicators: indicators, areas: try areaMap(pipeline, registry))
  }

  /// The unit's denominator per period (inhabitants for `count`), from the population of
  /// the period's year (the nearest year with figures when that year has none).
  static func denominators(
    _ registry: AreaRegistry, _ index: Int, _ unit: IndicatorUnit, _ first: Period, _ length: Int
  ) -> [Double]? {
    let years = registry.populationYears(of: index)
    guard !years.isEmpty else { return nil }
    var out: [Double] = []
    out.reserveCapacity(length)
    var cache: [Int: Double?] = [:]
    for k in 0..<length {
      let year = first.advanced(by: k).representativeDate.year
      if cache[year] == nil {
        let nearest = years.min { abs($0 - year) < abs($1 - year) } ?? year
        let p = registry.population(of: index, year: nearest)
        let value: Int? =
          switch unit {
          case .count, .per1000Inhabitants: p?.inhabitants
          case .per1000Dwellings: p?.dwellings
          case .per1000Households: p?.households
          }
        cache[year] = value.map(Double.init)
      }
      guard let v = cache[year] ?? nil else { return nil }
      out.append(v)
    }
    return out
  }

  /// Buurten and wijken with names and parents, and the registry's adjacency file.
  public static func areaMap(_ pipeline: LoadedPipeline, _ registry: AreaRegistry) throws
    -> AreaMap
  {
    var list: [AreaMap.Area] = []
    for i in registry.areas.indices {
      guard let a = registry.area(i), a.level == .buurt || a.level == .wijk else { continue }
      list.append(
        AreaMap.Area(
          code: a.code.rawValue, name: a.name, level: a.level,
          parent: registry.area(a.parent)?.code.rawValue))
    }
    var pairs: [(String, String)] = []
    if let file = pipeline.spec.areas.adjacency {
      let table = try AreaRegistry.readTable(
        pipeline.resolve(file), columns: ["code", "neighbour"])
      for row in table.rows {
        let fields = row.fields.map { String($0.trimmingSpaces()) }
        guard fields.count >= 2, let a = AreaCode(fields[0]), let b = AreaCode(fields[1]) else {
          continue
        }
        // Old codes through the crosswalk.
        let ra = registry.resolve(code: a).flatMap { registry.area($0)?.code.rawValue }
        let rb = registry.resolve(code: b).flatMap { registry.area($0)?.code.rawValue }
        if let ra, let rb { pairs.append((ra, rb)) }
      }
    }
    return AreaMap(areas: list, adjacency: pairs)
  }
}
