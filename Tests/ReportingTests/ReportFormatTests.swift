import Foundation
import Testing

@testable import Reporting

/// Golden files: every format of the fixture report (run date 2024-10-07), Dutch and
/// English. `UPDATE_GOLDEN=1 swift test --filter ReportFormatTests` rewrites them; review
/// the diff before committing.
@Suite struct ReportFormatTests {
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  static var update: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

  @Test func fileNamesSayThePeriodTheComparisonAndTheLanguage() throws {
    let report = ReportFixture.report()
    #expect(ReportFormat.baseName(report) == "report-2024Q3")
    #expect(ReportFormat.baseName(ReportFixture.report(language: .en)) == "report-2024Q3-en")
    #expect(
      ReportFormat.baseName(ReportFixture.report(kind: .annualEvaluation)) == "report-2024-vs-2023")
    #expect(try ReportFormat.html.files(report).map(\.name) == ["report-2024Q3.html"])
    #expect(
      try ReportFormat.csv.files(report).map(\.name) == [
        "report-2024Q3-themes.csv", "report-2024Q3-indicators.csv", "report-2024Q3-areas.csv",
        "report-2024Q3-area-indicators.csv", "report-2024Q3-flags.csv",
        "report-2024Q3-sources.csv", "report-2024Q3-exports.csv",
      ])
  }

  static let cases: [(DisplayLanguage, ReportKind, [ReportFormat])] = [
    (.nl, .periodic, ReportFormat.allCases), (.en, .periodic, [.html, .md]),
    (.nl, .annualEvaluation, [.html, .md]),
  ]

  @Test(arguments: cases.indices)
  func outputsEqualTheGoldenFiles(index: Int) throws {
    let (language, kind, formats) = Self.cases[index]
    let report = ReportFixture.report(language: language, kind: kind)
    for format in formats {
      for file in try format.files(report) {
        let url = Self.golden.appendingPathComponent(file.name)
        if Self.update {
          try FileManager.default.createDirectory(
            at: Self.golden, withIntermediateDirectories: true)
          try Data(file.bytes).write(to: url)
          continue
        }
        let expected = try #require(
          FileManager.default.contents(atPath: url.path),
          "missing golden file \(file.name): run UPDATE_GOLDEN=1 swift test --filter ReportFormatTests"
        )
        if Array(expected) != file.bytes {
          let a = String(decoding: expected, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false)
          let b = String(decoding: file.bytes, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false)
          let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
          Issue.record(
            "\(file.name) differs from its golden file at line \(line + 1): expected \(line < a.count ? String(a[line].prefix(200)) : "<end>"), got \(line < b.count ? String(b[line].prefix(200)) : "<end>")"
          )
        }
      }
    }
  }
}
