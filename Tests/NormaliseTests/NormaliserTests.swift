import PipelineSpec
import SafetyCore
import Testing

@testable import Normalise

@Suite struct NormaliserTests {
  let registry = testRegistry()
  let runDate = CivilDate(year: 2024, month: 9, day: 30)!
  let hasher = KeyHasher(secret: Array(repeating: 7, count: 32))
  static let politieHeader = [
    "naam", "registratienummer", "pleegdatum", "buurtcode", "incidentcode", "bsn",
  ]

  func normaliser(_ source: String, header: [String]) throws -> Normaliser {
    let plan = try SourcePlan(id: source, in: try testPipeline())
    let columns = try plan.bind(header: header, file: "test.csv")
    return Normaliser(
      plan: plan, registry: registry, columns: columns, file: "test.csv", runDate: runDate,
      hasher: hasher, maxDiagnostics: 3)
  }

  @Test func normalisesARecord() throws {
    var n = try normaliser("politie", header: Self.politieHeader)
    let outcome = n.normalise(row("Jan Jansen;P-001;03-09-2024;BU99990101; 1.1.1 ;123456789"))
    let expected = NormalisedRecord(
      key: hasher.digest(source: "politie", key: "P-001"), category: 0, area: 3,
      day: Int32(CivilDate(year: 2024, month: 9, day: 3)!.dayNumber))
    #expect(outcome == .record(expected))
    #expect(n.categories == ["1.1.1"])
    #expect(n.categoryIndicators == [[0, 1]])
    #expect(n.stats.ok == 1)
    #expect(n.diagnostics.isEmpty)
  }

  @Test func neverReadsPersonalColumns() throws {
    var n = try normaliser("politie", header: Self.politieHeader)
    let rows = [
      row("Jan Jansen;P-001;03-09-2024;BU99990101;1.1.1;123456789"),
      row("Piet Geheim;P-002;31-02-2024;BU99990101;1.1.1;987654321"),
      row("Klaas Vaak;;03-09-2024;Nergenshuizen;1.1.1;111222333"),
    ]
    for r in rows { _ = n.normalise(r) }
    for r in rows { #expect(!r.touched.contains(0) && !r.touched.contains(5)) }
    let said = n.diagnostics.map(\.description).joined() + n.unknownAreaLabels.keys.joined()
    for planted in ["Jan", "Piet", "Klaas", "123456789", "987654321", "111222333"] {
      #expect(!said.contains(planted))
    }
  }

  @Test func rejectsBadDatesWithPositions() throws {
    var n = try normaliser("politie", header: Self.politieHeader)
    #expect(n.normalise(row("x;P1;31-04-2024;BU99990101;1.1.1;x", line: 7)) == .rejected)
    #expect(n.normalise(row("x;P2;2024-04-01;BU99990101;1.1.1;x", line: 8)) == .rejected)
    #expect(n.normalise(row("x;P3;01-10-2024;BU99990101;1.1.1;x", line: 9)) == .rejected)
    #expect(n.normalise(row("x;P4;;BU99990101;1.1.1;x", line: 10)) == .rejected)
    #expect(n.normalise(row("x;P5;30-09-2024;BU99990101;1.1.1;x", line: 11)) != .rejected)
    #expect(n.stats.rejected == 4)
    #expect(n.stats.ok == 1)
    #expect(n.diagnostics.count == 3)  // capped
    #expect(n.diagnosticCounts == [.invalidDate: 2, .futureDate: 1, .missingCell: 1])
    #expect(
      n.diagnostics[0].description
        == "test.csv:7:21: error: no such date (pattern dd-MM-yyyy) [invalid-date]")
    #expect(n.diagnostics[1].message == "date does not match dd-MM-yyyy")
    #expect(n.diagnostics[2].message == "date is after the run date 2024-09-30")
  }

  @Test func rejectsShortRowsAndEmptyKeysAndCategories() throws {
    var n = try normaliser("politie", header: Self.politieHeader)
    #expect(n.normalise(row("x;P1;03-09-2024")) == .rejected)
    #expect(n.normalise(row("x; ;03-09-2024;BU99990101;1.1.1;x")) == .rejected)
    #expect(n.normalise(row("x;P2;03-09-2024;BU99990101;  ;x")) == .rejected)
    #expect(n.diagnosticCounts[.missingCell] == 3)
  }

  @Test func keepsUnknownAreasInTheirBucket() throws {
    var n = try normaliser("politie", header: Self.politieHeader)
    #expect(n.normalise(row("x;P1;03-09-2024;BU12345678;1.1.1;x")) != .rejected)
    #expect(n.normalise(row("x;P2;03-09-2024;Nergenshuizen;1.1.1;x")) != .rejected)
    #expect(n.normalise(row("x;P3;03-09-2024;Nergenshuizen;1.1.1;x")) != .rejected)
    #expect(n.normalise(row("x;P4;03-09-2024;BU99990100;1.1.1;x")) != .rejected)  // crosswalk
    #expect(n.stats.unknownArea == 3)
    #expect(n.stats.ok == 4)
    #expect(n.unknownAreaLabels == ["BU12345678": 1, "Nergenshuizen": 2])
  }

  @Test func matchesCategoriesTrimmedAndCaseInsensitively() throws {
    let header = ["Melding ID", "Datum", "Buurt", "Soort", "Huurder"]
    var n = try normaliser("woonpunt", header: header)
    _ = n.normalise(row("W1;2024-09-01;De Haven;Hennepkwekerij;X"))
    _ = n.normalise(row("W2;2024-09-01;de haven; HENNEPKWEKERIJ ;X"))
    _ = n.normalise(row("W3;2024-09-01;Bloemen;burenoverlast;X"))
    #expect(n.categories == ["hennepkwekerij", "burenoverlast"])
    #expect(n.categoryIndicators == [[2], []])
    #expect(n.stats.unmappedCategory == 1)
    #expect(n.stats.unknownArea == 0)  // "Bloemen" is woonpunt's own alias
  }

  @Test func normalisesAggregatedCounts() throws {
    var n = try normaliser("welzijn", header: ["maand", "wijk", "aantal"])
    #expect(
      n.normalise(row("202409;WK999901;12"))
        == .count(
          NormalisedCount(period: .month(year: 2024, month: 9), category: 0, area: 1, count: 12)))
    #expect(n.normalise(row("202410;WK999901;1")) == .rejected)  // future
    #expect(n.normalise(row("2024-09;WK999901;1")) == .rejected)
    #expect(n.normalise(row("202409;WK999901;-1")) == .rejected)
    #expect(n.normalise(row("202409;WK999901;<5")) == .rejected)
    // A zero fraction is a whole number; anything else after the separator is not.
    let twelve = NormalisedCount(
      period: .month(year: 2024, month: 8), category: 0, area: 1, count: 12)
    #expect(n.normalise(row("202408;WK999901;12,0")) == .count(twelve))
    #expect(n.normalise(row("202408;WK999901; 12.00 ")) == .count(twelve))
    #expect(n.normalise(row("202409;WK999901;1.234")) == .rejected)
    #expect(n.normalise(row("202409;WK999901;2,5")) == .rejected)
    #expect(n.normalise(row("202409;WK999901;12,")) == .rejected)
    #expect(n.normalise(row("202409;WK999901;,0")) == .rejected)
    #expect(n.categories == ["casus"])
    #expect(n.categoryIndicators == [[3]])
    #expect(n.diagnosticCounts == [.futureDate: 1, .typeError: 7])
  }

}
