import Foundation
import Testing

/// `sniff`'s source blocks, pasted into a pipeline as they are, read the exports they were
/// sniffed from: the Anderdorp exports (year and week columns; UTF-16 with month names and
/// postcodes; a spreadsheet report with a title, one column per kind and total rows; one
/// column per month).
@Suite struct SniffCommandRoundTripTests {
  @Test func pastedBlocksReadTheirExports() throws {
    let root = try RunCommandExamplePipelineTests().workspace()
    defer { try? FileManager.default.removeItem(atPath: root) }
    var sources: [String] = []
    for file in [
      "politie_week_2024.csv", "meldingen_2024.txt", "welzijn_2024.csv",
      "mor_maandoverzicht_2024.csv",
    ] {
      let sniff = try safetyMonitor(["sniff", root + "/state/inbox/" + file, "--language", "en"])
      #expect(sniff.status == 0, "\(sniff.stderr)")
      let lines = sniff.stdout.split(separator: "\n", omittingEmptySubsequences: false)
      let body = try #require(lines.firstIndex(of: "sources:"))
      sources += lines[(body + 1)...].map(String.init)
    }
    let blocks = sources.joined(separator: "\n")
    // What the sniffer recognised, as a pipeline file says it.
    for expected in [
      "period: {column: Week, yearColumn: Jaar, kind: week}",
      "date: {column: \"Datum melding\", format: d-MMM-yyyy}",
      "area: {column: Postcode, match: postcode}",
      "personal: [Huurder, Adres]",
      "skipLines: 2}",
      "period: {column: Maand, kind: month, format: \"MMM yyyy\"}",
      "area: {column: Wijk, match: name, skip: [Totaal]}",
      "counts: [Jeugd, \"Huiselijk geweld\"]",
      "period: {column: \"*\", kind: month, format: \"MMM yyyy\"}",
      "area: {column: Buurt, match: name}",
    ] {
      #expect(blocks.contains(expected), "\(expected) not in\n\(blocks)")
    }
    let pipeline = """
      version: 1
      name: gesnoven
      areas: {registry: areas.csv, population: population.csv, postcodes: postcodes.csv}
      state: state
      themes:
        t: {name: Thema}
      sources:
      \(blocks)
      indicators:
        inbraak: {name: Inbraak, theme: t, from: {politieWeek: ["1.1.1"]}}
        overlast: {name: Overlast, theme: t, from: {meldingen: [burenoverlast]}}
        hg: {name: HG, theme: t, period: month, level: wijk, from: {welzijn: [Huiselijk geweld]}}
        jongeren: {name: J, theme: t, period: month, from: {morMaandoverzicht: [jongerenoverlast]}}
      """
    try pipeline.write(toFile: root + "/gesnoven.yaml", atomically: true, encoding: .utf8)
    let validate = try safetyMonitor([
      "validate", root + "/gesnoven.yaml", "--run-date", "2024-12-31",
    ])
    #expect(validate.status == 0, "\(validate.stderr)\n\(pipeline)")
    let run = try safetyMonitor([
      "run", root + "/gesnoven.yaml", "--run-date", "2024-12-31", "--json",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let summary = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let files = summary?["files"] as? [String: Int]
    let rows = summary?["rows"] as? [String: Int]
    #expect(files?["applied"] == 5 && files?["quarantined"] == 0, "\(summary ?? [:])")
    #expect(rows?["rejected"] == 0 && rows?["unknownArea"] == 1, "\(summary ?? [:])")
  }
}
