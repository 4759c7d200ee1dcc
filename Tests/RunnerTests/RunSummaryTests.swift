import Operations
import Testing

@testable import Runner

@Suite struct RunSummaryTests {
  @Test func formatsTheSummary() {
    var s = RunSummary(pipeline: "x", runDate: "2024-09-30")
    s.add(
      .init(
        name: "a.csv", source: "a", outcome: .applied,
        rows: .init(ok: 12345, rejected: 2, unknownArea: 3, unmappedCategory: 0),
        records: .init(new: 1200, replaced: 3, unchanged: 0)))
    s.add(.init(name: "b.csv", source: "a", outcome: .quarantined, reason: "kapot"))
    #expect(
      s.text(language: "nl") == """
        x: run 2024-09-30
        bestanden: 1 verwerkt, 0 overgeslagen, 1 in quarantaine, 0 genegeerd
        rijen: 12.345 goed, 2 afgewezen, 3 onbekend gebied
        registraties: 1.200 nieuw, 3 vervangen, 0 ongewijzigd
        quarantaine: b.csv — kapot
        """)
    #expect(s.json().hasPrefix("{\"changed\":true,\"dryRun\":false,\"exitStatus\":0,"))
    #expect(s.dataExitStatus == .data)
    #expect(RunSummary.percent(0.0698, dutch: true) == "7,0 %")
  }

  @Test func explainsAQuarantineReasonByItsCode() {
    var s = RunSummary(pipeline: "x", runDate: "2024-09-30")
    s.add(
      .init(
        name: "c.csv", source: "a", outcome: .quarantined,
        reason: "c.csv:9:4: error: quoted field is not closed [unterminated-quote]"))
    let nl = s.text(language: "nl").split(separator: "\n").map(String.init)
    #expect(
      nl.suffix(2) == [
        "quarantaine: c.csv — c.csv:9:4: error: quoted field is not closed [unterminated-quote]",
        "  (een veld tussen aanhalingstekens wordt niet afgesloten; het bestand is waarschijnlijk afgebroken — vraag de partner het opnieuw te leveren)",
      ])
    #expect(
      s.text(language: "en").hasSuffix(
        "(a quoted field is never closed; the file was probably cut off — ask the partner to deliver it again)"
      ))
  }

  @Test func saysWhenNothingChanged() {
    var s = RunSummary(pipeline: "x", runDate: "2024-09-30")
    s.add(.init(name: "a.csv", source: "a", outcome: .duplicate, reason: "al verwerkt"))
    #expect(!s.changed)
    #expect(
      s.text(language: "en") == """
        x: run 2024-09-30
        nothing new in the inbox; the store was not changed
        1 file(s) already processed and skipped
        """)
  }
}
