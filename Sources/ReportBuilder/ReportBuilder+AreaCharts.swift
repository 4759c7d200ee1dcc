import Normalise
import PipelineSpec
import Reporting
import SafetyCore
import Store

/// A detector's verdict on one period of an area's series, as the run stored it.
public struct StoredDetection: Sendable, Hashable {
  public var period: Period
  public var expected: Double?
  public var upperBound: Double?
  public var alarm: Bool

  public init(period: Period, expected: Double?, upperBound: Double?, alarm: Bool) {
    self.period = period
    self.expected = expected
    self.upperBound = upperBound
    self.alarm = alarm
  }
}

/// One indicator's series for an area (the dashboard's neighbourhood page).
public struct AreaChart: Sendable, Hashable {
  public var indicator: String
  /// The area the series is for: the page's area, or its wijk when the indicator is
  /// detected per wijk.
  public var area: String
  public var level: AreaLevel
  public var series: ChartSeries
}

extension ReportBuilder {
  /// Every indicator's series for one area, in the indicator's base period, ending with
  /// `period` (or the run date): two years of weeks, three of months or quarters. A buurt
  /// takes its wijk's series for indicators detected per wijk; a wijk sums its buurten for
  /// indicators detected per buurt. Expected values, upper bounds and alarms come from
  /// `stored` (the run's detection results of an indicator in the series' area); without
  /// them the chart shows observed counts only — no detector is run here, so the chart
  /// shows what the flags were raised on. Periods no export covers are missing, never
  /// zero; a weekly series mostly below the minimum cell is shown in months. `only` limits
  /// the indicators.
  public func areaCharts(
    area code: String, period: Period, runDate: CivilDate, from source: some ReportDataSource,
    only indicatorIDs: Set<String>? = nil,
    stored: (_ indicator: String, _ area: String) throws -> [StoredDetection] = { _, _ in [] }
  ) throws -> [AreaChart] {
    guard let areaCode = AreaCode(code), let index = registry.index(of: areaCode),
      let area = registry.area(index)
    else { return [] }
    let coverage = SourceCoverage(
      exports: try source.exports(), sources: pipeline.spec.sources, runDate: runDate)
    var resolver = AreaResolver(registry: registry)
    let ancestors = resolver.ancestors(of: code)
    let indicators = pipeline.spec.indicators.entries
    var banks: [PeriodKind: CountBank] = [:]
    var out: [AreaChart] = []
    for (id, indicator) in indicators where indicatorIDs?.contains(id) ?? true {
      let kind = indicator.period ?? .week
      let detectedAt = indicator.level ?? .buurt
      let level = max(area.level, detectedAt)
      guard let target = ancestors[level] else { continue }
      let end = ChartBuilder.lastPeriod(kind, for: period, runDate: runDate)
      let start = end.advanced(by: -((Self.chartLength[kind] ?? 24) - 1))
      if banks[kind] == nil {
        var bank = CountBank(kind: kind, first: start, last: end)
        let categories = Set(
          indicators.filter { ($0.value.period ?? .week) == kind }
            .flatMap { SafetyStore.categories(of: $0.value) })
        try bank.load(categories.sorted(), from: source, resolver: &resolver)
        banks[kind] = bank
      }
      guard let bank = banks[kind], bank.first == start else { continue }
      let categories = Set(SafetyStore.categories(of: indicator))
      let counts = bank.area(target, level: level, categories)
      let covered = coverage.common(indicator.from.keys)
      let results =
        level == detectedAt
        ? Dictionary(try stored(id, target).map { ($0.period, $0) }, uniquingKeysWith: { $1 })
        : [:]
      let raw = counts.indices.map { i -> ChartBuilder.RawPoint in
        let p = start.advanced(by: i)
        let inside =
          covered.map { p.firstDay >= $0.first && min(p.lastDay, runDate) <= $0.last } ?? false
        let r = results[p]
        return ChartBuilder.RawPoint(
          period: p, observed: inside ? Double(counts[i]) : nil,
          expected: r?.expected.flatMap { $0.isFinite ? $0 : nil },
          upperBound: r?.upperBound.flatMap { $0.isFinite ? $0 : nil }, alarm: r?.alarm == true)
      }
      let (points, chartKind, aggregatedFrom) = ChartBuilder.disclosed(
        raw, kind: kind, policy: policy)
      let basis: ChartSeries.Basis = results.isEmpty ? .none : .stored
      let method =
        basis == .stored ? pipeline.detectorSettings(for: indicator).method?.rawValue : nil
      var series = ChartSeries(
        area: target, kind: chartKind, basis: basis, method: method, points: points)
      series.aggregatedFrom = aggregatedFrom
      out.append(AreaChart(indicator: id, area: target, level: level, series: series))
    }
    return out
  }
}
