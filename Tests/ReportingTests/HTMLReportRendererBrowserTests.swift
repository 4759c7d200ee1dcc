import Foundation
import Testing

@testable import Reporting

/// The headless browser, when one is installed.
let installedBrowser: String? = [
  "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
].first { FileManager.default.isExecutableFile(atPath: $0) }

/// Renders report HTML in a real headless browser (Debian `chromium`): the page must render
/// and the console stay silent — no script errors and no Content-Security-Policy
/// violations (any attempt to load from the network or to run a script would be one).
/// Skipped where chromium is not installed (CI does not install it); the same check with
/// screenshots is `scripts/report-browser-check.sh` (docs/REPORTS.md).
@Suite(.enabled(if: installedBrowser != nil, "chromium is not installed"))
struct HTMLReportRendererBrowserTests {
  static var browser: String? { installedBrowser }

  /// The rendered DOM and the browser's console lines for `html`.
  static func open(_ html: String) throws -> (dom: String, console: [String]) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "report-browser-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("report.html")
    try html.write(to: file, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
    process.arguments = [
      "120", browser ?? "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
      "--disable-extensions", "--disable-background-networking", "--enable-logging=stderr",
      "--v=0", "--user-data-dir=\(dir.path)/profile", "--dump-dom", file.absoluteString,
    ]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (dom, log.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") })
  }

  @Test(arguments: ["nl", "en", "annual", "hostile"])
  func rendersWithoutConsoleMessages(variant: String) throws {
    let report =
      switch variant {
      case "en": ReportFixture.report(language: .en)
      case "annual": ReportFixture.report(kind: .annualEvaluation)
      case "hostile": ReportFixture.report(hostile: true)
      default: ReportFixture.report()
      }
    let (dom, console) = try Self.open(HTMLReportRenderer(report).render())
    #expect(console.isEmpty, "\(console)")
    #expect(dom.contains("<h1>"))
    #expect(dom.contains("<section id=\"methods\">"))
    #expect(dom.contains("<svg"))
    #expect(dom.contains("</html>"))
  }

  @Test func theCheckSeesAnAttemptToLoadFromTheNetwork() throws {
    var html = HTMLReportRenderer(ReportFixture.report()).render()
    html = html.replacingOccurrences(
      of: "</main>", with: "<img src=\"http://example.invalid/x.png\" alt=\"\"></main>")
    let (_, console) = try Self.open(html)
    #expect(console.contains { $0.contains("Content Security Policy") })
  }
}
