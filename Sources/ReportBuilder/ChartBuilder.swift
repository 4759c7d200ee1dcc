import Detection
import Normalise
import PipelineSpec
import Reporting
import SafetyCore
import Store

/// The municipal series of an indicator in its base period, ending with the report's
/// period, with what the indicator's detector expected (computed here on the municipal
/// series: the stored detection results are per buurt or wijk). Periods the data do not
/// cover are missing, never zero: no baseline is invented.
struct ChartBuilder {
  let builder: ReportBuilder
  let request: ReportRequest
  let coverage: SourceCoverage

  struct Chart {
    var series: ChartSeries
    var window: DayRange
  }

  static func frequency(_ kind: PeriodKind) -> Int {
    switch kind {
    case .week: 52
    case .month: 12
    case .quarter: 4
    case .year: 1
    }
  }

  /// The position of a period within its year (1-based), R's `start[2]`.
  static func positionInYear(_ p: Period) -> Int {
    switch p.kind {
    case .week: ISOWeek(index: p.ordinal).week
    case .month: p.firstDay.month
    case .quarter: (p.firstDay.month - 1) / 3 + 1
    case .year: 1
    }
  }

  /// The last period of `kind` to chart for the report's period: the one holding its last
  /// day (or the run date), stepped back while it rolls up into a later period.
  static func lastPeriod(_ kind: PeriodKind, for period: Period, runDate: CivilDate) -> Period {
    var end = Period(containing: min(period.lastDay, runDate), kind: kind)
    if kind <= period.kind {
      while let rolled = end.rolled(to: period.kind), rolled > period { end = end.advanced(by: -1) }
    }
    return end
  }

  func municipalChart(
    _ indicator: Indicator, source: some ReportDataSource, resolver: inout AreaResolver
  ) throws -> Chart? {
    let kind = indicator.period ?? .week
    guard let covered = coverage.common(indicator.from.keys) else { return nil }
    let end = Self.lastPeriod(kind, for: request.period, runDate: request.runDate)
    let length = ReportBuilder.chartLength[kind] ?? 24
    let start = end.advanced(by: -(length - 1))
    let historyStart = min(Period(containing: covered.first, kind: kind), start)
    var bank = CountBank(kind: kind, first: historyStart, last: end)
    let categories = Set(SafetyStore.categories(of: indicator))
    try bank.load(categories.sorted(), from: source, resolver: &resolver)
    let total = bank.total(categories)
    let policy = builder.policy
    let observed: [Double] = total.indices.map { i in
      let p = historyStart.advanced(by: i)
      let inside = p.firstDay >= covered.first && min(p.lastDay, request.runDate) <= covered.last
      return inside ? Double(total[i]) : .nan
    }
    guard let first = bank.index(of: start), let last = bank.index(of: end) else { return nil }
    let settings = builder.pipeline.detectorSettings(for: indicator)
    let method = settings.method ?? .farringtonFlexible
    var outcomes: [Int: DetectionOutcome] = [:]
    if let algorithm = try? DetectionAlgorithm(method: method, settings: settings) {
      let population: [Double]? =
        settings.populationOffset == true
        ? observed.indices.map { i in
          let year = historyStart.advanced(by: i).rolled(to: .year)?.ordinal ?? 0
          return Double(municipalInhabitants(year: year) ?? 0)
        } : nil
      let series = CountSeries(
        id: "municipal", observed: observed, population: population,
        frequency: Self.frequency(kind), startPeriod: Self.positionInYear(historyStart))
      for o in algorithm.detect(series, range: (first + 1)...(last + 1)).outcomes {
        outcomes[o.timeIndex - 1] = o
      }
    }
    let raw = (first...last).map { i -> RawPoint in
      let o = outcomes[i]
      return RawPoint(
        period: historyStart.advanced(by: i), observed: observed[i].isNaN ? nil : observed[i],
        expected: o?.expected.flatMap { $0.isFinite ? $0 : nil },
        upperBound: o?.upperbound.flatMap { $0.isFinite ? $0 : nil }, alarm: o?.alarm == true)
    }
    let (points, chartKind, aggregatedFrom) = Self.disclosed(raw, kind: kind, policy: policy)
    let basis: ChartSeries.Basis = outcomes.isEmpty ? .none : .computed
    let code = builder.pipeline.spec.municipality?.rawValue ?? "municipality"
    var series = ChartSeries(
      area: code, kind: chartKind, basis: basis, method: basis == .none ? nil : method.rawValue,
      points: points)
    series.aggregatedFrom = aggregatedFrom
    return Chart(series: series, window: DayRange(first: start.firstDay, last: end.lastDay))
  }

