import Flagging
import Hummingbird
import PipelineSpec
import ReportBuilder
import Reporting
import SafetyCore
import Store

extension Dashboard {
  /// The pages: overview, neighbourhood, data (the flag page is in `addFlagRoutes`).
  func addPageRoutes(_ router: Router<DashboardContext>) {
    router.get("/") { request, context in
      let query = FormData(request.uri.query ?? "")
      let (period, runDate) = try reportPeriod(query)
      let flagQuery = FlagQuery(query)
      let mapTheme = query["map"].flatMap { reader.pipeline.spec.themes[$0] == nil ? nil : $0 }
      let content = try cached(
        "overview|\(period)|\(flagQuery.cacheKey)|\(mapTheme ?? "")", context
      ) {
        let report = try reports.report(
          period: period, language: context.language, runDate: runDate,
          version: try reader.dataVersion())
        return try overview(
          report, flagQuery: flagQuery, mapTheme: mapTheme, language: context.language)
      }
      return page(
        request, context, title: context.language[.overviewTitle], section: .overview,
        content: content)
    }

    router.get("/areas/:code") { request, context in
      let code = (context.parameters.get("code") ?? "").uppercased()
      guard let areaCode = AreaCode(code), let i = reader.registry.index(of: areaCode),
        let registered = reader.registry.area(i)
      else { throw HTTPError(.notFound) }
      if registered.level == .gemeente {
        return Response(status: .seeOther, headers: [.location: "/"])
      }
      let (period, runDate) = try reportPeriod(FormData(request.uri.query ?? ""))
      let content = try cached("area|\(code)|\(period)", context) {
        try areaPage(code, period: period, runDate: runDate, language: context.language)
      }
      return page(request, context, title: registered.name, section: .none, content: content)
    }

    router.get("/data") { request, context in
      let filter = ExportsModel.Filter(query: FormData(request.uri.query ?? ""))
      let content = try cached("data|\(filter.cacheKey)", context) {
        DataPage(
          model: try ExportsModel(reader: reader, filter: filter), filter: filter,
          sourceIDs: reader.pipeline.spec.sources.keys, language: context.language
        ).content()
      }
      return page(
        request, context, title: context.language[.dataTitle], section: .data, content: content)
    }
  }

  /// The period of the figures (`?period=` or the latest complete quarter) and the run
  /// date they are for.
  func reportPeriod(_ query: FormData) throws -> (Period, CivilDate) {
    let today = AmsterdamTime.localDate(utcMinutes: now() / 60)
    let runDate = try reports.runDate(today: today)
    return (DashboardReports.period(asked: query["period"], runDate: runDate), runDate)
  }

  func flagViews(_ language: DisplayLanguage) throws -> FlagViews {
    FlagViews(
      model: try flags(), names: DeskNames(reader: reader, language: language),
      disclosure: reader.disclosure)
  }

