import Flagging
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PipelineSpec
import Runner
import SafetyCore
import Store
import Testing

@testable import Dashboard

/// A small pipeline in a temporary folder, run once so its store holds a ledger: one
/// applied police export (with a row naming an unknown area `<script>…`), one quarantined
/// file whose name carries markup, and areas whose names are markup.
struct DashboardWorkspace {
  let root: String
  var pipelinePath: String { root + "/pipelines/test.yaml" }
  var state: String { root + "/state" }
  static let runDate = CivilDate(year: 2024, month: 9, day: 30)!
  static let evil = "<script>alert(1)</script>"
  static let evilUnknown = "<script>unknown()</script>"

  static let pipelineText = """
    version: 1
    name: teststad
    title: "Teststad <b>monitor</b>"
    areas:
      registry: ../areas/areas.csv
    state: ../state
    themes:
      hic: {name: HIC}
    sources:
      politie:
        partner: "Politie <i>Oost</i>"
        files: politie_*.csv
        key: registratienummer
        date: {column: pleegdatum, format: dd-MM-yyyy}
        area: {column: buurt, match: auto}
        category: {column: incidentcode}
        personal: [naam]
    indicators:
      inbraak: {name: Inbraak, theme: hic, from: {politie: ["1.1.1"]}}
    disclosure: {minCell: 5}
    """

  init() throws {
    root =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "dashboard-test-\(UUID().uuidString)"
      ).path
    let fm = FileManager.default
    for dir in ["pipelines", "areas", "state/inbox"] {
      try fm.createDirectory(atPath: root + "/" + dir, withIntermediateDirectories: true)
    }
    try """
    code;name;parent
    GM9999;Teststad;
    WK999901;Centrum;GM9999
    BU99990101;\(Self.evil);WK999901
    BU99990102;Café Buurt;WK999901
    """.write(toFile: root + "/areas/areas.csv", atomically: true, encoding: .utf8)
    try Self.pipelineText.write(toFile: pipelinePath, atomically: true, encoding: .utf8)
    var rows = ["naam;registratienummer;pleegdatum;buurt;incidentcode"]
    for i in 0..<12 { rows.append("X;P-\(i);0\(1 + i % 9)-09-2024;BU99990102;1.1.1") }
    rows.append("X;P-90;02-09-2024;\(Self.evilUnknown);1.1.1")
    rows.append("X;P-91;02-09-2024;BU99990101;9.9.9")
    try rows.joined(separator: "\n").write(
      toFile: root + "/state/inbox/politie_2024-09.csv", atomically: true, encoding: .utf8)
    // Cut off inside a quote: quarantined whole. Its name carries markup.
    try "naam;registratienummer;pleegdatum;buurt;incidentcode\nX;\"P-1;02-09-2024".write(
      toFile: root + "/state/inbox/politie_<img src=x>.csv", atomically: true, encoding: .utf8)
    let pipeline = try LoadedPipeline.load(path: pipelinePath)
    _ = try Runner(pipeline: pipeline).run(
      RunOptions(runDate: Self.runDate, now: "2024-09-30T06:00:00Z"))
  }

  static let openFlag = FlagID.make(
    family: .acute, area: "BU99990101", theme: "hic", firstSeen: Period(parsing: "2024-W36")!)
  static let resolvedFlag = FlagID.make(
    family: .acute, area: "BU99990102", theme: "hic", firstSeen: Period(parsing: "2024-W30")!)

  /// Puts two flags into the store through the flags store API, as a run would: an open
  /// spike in the buurt named `<script>…` (new in the latest run) and a resolved one in
  /// Café Buurt.
  func seedFlags() throws {
    let store = try SafetyStore(path: state + "/store.sqlite")
    func p(_ text: String) -> Period { Period(parsing: text)! }
    func flag(
      _ id: String, area: String, first: String, events: [(FlagEventType, String)]
    ) -> DerivedFlag {
      let evs = events.map {
        FlagEvent(type: $0.0, week: p($0.1), severity: 72, band: .high, kind: .spike)
      }
      return DerivedFlag(
        id: id, family: .acute, area: area, areaLevel: .buurt, theme: "hic", kind: .spike,
        kinds: [.spike, .rising], firstSeen: p(first), lastSeen: p(first),
        resolved: evs.last?.type == .resolved ? evs.last?.week : nil, severity: 72, band: .high,
        peakSeverity: 72, events: evs,
        explanation: FlagExplanation(
          contributions: [
            Contribution(
              indicator: "inbraak", area: area, kinds: [.spike], partners: ["Politie <i>Oost</i>"],
              firstSignal: p(first), lastSignal: p(first), peak: p(first), periods: 1,
              observed: 3, expected: 0.4, upperbound: 2.5, pvalue: 0.0004)
          ], partners: ["Politie <i>Oost</i>"]), weeks: [p(first)])
    }
    let derived = [
      flag(Self.openFlag, area: "BU99990101", first: "2024-W36", events: [(.opened, "2024-W36")]),
      flag(
        Self.resolvedFlag, area: "BU99990102", first: "2024-W30",
        events: [(.opened, "2024-W30"), (.resolved, "2024-W35")]),
    ]
    let runID = try #require(try store.recentRuns(limit: 1).first?.id)
    let updates = FlagReconciler.reconcile(
      stored: try store.storedFlags(), derived: derived, from: p("2022-W40"),
      through: p("2024-W39"), resolveAfterWeeks: 4)
    try store.applyFlagUpdates(
      updates, runID: runID, recordedAt: "2024-09-30T06:01:00Z", from: p("2022-W40"),
      through: p("2024-W39"))
  }

  /// The reviews stored for a flag (read through a fresh connection).
  func reviews(_ id: String) throws -> [FlagReviewEntry] {
    try SafetyStore(path: state + "/store.sqlite", mode: .liveReadOnly).flagRecord(id: id)?.reviews
      ?? []
  }

  func reader() throws -> DashboardReader {
    try DashboardReader(pipeline: try LoadedPipeline.load(path: pipelinePath))
  }

  /// A dashboard on this workspace (no page cache unless asked: tests change the store).
  func dashboard(access: AccessPolicy = .open, cachePages: Bool = false) throws -> Dashboard {
    try Dashboard(
      reader: try reader(),
      configuration: DashboardConfiguration(access: access, cachePages: cachePages),
      keys: SessionKeys(fixed: Array(repeating: 7, count: 32)), now: { 1_727_676_000 })
  }

  /// Runs `test` against the dashboard's router (no sockets).
  func test<Value: Sendable>(
    _ dashboard: Dashboard, _ test: @Sendable (any TestClientProtocol) async throws -> Value
  ) async throws -> Value {
    let app = Application(router: dashboard.router())
    return try await app.test(.router, test)
  }
}

