import Foundation
import Hummingbird
import Reporting

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
