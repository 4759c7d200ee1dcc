import Foundation
import Normalise
import PipelineSpec
import SafetyCore
import Testing

@testable import Runner

/// Exports saved from a spreadsheet report: a title above the table and a total row below.
@Suite struct ExportReaderSpreadsheetTests {
  static let pipelineText = TestWorkspace.pipelineText.replacingOccurrences(
    of: """
          dialect: {delimiter: ","}
          period: {column: maand, kind: month, format: yyyy-MM}
          area: {column: wijk}
      """,
    with: """
          dialect: {delimiter: ",", skipLines: 3}
          period: {column: maand, kind: month, format: yyyy-MM}
          area: {column: wijk, skip: [Totaal, Eindtotaal]}
      """)

  func read(_ text: String, pipeline: String = pipelineText) throws -> NormalisedExport {
    let w = try TestWorkspace()
    try pipeline.write(toFile: w.pipelinePath, atomically: true, encoding: .utf8)
    let loaded = try LoadedPipeline.load(path: w.pipelinePath)
    let path = w.root + "/welzijn.csv"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let outcome = ExportReader.read(
      path: path, displayName: "welzijn.csv", plan: try SourcePlan(id: "welzijn", in: loaded),
      pipeline: loaded, registry: try AreaRegistry.load(loaded), runDate: TestWorkspace.runDate,
      hasher: nil)
    guard case .read(let export) = outcome else {
      throw Diagnostic.error(.parseError, "expected rows, got \(outcome)")
    }
    return export
  }

  @Test func skipsTheTitleLinesAndTheTotalRow() throws {
    #expect(Self.pipelineText != TestWorkspace.pipelineText)
    let export = try read(
      """
      Rapportage casussen Welzijn, "september 2024"
      Gemaakt op 01-10-2024

      maand,wijk,aantal
      2024-08,WK999901,3
      2024-09,WK999901,x
      2024-09,WK999901,4
      , EINDTOTAAL ,7

      """)
    #expect(export.counts.map(\.count) == [3, 4])
    #expect(export.stats.total == 4 && export.stats.ok == 3 && export.stats.rejected == 1)
    #expect(export.stats.unknownArea == 0)
    // Positions are the file's own lines.
    #expect(
      export.diagnostics.map(\.description) == [
        "welzijn.csv:6:18: error: expected a whole number of zero or more [type-error]"
      ])
  }

  @Test func aMissingColumnIsNamedAtTheHeaderLine() throws {
    let w = try TestWorkspace()
    try Self.pipelineText.write(toFile: w.pipelinePath, atomically: true, encoding: .utf8)
    let loaded = try LoadedPipeline.load(path: w.pipelinePath)
    let path = w.root + "/welzijn.csv"
    try "titel\n\n\nmaand,gebied,aantal\n2024-08,WK999901,3\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    let outcome = ExportReader.read(
      path: path, displayName: "welzijn.csv", plan: try SourcePlan(id: "welzijn", in: loaded),
      pipeline: loaded, registry: try AreaRegistry.load(loaded), runDate: TestWorkspace.runDate,
      hasher: nil)
    guard case .fatal(let d, _) = outcome else {
      Issue.record("expected a fatal outcome, got \(outcome)")
      return
    }
    #expect(d.code == .missingColumn)
    #expect(d.message.hasPrefix("missing column wijk for source 'welzijn'"))
    #expect(d.position?.line == 4)
  }

  @Test func withoutAHeaderColumnsAreNumbered() throws {
    let pipeline = Self.pipelineText
      .replacingOccurrences(of: "skipLines: 3}", with: "skipLines: 1, header: false}")
      .replacingOccurrences(of: "column: maand,", with: "column: \"1\",")
      .replacingOccurrences(of: "area: {column: wijk,", with: "area: {column: \"2\",")
      .replacingOccurrences(of: "count: aantal", with: "count: \"3\"")
    let export = try read("Rapportage\n2024-08,WK999901,3\n,Totaal,3\n", pipeline: pipeline)
    #expect(export.counts.map(\.count) == [3])
    #expect(export.stats.ok == 2 && export.stats.rejected == 0)
  }
}
