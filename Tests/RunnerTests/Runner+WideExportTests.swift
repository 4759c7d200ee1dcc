import Foundation
import PipelineSpec
import SafetyCore
import Store
import Testing

@testable import Runner

/// A wide export end to end: a welfare spreadsheet with one count column per kind of case,
/// declared by a pipeline-file change only.
@Suite struct RunnerWideExportTests {
  static let source = """
      welzijn:
        partner: Welzijn
        files: welzijn_*.csv
        dialect: {delimiter: ","}
        period: {column: Maand, kind: month, format: MM-yyyy}
        area: {column: Wijk, match: name}
        counts: [Huiselijk geweld, Jeugd]
        missingCounts: ["", "-"]
        personal: [Contactpersoon]
    """

  func workspace() throws -> TestWorkspace {
    let w = try TestWorkspace()
    var text = TestWorkspace.pipelineText
    let old = try #require(text.range(of: "  welzijn:\n"))
    let end = try #require(text.range(of: "\nindicators:\n"))
    text.replaceSubrange(old.lowerBound..<end.lowerBound, with: Self.source)
    text = text.replacingOccurrences(
      of: "from: {welzijn: [casus]}", with: "from: {welzijn: [huiselijk geweld, jeugd]}")
    try text.write(toFile: w.pipelinePath, atomically: true, encoding: .utf8)
    return w
  }

  func series(_ w: TestWorkspace, _ category: String) throws -> [String: [Int64]] {
    let store = try SafetyStore(path: w.state + "/store.sqlite", mode: .readOnly)
    return try store.series(
      of: [CategoryRef(source: "welzijn", name: category)], kind: .month,
      from: .month(year: 2024, month: 8), through: .month(year: 2024, month: 9))
  }

  @Test func countsEveryColumnAndALaterExportReplacesItsPeriods() throws {
    let w = try workspace()
    try w.drop(
      "welzijn_2024-09.csv",
      """
      Wijk,Contactpersoon,Maand,Jeugd,Huiselijk geweld
      Centrum,Anna de Vries,08-2024,2,5
      Centrum,Anna de Vries,09-2024,-,3
      """)
    let first = try w.run()
    #expect(first.files.applied == 1)
    #expect(first.rows.ok == 2 && first.rows.rejected == 0)
    #expect(try series(w, "huiselijk geweld") == ["WK999901": [5, 3]])
    #expect(try series(w, "jeugd") == ["WK999901": [2, 0]])

    // September again, corrected; August is not in it and stays.
    try w.drop("welzijn_2024-09b.csv", "Maand,Wijk,Jeugd,Huiselijk geweld\n09-2024,Centrum,1,\n")
    let second = try w.run()
    #expect(second.files.applied == 1)
    #expect(try series(w, "huiselijk geweld") == ["WK999901": [5, 0]])
    #expect(try series(w, "jeugd") == ["WK999901": [2, 1]])

    // The personal column was never read: its value is nowhere in the state folder.
    let written = w.files(under: "").filter { !$0.hasPrefix("archive/") }
    #expect(written.contains("store.sqlite"))
    for name in written {
      let bytes = try Data(contentsOf: URL(fileURLWithPath: w.state + "/" + name))
      #expect(bytes.range(of: Data("Anna de Vries".utf8)) == nil, "\(name)")
    }
  }

  @Test func aMissingCountColumnQuarantinesTheExport() throws {
    let w = try workspace()
    try w.drop("welzijn_2024-09.csv", "Wijk,Maand,Huiselijk geweld\nCentrum,08-2024,5\n")
    let s = try w.run()
    #expect(s.files.quarantined == 1)
    let reasons = w.files(under: "quarantine").filter { $0.hasSuffix(".reason.txt") }
    let reason = try String(
      contentsOfFile: w.state + "/quarantine/" + (try #require(reasons.first)), encoding: .utf8)
    #expect(reason.contains("missing column Jeugd for source 'welzijn'"))
  }
}
