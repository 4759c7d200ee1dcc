import Foundation
import Testing

/// A workspace with six years of burglaries in one buurt and a three-week burst at the end,
/// ingested and flagged by `run`.
func flaggedWorkspace() throws -> CLIWorkspace {
  let w = try CLIWorkspace()
  var rows = ["naam;nr;datum;buurt;code"]
  var n = 0
  var k: UInt64 = 7
  let calendar = Calendar(identifier: .gregorian)
  var date = calendar.date(from: DateComponents(year: 2018, month: 6, day: 4))!
  let end = calendar.date(from: DateComponents(year: 2024, month: 9, day: 23))!
  let burst = calendar.date(from: DateComponents(year: 2024, month: 9, day: 2))!
  while date < end {
    let c = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
    k = k &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    let weekday = ((c.weekday ?? 1) + 5) % 7 + 1  // Monday 1 ... Sunday 7
    if (k >> 60) < 2 || (date >= burst && weekday <= 5) {
      n += 1
      rows.append(
        String(format: "X;%d;%02d-%02d-%04d;BU99990101;1.1.1", n, c.day!, c.month!, c.year!))
    }
    date = calendar.date(byAdding: .day, value: 1, to: date)!
  }
  try w.drop("politie_1.csv", rows.joined(separator: "\n") + "\n")
  let run = try safetyMonitor(["run", w.pipeline, "--run-date", "2024-09-30"])
  #expect(run.status == 0)
  return w
}

@Suite(.serialized) struct FlagsCommandTests {
  @Test func listsFlagsAsTableJSONAndCSVWithAndWithoutTheListWord() throws {
    let w = try flaggedWorkspace()
    let table = try safetyMonitor(["flags", w.pipeline])
    #expect(table.status == 0)
    #expect(table.stdout.hasPrefix("id  "))
    #expect(table.stdout.contains("Markt"))
    #expect(table.stdout.contains("flags shown"))
    let explicit = try safetyMonitor(["flags", "list", w.pipeline])
    #expect(explicit.stdout == table.stdout)
    let dutch = try safetyMonitor(["flags", w.pipeline, "--lang", "nl"])
    #expect(dutch.stdout.contains("gebied") && dutch.stdout.contains("signalen getoond"))
    let json = try safetyMonitor(["flags", w.pipeline, "--status", "all", "--json"])
    #expect(json.status == 0)
    let items = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(!items.isEmpty)
    #expect(
      items.contains { $0["area"] as? String == "BU99990101" && $0["theme"] as? String == "hic" })
    let csv = try safetyMonitor(["flags", w.pipeline, "--csv", "--theme", "HIC"])
    #expect(csv.stdout.hasPrefix("\u{FEFF}id;"))
    let none = try safetyMonitor(["flags", w.pipeline, "--kind", "cluster"])
    #expect(none.stdout.contains("no flags match the filters"))
  }

  @Test func badOptionsAreUsageErrors() throws {
    let w = try CLIWorkspace()
    #expect(try safetyMonitor(["flags", w.pipeline, "--kind", "spiek"]).status == 64)
    #expect(
      try safetyMonitor(["flags", w.pipeline, "--status", "open", "--json", "--csv"]).status == 64)
    #expect(try safetyMonitor(["flags", "ack", w.pipeline, "ABCD1234"]).status == 64)
    #expect(
      try safetyMonitor(["flags", "ack", w.pipeline, "ABCD1234", "--note", " "]).status == 64)
    // No store yet.
    let missing = try safetyMonitor(["flags", w.pipeline])
    #expect(missing.status == 74)
    #expect(missing.stderr.contains("run `safety-monitor run` first"))
  }

  @Test func showsAnAreaByCodeNameOrFlagId() throws {
    let w = try flaggedWorkspace()
    let json = try safetyMonitor(["flags", w.pipeline, "--status", "all", "--json"])
    let items = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    let id = try #require(items.first?["id"] as? String)
    for key in ["BU99990101", "Markt", id.lowercased()] {
      let r = try safetyMonitor(["flags", "show", w.pipeline, key])
      #expect(r.status == 0)
      #expect(r.stdout.hasPrefix("Markt (BU99990101) — district Centrum (WK999901)"))
      #expect(r.stdout.contains(id))
      #expect(r.stdout.contains("Early warning (vroegsignalering)"))
      #expect(r.stdout.contains("Inbraak"))
    }
    let unknown = try safetyMonitor(["flags", "show", w.pipeline, "Nergenshuizen"])
    #expect(unknown.status == 65)
  }

  @Test func acknowledgeAndDismissAreStoredWithAuthorAndKept() throws {
    let w = try flaggedWorkspace()
    let json = try safetyMonitor(["flags", w.pipeline, "--status", "all", "--json"])
    let items = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    let id = try #require(items.first?["id"] as? String)
    let ack = try safetyMonitor(
      ["flags", "ack", w.pipeline, id, "--note", "Wijkagent ingelicht", "--by", "Analist A"])
    #expect(ack.status == 0)
    #expect(ack.stdout.contains("acknowledged by Analist A"))
    let dismiss = try safetyMonitor(["flags", "dismiss", w.pipeline, id, "--note", "Bekend"])
    #expect(dismiss.status == 0)
    let shown = try safetyMonitor(["flags", "show", w.pipeline, id])
    #expect(shown.stdout.contains("acknowledged by Analist A"))
    #expect(shown.stdout.contains("— Wijkagent ingelicht"))
    #expect(shown.stdout.contains("dismissed by"))
    let dismissed = try safetyMonitor(["flags", w.pipeline, "--status", "dismissed", "--json"])
    let listed = try #require(
      try JSONSerialization.jsonObject(with: Data(dismissed.stdout.utf8)) as? [[String: Any]])
    #expect(listed.map { $0["id"] as? String } == [id])
    #expect(listed.first?["reviewNote"] as? String == "Bekend")
    // A rerun on the same data keeps both reviews.
    _ = try safetyMonitor(["run", w.pipeline, "--run-date", "2024-09-30"])
    let again = try safetyMonitor(["flags", "show", w.pipeline, id])
    #expect(
      again.stdout.contains("acknowledged by Analist A") && again.stdout.contains("dismissed by"))
    let unknown = try safetyMonitor(["flags", "ack", w.pipeline, "ZZZZ9999", "--note", "x"])
    #expect(unknown.status == 65)
    #expect(unknown.stderr.contains("unknown flag 'ZZZZ9999'"))
  }
}
