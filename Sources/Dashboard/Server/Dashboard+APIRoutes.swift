import Foundation
import Hummingbird
import Reporting
import SafetyCore

extension Dashboard {
  /// The JSON API (read-only; documented in docs/DASHBOARD.md and `/api/openapi.json`).
  func addAPIRoutes(_ router: Router<DashboardContext>) {
    router.get("/api") { _, _ in try APIResponse.json(APIIndex()) }
    router.get("/api/openapi.json") { _, _ in
      APIResponse.json(data: Data(OpenAPIDocument.json.utf8))
    }
    router.get("/api/exports") { request, _ in
      let filter = ExportsModel.Filter(query: FormData(request.uri.query ?? ""))
      return try cachedJSON("api/exports|\(filter.cacheKey)") {
        try ExportsModel(reader: reader, filter: filter)
      }
    }
    router.get("/api/areas") { _, _ in
      try cachedJSON("api/areas") { AreasModel(reader: reader) }
    }
    router.get("/api/flags") { request, context in
      let query = FlagQuery(FormData(request.uri.query ?? ""))
      return try cachedJSON("api/flags|\(context.language.rawValue)|\(query.cacheKey)") {
        FlagListJSON(
          try flags(), query: query, names: DeskNames(reader: reader, language: context.language))
      }
    }
    router.get("/api/flags/:id") { _, context in
      let model = try flags()
      guard let record = model.record(context.parameters.get("id") ?? "") else {
        throw HTTPError(.notFound)
      }
      return try cachedJSON("api/flag|\(context.language.rawValue)|\(record.flag.id)") {
        FlagDetailJSON(
          record, names: DeskNames(reader: reader, language: context.language),
          disclosure: reader.disclosure)
      }
    }
    router.get("/api/areas/:code") { request, context in
      let code = (context.parameters.get("code") ?? "").uppercased()
      let (period, runDate) = try reportPeriod(FormData(request.uri.query ?? ""))
      return try cachedJSON("api/area|\(context.language.rawValue)|\(code)|\(period)") {
        try areaJSON(code, period: period, runDate: runDate, language: context.language)
      }
    }
  }

  func areaJSON(_ code: String, period: Period, runDate: CivilDate, language: DisplayLanguage)
    throws -> AreaJSON
  {
    let (report, area, charts) = try areaData(
      code, period: period, runDate: runDate, language: language)
    let names = DeskNames(reader: reader, language: language)
    var query = FlagQuery()
    query.statuses = .all
    query.area = area.level == .buurt ? code : nil
    query.wijk = area.level == .wijk ? code : nil
    let flags = try flags().records.filter { query.matches($0, names: names) }
    return AreaJSON(
      period: report.period, comparisons: report.comparisons, area: area,
      flags: flags.map { FlagJSON($0, names: names) },
      series: charts.map {
        AreaJSON.Series(indicator: $0.indicator, area: $0.area, series: $0.series)
      })
  }
}

/// `/api`: what there is, with links.
struct APIIndex: Encodable {
  struct Endpoint: Encodable {
    var path: String
    var description: String
  }
  var name = "SafetyMonitor dashboard API"
  var openapi = "/api/openapi.json"
  var endpoints: [Endpoint] = [
    .init(
      path: "/api/exports",
      description:
        "The exports ledger per source and file, quarantine reasons, unknown area texts, unmapped categories, runs."
    ),
    .init(
      path: "/api/areas",
      description:
        "The area registry: municipality, districts (wijken) and neighbourhoods (buurten)."),
    .init(
      path: "/api/areas/{code}",
      description:
        "One wijk or buurt: figures per theme and indicator with the index, its flags, and every indicator's series with the detector's expectation and alarms (the neighbourhood page)."
    ),
    .init(
      path: "/api/flags",
      description:
        "Flags with the overview's filters (theme, kind, status, wijk, area, review) and counts of open, new and escalated flags."
    ),
    .init(
      path: "/api/flags/{id}",
      description:
        "One flag: evidence per indicator, convergence, history and every review (the flag page)."
    ),
  ]
}

/// `/api/areas`: the registry.
struct AreasModel: Encodable {
  struct Area: Encodable {
    var code: String
    var name: String
    var level: String
    var parent: String?
  }
  var areas: [Area]

  init(reader: DashboardReader) {
    let registry = reader.registry
    areas = registry.areas.map { a in
      Area(
        code: a.code.rawValue, name: a.name, level: a.level.rawValue,
        parent: registry.area(a.parent)?.code.rawValue)
    }
  }
}
