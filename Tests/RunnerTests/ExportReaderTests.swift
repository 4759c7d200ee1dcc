import Foundation
import Normalise
import PipelineSpec
import SafetyCore
import Testing

@testable import Runner

@Suite struct ExportReaderTests {
  func read(_ text: String, source: String = "politie", pipelineText: String? = nil) throws
    -> ExportReader.Outcome
  {
    let w = try TestWorkspace()
    if let pipelineText {
      try pipelineText.write(toFile: w.pipelinePath, atomically: true, encoding: .utf8)
    }
    let pipeline = try LoadedPipeline.load(path: w.pipelinePath)
    let path = w.root + "/export.csv"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return ExportReader.read(
      path: path, displayName: "export.csv", plan: try SourcePlan(id: source, in: pipeline),
      pipeline: pipeline, registry: try AreaRegistry.load(pipeline),
      runDate: TestWorkspace.runDate, hasher: nil)
  }

  @Test func rejectsRaggedRowsAndSkipsBlankOnes() throws {
    let outcome = try read(
      """
      naam;registratienummer;pleegdatum;buurtcode;incidentcode;bsn
      X;P1;02-09-2024;BU99990101;1.1.1;1
      X;P2;02-09-2024;BU99990101;1.1.1
      ;;;;;
      X;P3;02-09-2024;BU99990101;1.1.1;1;extra
      """)
    guard case .read(let export) = outcome else {
      Issue.record("expected rows")
      return
    }
    #expect(export.stats.total == 3)
    #expect(export.stats.ok == 1)
    #expect(export.diagnostics.map(\.code) == [.missingCell, .blankRow, .extraCell])
    #expect(
      export.diagnostics[0].description
        == "export.csv:3:33: error: row has 5 fields; the header has 6 [missing-cell]")
  }

  @Test func turnsReaderAndHeaderProblemsIntoFatalOutcomes() throws {
    guard case .fatal(let d, _) = try read("naam;nummer\nJan;1\n") else {
      Issue.record("expected a fatal outcome")
      return
    }
    #expect(d.code == .missingColumn)
    guard case .fatal(let empty, _) = try read("") else {
      Issue.record("expected a fatal outcome")
      return
    }
    #expect(empty.code == .emptyFile)
    #expect(empty.position?.file == "export.csv")
  }

  @Test func readsTabsAndCountsOfAggregatedSources() throws {
    let text = TestWorkspace.pipelineText.replacingOccurrences(
      of: "dialect: {delimiter: \",\"}", with: "dialect: {delimiter: tab}")
    let outcome = try read(
      "maand\twijk\taantal\n2024-08\tWK999901\t3\n", source: "welzijn", pipelineText: text)
    guard case .read(let export) = outcome else {
      Issue.record("expected rows")
      return
    }
    #expect(
      export.counts == [
        NormalisedCount(period: .month(year: 2024, month: 8), category: 0, area: 1, count: 3)
      ])
    #expect(export.categoryIndicators == [[2]])
  }

  @Test func mapsDialects() throws {
    let w = try TestWorkspace()
    let pipeline = try LoadedPipeline.load(path: w.pipelinePath)
    let woonpunt = try #require(pipeline.spec.sources["woonpunt"])
    let options = ExportReader.options(for: woonpunt, in: pipeline)
    #expect(options.dialect.encoding == .windows1252)
    #expect(options.dialect.delimiter == UInt8(ascii: ";"))
    #expect(options.limits.maxDiagnostics == 100)
  }
}
