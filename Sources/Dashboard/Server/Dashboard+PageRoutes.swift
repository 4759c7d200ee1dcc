import Hummingbird
import PipelineSpec
import ReportBuilder
import Reporting
import SafetyCore

extension Dashboard {
  /// The pages: overview, neighbourhood, data.
  func addPageRoutes(_ router: Router<DashboardContext>) {
    router.get("/") { request, context in
      let query = FormData(request.uri.query ?? "")
      let (period, runDate) = try reportPeriod(query)
      let theme = query["theme"].flatMap { reader.pipeline.spec.themes[$0] == nil ? nil : $0 }
      let content = try cached("overview|\(period)|\(theme ?? "")", context) {
        let report = try reports.report(
          period: period, language: context.language, runDate: runDate,
          version: try reader.dataVersion())
        return overview(report, theme: theme)
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
        let report = try reports.report(
          period: period, language: context.language, runDate: runDate,
          version: try reader.dataVersion())
        guard let area = report.area(code) else { throw HTTPError(.notFound) }
        let charts = try reports.builder.areaCharts(
          area: code, period: period, runDate: runDate, from: reader.store)
        return AreaPage(
          report: report, area: area, charts: charts,
          flagsSection:
            "<h2>\(context.language[.sectionFlags])</h2><p class=\"muted\">\(context.language[.noFlagsYet])</p>",
          mapFills: [:]
        ).content()
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

  func overview(_ report: SafetyReport, theme: String?) -> HTML {
    let t = ReportText(report)
    let chosen = theme.flatMap { report.theme($0) } ?? report.themes.first
    var fills: [String: MapFill] = [:]
    if let chosen {
      for area in report.areas {
        guard let f = area.theme(chosen.id) else { continue }
        fills[area.code] = MapFill(
          colour: IndexColours.colour(for: f.index),
          tooltip: "\(t[.indexShort]) \(t.index(f.index)); \(t[.count]) \(t.count(f.figures.count))"
        )
      }
    }
    var options = HTML.empty
    for th in report.themes {
      let selected: HTML = th.id == chosen?.id ? " selected" : ""
      options += "<option value=\"\(th.id)\"\(selected)>\(th.name)</option>"
    }
    let choice: HTML = """
      <form class="filters" method="get" action="/"><label>\(t[.overviewTheme])\
      <select name="theme">\(options)</select></label>\
      <button class="primary" type="submit">\(t[.dataFilter])</button></form>
      """
    return OverviewPage(
      report: report,
      flagsSection: "<p class=\"notice\">\(t[.noFlagsYet])</p>",
      mapFills: fills, mapTitle: "\(t[.overviewMapByIndex]): \(chosen?.name ?? "")",
      mapLegend: IndexColours.legend(report.language, withSuppressed: true),
      themeChoice: choice, openFlags: nil
    ).content()
  }
}
