import Detection
import Normalise
import PipelineSpec
import Reporting
import SafetyCore
import Store

/// Builds the report model (`SafetyReport`) from a store and a pipeline: per theme and
/// indicator the municipal figures with their comparisons and series (with what the
/// detector expected), per wijk and buurt the figures and the index, the flags, and where
/// the data came from. Disclosure control is applied here, once: the model holds no
/// small count exactly.
///
/// Reads through `ReportDataSource` (the store, or a test double); does not read the clock.
public struct ReportBuilder: Sendable {
  public let pipeline: LoadedPipeline
  public let registry: AreaRegistry
  public let boundaries: Boundaries

  /// Points per chart by period kind: two years of weeks, three of months or quarters.
  static let chartLength: [PeriodKind: Int] = [.week: 104, .month: 36, .quarter: 12, .year: 6]

  public init(
    pipeline: LoadedPipeline, registry: AreaRegistry,
    boundaries: Boundaries = Boundaries()
  ) {
    self.pipeline = pipeline
    self.registry = registry
    self.boundaries = boundaries
  }

  var policy: DisclosurePolicy {
    DisclosurePolicy(
      minCell: pipeline.spec.disclosure?.minCell ?? 5,
      minPopulation: pipeline.spec.disclosure?.minPopulation ?? 100)
  }

  /// Builds the report for `request` from `source`.
  public func build(_ request: ReportRequest, from source: some ReportDataSource) throws
    -> SafetyReport
  {
    let language = request.language
    let period = request.period
    let comparisons = request.comparisons
    let exports = try source.exports()
    let coverage = SourceCoverage(
      exports: exports, sources: pipeline.spec.sources, runDate: request.runDate)
    var resolver = AreaResolver(registry: registry)

    // Counts in the report's own period kind, from the earliest comparison through the period.
    let earliest = comparisons.map(\.period.period).min() ?? period
    var table = CountBank(kind: period.kind, first: min(earliest, period), last: period)
    let indicators = pipeline.spec.indicators.entries
    let allCategories = Set(indicators.flatMap { SafetyStore.categories(of: $0.value) })
    try table.load(allCategories.sorted(), from: source, resolver: &resolver)

    let context = FigureContext(
      builder: self, request: request, comparisons: comparisons, table: table,
      coverage: coverage, policy: policy)
    var themes: [ThemeReport] = []
    var chartWindows: [DayRange] = []
    for (themeID, theme) in pipeline.spec.themes {
      var indicatorReports: [IndicatorReport] = []
      for (id, indicator) in indicators where indicator.theme == themeID {
        var report = context.indicator(id: id, indicator, language: language)
        let chart = try ChartBuilder(builder: self, request: request, coverage: coverage)
          .municipalChart(indicator, source: source, resolver: &resolver)
        report.chart = chart?.series
        if let window = chart?.window { chartWindows.append(window) }
        indicatorReports.append(report)
      }
      themes.append(
        context.theme(
          id: themeID, theme, indicators: indicatorReports, language: language))
    }
    var areas = context.areas(language: language)
    let flags = try source.flags().map {
      try FlagReportBuilder(builder: self, request: request, policy: policy)
        .build($0, source: source, language: language)
    }
    if let flags {
      let summaries = FlagReportBuilder.summaries(flags)
      for i in areas.indices { areas[i].flags = summaries[areas[i].code] ?? .none }
    }

    let window = DayRange(
      first: ([earliest.firstDay] + chartWindows.map(\.first)).min() ?? earliest.firstDay,
      last: min(period.lastDay, request.runDate))
    let methods = try MethodsBuilder(pipeline: pipeline, registry: registry)
      .methods(
        window: window, exports: exports, duplicates: source.duplicateDeliveries(),
        runDate: request.runDate)

    let municipality = pipeline.spec.municipality.flatMap { code -> AreaRef? in
      guard let i = registry.index(of: code), let area = registry.area(i) else {
        return AreaRef(code: code.rawValue, name: code.rawValue)
      }
      return AreaRef(code: area.code.rawValue, name: area.name)
    }
    var report = SafetyReport(
      kind: period.kind == .year ? .annualEvaluation : .periodic, language: language,
      pipeline: pipeline.spec.name, title: pipeline.spec.title ?? pipeline.spec.name,
      municipality: municipality, runDate: request.runDate, period: ReportPeriod(period),
      comparisons: comparisons, periodComplete: period.lastDay <= request.runDate,
      syntheticData: pipeline.spec.synthetic ?? false, disclosure: policy, themes: themes,
      areas: areas, flags: flags, methods: methods, boundaries: boundaries.geometries)
    report.boundaryCRS = boundaries.crs
    return report
  }

  /// A name in the report's language: the English one when asked and given.
  static func name(_ nl: String, _ en: String?, _ language: DisplayLanguage) -> String {
    language == .en ? (en ?? nl) : nl
  }

  /// The finest period kind a source's counts are kept in.
  static func finestKind(_ source: Source) -> PeriodKind {
    source.resolvedShape == .records ? .week : (source.period?.kind ?? .week)
  }
}

/// The days each source's applied exports cover, as far as the data tell: aggregated
/// sources name their periods; for record sources the ledger knows the weeks of the first
/// and last registration, and registrations are not made every day, so their data count
/// as covering up to a week past the last one (never past the run date).
struct SourceCoverage: Sendable {
  var bySource: [String: DayRange] = [:]

  /// Days a record source's data are taken to run on after its last registration's week.
  static let recordSlack = 7

  init(exports: [ReportExport], sources: KeyedList<Source>, runDate: CivilDate) {
    for e in exports where e.status == .applied {
      guard let c = e.coverage else { continue }
      if let known = bySource[e.source] {
        bySource[e.source] = DayRange(
          first: min(known.first, c.first), last: max(known.last, c.last))
      } else {
        bySource[e.source] = DayRange(first: c.first, last: c.last)
      }
    }
    for (id, range) in bySource {
      let slack = sources[id]?.resolvedShape == .records ? Self.recordSlack : 0
      bySource[id] = DayRange(
        first: range.first, last: min(range.last.adding(days: slack), runDate))
    }
  }

  /// The days every one of `sources` covers (nil when one has no data).
  func common(_ sources: [String]) -> DayRange? {
    var out: DayRange?
    for s in sources {
      guard let c = bySource[s] else { return nil }
      out = out.map { DayRange(first: max($0.first, c.first), last: min($0.last, c.last)) } ?? c
    }
    return out
  }
}
