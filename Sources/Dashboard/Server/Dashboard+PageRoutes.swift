import Hummingbird
import Reporting

extension Dashboard {
  /// The pages: overview, data (more follow with flags).
  func addPageRoutes(_ router: Router<DashboardContext>) {
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
}