extension TestResponse {
  var text: String { String(buffer: body) }

  /// The values of the `Set-Cookie` headers, by cookie name.
  var cookies: [String: String] {
    var out: [String: String] = [:]
    for value in headers[values: .setCookie] {
      let first = value.split(separator: ";")[0]
      let kv = first.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      out[String(kv[0])] = kv.count > 1 ? String(kv[1]) : ""
    }
    return out
  }
}

/// A browser: keeps cookies between requests and reads CSRF tokens from forms.
final class TestBrowser: @unchecked Sendable {
  let client: any TestClientProtocol
  var cookies: [String: String] = [:]

  init(_ client: any TestClientProtocol) { self.client = client }

  @discardableResult
  func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
    try await send(uri, method: .get, headers: headers, body: nil)
  }

  @discardableResult
  func post(_ uri: String, form: [(String, String)], headers: HTTPFields = [:]) async throws
    -> TestResponse
  {
    var h = headers
    h[.contentType] = "application/x-www-form-urlencoded"
    let body = form.map { "\(Links.encode($0.0))=\(Links.encode($0.1))" }.joined(separator: "&")
    return try await send(uri, method: .post, headers: h, body: ByteBuffer(string: body))
  }

  func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?)
    async throws -> TestResponse
  {
    var h = headers
    if !cookies.isEmpty, h[.cookie] == nil {
      h[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
    }
    let response = try await client.execute(uri: uri, method: method, headers: h, body: body)
    for (name, value) in response.cookies {
      if value.isEmpty { cookies[name] = nil } else { cookies[name] = value }
    }
    return response
  }

  /// The `csrf` field of the first form in a page.
  static func csrfToken(in page: String) -> String? {
    guard let r = page.range(of: "name=\"csrf\" value=\"") else { return nil }
    let rest = page[r.upperBound...]
    return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
  }
}