  func overview(
    _ report: SafetyReport, flagQuery: FlagQuery, mapTheme: String?, language: DisplayLanguage
  ) throws -> HTML {
    let t = ReportText(report)
    let views = try flagViews(language)
    let themes = reader.pipeline.spec.themes.keys
    let areaCodes = report.areas.map(\.code)
    var flagsSection: HTML
    let fills: [String: MapFill]
    let mapTitle: String
    let legend: [(colour: String, text: String)]
    var choice = HTML.empty
    if views.model.detectionRan, mapTheme == nil {
      fills = views.mapFills(areaCodes: areaCodes)
      mapTitle = language[.flagsMapTitle]
      legend = views.mapLegend
    } else {
      let chosen = mapTheme.flatMap { report.theme($0) } ?? report.themes.first
      var f: [String: MapFill] = [:]
      for area in report.areas {
        guard let chosen, let x = area.theme(chosen.id) else { continue }
        f[area.code] = MapFill(
          colour: IndexColours.colour(for: x.index),
          tooltip: "\(t[.indexShort]) \(t.index(x.index)); \(t[.count]) \(t.count(x.figures.count))"
        )
      }
      fills = f
      mapTitle = "\(language[.overviewMapByIndex]): \(chosen?.name ?? "")"
      legend = IndexColours.legend(language, withSuppressed: true)
    }
    // Switch the map between flag status and a theme's index.
    var options: HTML =
      views.model.detectionRan
      ? "<option value=\"\"\(mapTheme == nil ? HTML(" selected") : "")>\(language[.flagsMapTitle])</option>"
      : ""
    for th in report.themes {
      let selected: HTML = th.id == mapTheme ? " selected" : ""
      options +=
        "<option value=\"\(th.id)\"\(selected)>\(language[.overviewMapByIndex]): \(th.name)</option>"
    }
    choice = """
      <form class="filters" method="get" action="/">\
      \(HTML.join(flagQuery.pairs.filter { !$0.1.isEmpty }.map { "<input type=\"hidden\" name=\"\($0.0)\" value=\"\($0.1)\">" }))\
      <label>\(language[.map])<select name="map">\(options)</select></label>\
      <button class="primary" type="submit">\(language[.dataFilter])</button></form>
      """
    if views.model.detectionRan {
      let matching = views.model.records.filter { flagQuery.matches($0, names: views.names) }
      let wijken = report.areas(at: .wijk).map { ($0.code, $0.name) }
      flagsSection = views.tiles(flagQuery)
      flagsSection += "<section id=\"flags\"><h2>\(language[.flagsList])</h2>"
      flagsSection += views.filters(flagQuery, themes: themes, wijken: wijken)
      flagsSection += "<p class=\"muted\">\(matching.count) \(language[.flagsShown])</p>"
      flagsSection += views.table(matching)
      flagsSection += "</section>"
    } else {
      flagsSection = "<p class=\"notice\">\(language[.noFlagsYet])</p>"
    }
    var openByArea: [String: Int]?
    if views.model.detectionRan {
      openByArea = [:]
      for r in views.model.open {
        for code in Set([r.flag.area] + r.flag.explanation.members) {
          openByArea?[code, default: 0] += 1
          if let w = views.names.wijk(of: code), w != code { openByArea?[w, default: 0] += 1 }
        }
      }
    }
    let beside = views.model.detectionRan ? views.themeMatrix(themes: themes) : HTML.empty
    return OverviewPage(
      report: report, flagsSection: flagsSection, beside: beside, mapFills: fills,
      mapTitle: mapTitle,
      mapLegend: legend, themeChoice: choice, openFlags: openByArea
    ).content()
  }

  func areaPage(_ code: String, period: Period, runDate: CivilDate, language: DisplayLanguage)
    throws -> HTML
  {
    let (report, area, charts) = try areaData(
      code, period: period, runDate: runDate, language: language)
    let views = try flagViews(language)
    let section = AreaFlagsSection(views: views, area: code, isWijk: area.level == .wijk).render()
    let fills = views.model.detectionRan ? views.mapFills(areaCodes: report.areas.map(\.code)) : [:]
    var flagged: Set<String> = []
    for r in views.model.open {
      for c in r.flag.explanation.contributions
      where c.area == code || views.names.wijk(of: c.area) == code
        || views.names.wijk(of: code) == c.area
      {
        flagged.insert(c.indicator)
      }
    }
    return AreaPage(
      report: report, area: area, charts: charts, flagsSection: section, mapFills: fills,
      flaggedIndicators: flagged
    ).content()
  }

  /// What the area page and `/api/areas/{code}` show: the period's report, the area in it
  /// (404 when there is none) and its charts with the run's stored detection results.
  func areaData(_ code: String, period: Period, runDate: CivilDate, language: DisplayLanguage)
    throws -> (SafetyReport, AreaReport, [AreaChart])
  {
    let report = try reports.report(
      period: period, language: language, runDate: runDate, version: try reader.dataVersion())
    guard let area = report.area(code) else { throw HTTPError(.notFound) }
    let store = reader.store
    let charts = try reports.builder.areaCharts(
      area: code, period: period, runDate: runDate, from: store,
      stored: { indicator, area in try Self.stored(store, indicator: indicator, area: area) })
    return (report, area, charts)
  }

  /// The run's detection results of one indicator in one area, as the charts take them.
  static func stored(_ store: SafetyStore, indicator: String, area: String) throws
    -> [StoredDetection]
  {
    try store.detectionResults(indicator: indicator, area: area).map {
      StoredDetection(
        period: $0.period, expected: $0.expected, upperBound: $0.upperbound, alarm: $0.alarm)
    }
  }
}
