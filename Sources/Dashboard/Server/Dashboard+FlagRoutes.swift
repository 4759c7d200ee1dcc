import Flagging
import Foundation
import Hummingbird
import PipelineSpec
import ReportBuilder
import Reporting
import SafetyCore
import Store

extension Dashboard {
  static let nameCookie = "sm_name"

  /// The flag page and its review form (the desk's only write).
  func addFlagRoutes(_ router: Router<DashboardContext>) {
    router.get("/flags/:id") { request, context in
      try flagPage(request, context, id: context.parameters.get("id") ?? "", message: .empty)
    }

    router.post("/flags/:id/review") { request, context in
      let id = context.parameters.get("id") ?? ""
      guard let record = try flags().record(id) else { throw HTTPError(.notFound) }
      let form = context.form ?? FormData("")
      let lang = context.language
      let action = form["action"].flatMap(FlagReview.init(rawValue:))
      let note = (form["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
      // Signed-in analysts are recorded by their user name; otherwise the name typed.
      let signedIn = context.user.flatMap { $0 == SessionMiddleware.tokenUser ? nil : $0 }
      let author =
        signedIn
        ?? String((form["by"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(80))
      var problems: [String] = []
      if note.isEmpty { problems.append(lang[.noteRequired]) }
      if author.isEmpty { problems.append(lang[.nameRequired]) }
      guard let action, problems.isEmpty, note.count <= 2000 else {
        let message: HTML =
          "<p class=\"notice error\" role=\"alert\">\(problems.joined(separator: " "))</p>"
        return try flagPage(
          request, context, id: record.flag.id, message: message, status: .badRequest)
      }
      do {
        _ = try writer.review(
          flagID: record.flag.id, action: action, note: note, author: author,
          at: Self.iso8601(now()))
      } catch {
        context.logger.error("review not recorded", metadata: ["error": "\(error)"])
        let message: HTML = "<p class=\"notice error\" role=\"alert\">\(lang[.reviewFailed])</p>"
        return try flagPage(
          request, context, id: record.flag.id, message: message, status: .serviceUnavailable)
      }
      var response = Response(
        status: .seeOther,
        headers: [
          .location: Links.build(Links.flagPath(record.flag.id), [("recorded", "1")]) + "#history"
        ])
      if signedIn == nil, let value = Self.cookieSafe(author) {
        response.setCookie(
          Cookie(
            name: Self.nameCookie, value: value, maxAge: 365 * 86400, path: "/",
            secure: configuration.secureCookies, httpOnly: true, sameSite: .lax))
      }
      return response
    }
  }

  func flagPage(
    _ request: Request, _ context: DashboardContext, id: String, message: HTML,
    status: HTTPResponse.Status = .ok
  ) throws -> Response {
    let model = try flags()
    guard let record = model.record(id) else { throw HTTPError(.notFound) }
    let lang = context.language
    let content = try cached("flag|\(record.flag.id)", context) {
      let views = try flagViews(lang)
      return FlagPage(record: record, views: views, charts: try flagCharts(record, lang)).content()
    }
    var message = message
    if message == .empty, request.uri.queryParameters["recorded"] != nil {
      message = "<p class=\"notice\" role=\"status\">\(lang[.reviewSaved])</p>"
    }
    let remembered = request.cookies[Self.nameCookie].map { FormData.decode($0.value) }
    let signedIn = context.user.flatMap { $0 == SessionMiddleware.tokenUser ? nil : $0 }
    let form = ReviewForm(
      flagID: record.flag.id, csrfToken: context.csrfToken ?? "", signedInUser: signedIn,
      rememberedName: remembered, message: message, language: lang
    ).render()
    let body = HTML(
      unescaped: content.rendered.replacingOccurrences(
        of: FlagPage.reviewMarker, with: form.rendered))
    let names = DeskNames(reader: reader, language: lang)
    return page(
      request, context,
      title: "\(names.kind(record.flag.kind)): \(names.area(record.flag.area))", section: .none,
      content: body, status: status)
  }

  /// The series behind a flag: each contributing indicator in each contributing area,
  /// with the stored detection results, ending with the quarter of the flag's last week.
  func flagCharts(_ record: FlagRecord, _ lang: DisplayLanguage) throws
    -> [(title: String, chart: AreaChart)]
  {
    let f = record.flag
    let today = AmsterdamTime.localDate(utcMinutes: now() / 60)
    let runDate = try reports.runDate(today: today)
    let period = Period(containing: min(f.lastSeen.lastDay, runDate), kind: .quarter)
    let names = DeskNames(reader: reader, language: lang)
    let store = reader.store
    var out: [(String, AreaChart)] = []
    var seen: Set<String> = []
    for c in f.explanation.contributions where seen.insert("\(c.indicator)|\(c.area)").inserted {
      let charts = try reports.builder.areaCharts(
        area: c.area, period: period, runDate: runDate, from: store, only: [c.indicator],
        stored: { indicator, area in try Self.stored(store, indicator: indicator, area: area) })
      for chart in charts {
        out.append(("\(names.indicator(c.indicator)) — \(names.area(chart.area))", chart))
      }
    }
    return out
  }

  static func iso8601(_ seconds: Int) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
  }

  /// A name as a cookie value (percent-encoded), nil when too long.
  static func cookieSafe(_ text: String) -> String? {
    let encoded = Links.encode(text)
    return encoded.count <= 400 ? encoded : nil
  }
}