  /// The chart's points under disclosure control: counts below the minimum cell shown as
  /// such, expectations rounded; a weekly series whose counts are mostly too small to show
  /// is summed into months first (its kind becomes `.month`, `aggregatedFrom` `.week`).
  static func disclosed(_ raw: [RawPoint], kind: PeriodKind, policy: DisclosurePolicy)
    -> (points: [ChartPoint], kind: PeriodKind, aggregatedFrom: PeriodKind?)
  {
    var raw = raw
    var chartKind = kind
    var aggregatedFrom: PeriodKind?
    if kind == .week, mostlySuppressed(raw, minCell: policy.minCell) {
      raw = months(raw)
      chartKind = .month
      aggregatedFrom = .week
    }
    let points = raw.map { p in
      ChartPoint(
        period: p.period, observed: p.observed.map { policy.count(Int($0)) },
        expected: p.expected.flatMap(rounded), upperBound: p.upperBound.flatMap(rounded),
        alarm: p.alarm)
    }
    return (points, chartKind, aggregatedFrom)
  }

  /// One period of a chart before disclosure control.
  struct RawPoint {
    var period: Period
    var observed: Double?
    var expected: Double?
    var upperBound: Double?
    var alarm: Bool
  }

  /// Whether at least half the observed points are below the minimum cell: such a weekly
  /// chart would be a flat line in the suppressed band.
  static func mostlySuppressed(_ points: [RawPoint], minCell: Int) -> Bool {
    let observed = points.compactMap(\.observed)
    guard !observed.isEmpty else { return false }
    return observed.filter { $0 < Double(minCell) }.count * 2 >= observed.count
  }

  /// Weekly points summed into the months of their Thursdays; only whole months (every
  /// week present). Expected counts add up (the sum of the weeks' expectations); upper
  /// bounds do not, so months have none; a month alarms when one of its weeks did.
  static func months(_ weeks: [RawPoint]) -> [RawPoint] {
    var order: [Period] = []
    var groups: [Period: [RawPoint]] = [:]
    for w in weeks {
      guard let month = w.period.rolled(to: .month) else { continue }
      if groups[month] == nil { order.append(month) }
      groups[month, default: []].append(w)
    }
    return order.compactMap { month in
      let members = groups[month] ?? []
      let thursdays = (0..<month.lastDay.day).filter {
        month.firstDay.adding(days: $0).isoWeekday == 4
      }.count
      guard members.count == thursdays else { return nil }
      let observed =
        members.allSatisfy { $0.observed != nil }
        ? members.reduce(0) { $0 + ($1.observed ?? 0) } : nil
      let expected =
        members.allSatisfy { $0.expected != nil }
        ? members.reduce(0) { $0 + ($1.expected ?? 0) } : nil
      return RawPoint(
        period: month, observed: observed, expected: expected, upperBound: nil,
        alarm: members.contains { $0.alarm })
    }
  }

  func municipalInhabitants(year: Int) -> Int? {
    let registry = builder.registry
    if let code = builder.pipeline.spec.municipality, let i = registry.index(of: code) {
      return registry.population(of: i, year: year)?.inhabitants
    }
    return nil
  }

  static func rounded(_ x: Double) -> Double? {
    guard x.isFinite else { return nil }
    return (x * 100).rounded() / 100
  }
}
