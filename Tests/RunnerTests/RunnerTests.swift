import Foundation
import Normalise
import Operations
import PipelineSpec
import SafetyCore
import Store
import Testing

@testable import Runner

@Suite struct RunnerTests {
  @Test func appliesArchivesAndASecondRunChangesNothing() throws {
    let w = try TestWorkspace()
    try w.drop("politie_2024-W36.csv", politieWeek36)
    let first = try w.run()
    #expect(first.files == .init(applied: 1, skipped: 0, quarantined: 0, ignored: 0))
    #expect(first.rows == .init(ok: 4, rejected: 0, unknownArea: 1, unmappedCategory: 1))
    #expect(first.records == .init(new: 4, replaced: 0, unchanged: 0))
    #expect(first.changed)
    #expect(try w.inboxNames().isEmpty)
    let hash = try #require(first.exports.first?.keptAt)
    #expect(hash.hasPrefix("archive/politie/") && hash.hasSuffix(".csv"))
    #expect(w.files(under: "archive").count == 1)
    // The same inbox again (nothing new) and the same file under another name.
    let second = try w.run()
    #expect(!second.changed)
    #expect(
      second.text(language: "en").contains("nothing new in the inbox; the store was not changed"))
    try FileManager.default.copyItem(
      atPath: w.state + "/" + hash, toPath: w.inbox + "/politie_copy.csv")
    let third = try w.run()
    #expect(third.files == .init(applied: 0, skipped: 1, quarantined: 0, ignored: 0))
    #expect(third.exports.first?.outcome == .duplicate)
    #expect(!third.changed)
    #expect(try w.inboxNames().isEmpty)
    let store = try SafetyStore(path: w.state + "/store.sqlite")
    #expect(try store.ledger().count == 1)
    #expect(try store.totals().records == 4)
    #expect(try store.verifyCounts() == 0)
    #expect(try store.deliveries().map(\.outcome) == ["applied", "duplicate"])
  }

  @Test func aLaterExportReclassifiesRecords() throws {
    let w = try TestWorkspace()
    try w.drop("politie_2024-W36.csv", politieWeek36)
    _ = try w.run()
    try w.drop(
      "politie_2024-W37.csv",
      """
      naam;registratienummer;pleegdatum;buurtcode;incidentcode;bsn
      X;P-002;03-09-2024;BU99990101;1.4.5;1
      X;P-003;04-09-2024;BU99990102;1.4.5;1
      X;P-005;10-09-2024;BU99990102;1.1.1;1
      """)
    let s = try w.run()
    #expect(s.records == .init(new: 1, replaced: 1, unchanged: 1))
    let store = try SafetyStore(path: w.state + "/store.sqlite")
    let series = try store.series(
      of: [CategoryRef(source: "politie", name: "1.1.1")], kind: .week,
      from: .week(ISOWeek(year: 2024, week: 36)!), through: .week(ISOWeek(year: 2024, week: 37)!))
    #expect(series == ["BU99990101": [1, 0], "BU99990102": [0, 1], "?": [1, 0]])
  }

  @Test func quarantinesFatalFilesWithAReason() throws {
    let w = try TestWorkspace()
    try w.drop("politie_broken.csv", "naam;nummer;datum\nJan;1;02-09-2024\n")
    let s = try w.run()
    #expect(s.files.quarantined == 1)
    #expect(s.changed)
    #expect(
      w.files(under: "quarantine") == ["politie_broken.csv", "politie_broken.csv.reason.txt"])
    let reason = try String(
      contentsOfFile: w.state + "/quarantine/politie_broken.csv.reason.txt", encoding: .utf8)
    #expect(reason.contains("was quarantined; nothing of it is counted"))
    #expect(
      reason.contains(
        "politie_broken.csv:1:1: error: missing columns registratienummer, pleegdatum, buurtcode, incidentcode"
      ))
    #expect(
      reason.contains("\nMeaning: a column the pipeline file names is missing from the export"))
    #expect(!reason.contains("Jan"))
    let store = try SafetyStore(path: w.state + "/store.sqlite")
    #expect(try store.totals().counted == 0)
    #expect(try store.ledger().first?.status == .quarantined)
    // Delivered again under another name: recognised.
    try w.drop("politie_broken_again.csv", "naam;nummer;datum\nJan;1;02-09-2024\n")
    let again = try w.run()
    #expect(again.files.skipped == 1)
    #expect(!again.changed)
  }

  @Test func quarantinesFilesWithTooManyBadRows() throws {
    let w = try TestWorkspace()
    var lines = ["naam;registratienummer;pleegdatum;buurtcode;incidentcode;bsn"]
    for i in 1...40 { lines.append("X;P-\(i);0\(i % 9 + 1)-09-2024;BU99990101;1.1.1;1") }
    lines.append("X;P-41;31-09-2024;BU99990101;1.1.1;1")
    lines.append("X;P-42;01-10-2024;BU99990101;1.1.1;1")
    try w.drop("politie_a.csv", lines.joined(separator: "\n"))  // 2 of 42 bad: 4.8 %
    lines.append("X;P-43;1-1-2024;BU99990101;1.1.1;1")
    try w.drop("politie_b.csv", lines.joined(separator: "\n"))  // 3 of 43 bad: 7.0 %
    let s = try w.run()
    #expect(s.files.applied == 1)
    #expect(s.files.quarantined == 1)
    #expect(s.rows.rejected == 2)
    #expect(s.exports.map(\.outcome) == [.applied, .quarantined])
    #expect(s.exports[1].reason == "3 of 43 rows rejected (7.0 %), more than 5.0 %")
    let reason = try String(
      contentsOfFile: w.state + "/quarantine/politie_b.csv.reason.txt", encoding: .utf8)
    #expect(reason.contains("politie_b.csv:42:"))
    #expect(reason.contains("[future-date]"))
    let store = try SafetyStore(path: w.state + "/store.sqlite")
    #expect(try store.totals().records == 40)
  }

  @Test func finishesARunKilledAfterItsCommit() throws {
    let w = try TestWorkspace()
    try w.drop("politie_2024-W36.csv", politieWeek36)
    let first = try w.run()
    // As if the run was killed after committing but before moving the file.
    let kept = try #require(first.exports.first?.keptAt)
    try FileManager.default.moveItem(
      atPath: w.state + "/" + kept, toPath: w.inbox + "/politie_2024-W36.csv")
    let second = try w.run()
    #expect(second.exports.first?.outcome == .recovered)
    #expect(!second.changed)
    #expect(FileManager.default.fileExists(atPath: w.state + "/" + kept))
    let store = try SafetyStore(path: w.state + "/store.sqlite")
    #expect(try store.deliveries().map(\.outcome) == ["applied"])
    #expect(try store.totals().records == 4)
  }

  @Test func readsWindows1252NamesAndAggregatedCounts() throws {
    let w = try TestWorkspace()
    // "Café Buurt" in Windows-1252 (é = 0xE9), CRLF line ends, a local alias.
    var bytes = Array("Melding ID;Datum;Buurt;Soort;Huurder\r\nW1;2-9-2024;Caf".utf8)
    bytes +=
      [0xE9]
      + Array(
        " Buurt;Burenoverlast;M. M\u{fc}ller\r\nW2;3-9-2024;De Haven;burenoverlast;X\r\n".utf8)
    try w.drop("woonpunt_2024-09.csv", bytes: bytes)
    try w.drop("welzijn_2024-09.csv", "maand,wijk,aantal\n2024-08,WK999901,3\n2024-09,WK999901,4\n")
    let s = try w.run()
    #expect(s.files.applied == 2)
    #expect(s.rows.unknownArea == 0)
    #expect(s.rows.ok == 4)
    let store = try SafetyStore(path: w.state + "/store.sqlite")
    let overlast = try store.series(
      of: [CategoryRef(source: "woonpunt", name: "burenoverlast")], kind: .month,
      from: .month(year: 2024, month: 9), through: .month(year: 2024, month: 9))
    #expect(overlast == ["BU99990102": [2]])
    let zorg = try store.series(
      of: [CategoryRef(source: "welzijn", name: "casus")], kind: .month,
      from: .month(year: 2024, month: 8), through: .month(year: 2024, month: 9))
    #expect(zorg == ["WK999901": [3, 4]])
  }

  @Test func personalValuesNeverLeaveTheInput() throws {
    let w = try TestWorkspace()
    try w.drop("politie_2024-W36.csv", politieWeek36)
    try w.drop("politie_bad.csv", politieWeek36.replacingOccurrences(of: "-2024;", with: "-2025;"))
    var said: [String] = []
    let pipeline = try LoadedPipeline.load(path: w.pipelinePath)
    let s = try Runner(pipeline: pipeline).run(
      RunOptions(runDate: TestWorkspace.runDate, now: "2024-09-30T06:00:00Z")
    ) { said.append($0.description) }
    #expect(s.files.quarantined == 1)
    var everything = Data((s.json() + s.text() + said.joined()).utf8)
    everything.append(try Data(contentsOf: URL(fileURLWithPath: w.state + "/store.sqlite")))
    everything.append(
      try Data(contentsOf: URL(fileURLWithPath: w.state + "/quarantine/politie_bad.csv.reason.txt"))
    )
    for planted in [
      "Jan Jansen", "Piet", "Kees", "Bakker", "123456782", "234567893", "456789015", "P-001",
      "P-004",
    ] {
      #expect(everything.range(of: Data(planted.utf8)) == nil, "\(planted) leaked")
    }
  }

  @Test func leavesUnknownFilesAndHoldsTheLock() throws {
    let w = try TestWorkspace()
    try w.drop("other.csv", "a;b\n1;2\n")
    try w.drop("politie_upload.csv.part", "a;b\n1;2\n")
    let s = try w.run()
    #expect(s.files.ignored == 1)
    #expect(try w.inboxNames() == ["other.csv", "politie_upload.csv.part"])
    let lock = try PipelineLock.acquire(at: w.state + "/run.lock")
    #expect(throws: RunnerError.self) { try w.run() }
    lock.release()
    #expect(try w.run().files.ignored == 1)
  }

}

@Suite struct RunnerInboxTests {
  @Test func appliesTheSameBytesTwiceInOneInboxOnce() throws {
    let w = try TestWorkspace()
    try w.drop("politie_a.csv", politieWeek36)
    try w.drop("politie_b.csv", politieWeek36)
    let s = try w.run()
    #expect(s.files.applied == 1)
    #expect(s.files.skipped == 1)
    #expect(s.exports.map(\.outcome) == [.applied, .duplicate])
    #expect(try w.inboxNames().isEmpty)
    #expect(!(try w.run().changed))
  }

  @Test func leavesWhatItCannotReadForTheNextRun() throws {
    let w = try TestWorkspace()
    try w.drop("politie_a.csv", politieWeek36)
    // A dangling link (a partner's upload still being moved) and a folder.
    try FileManager.default.createSymbolicLink(
      atPath: w.inbox + "/politie_b.csv", withDestinationPath: w.root + "/nowhere.csv")
    try FileManager.default.createDirectory(
      atPath: w.inbox + "/politie_c.csv", withIntermediateDirectories: false)
    let s = try w.run()
    #expect(s.files.applied == 1)
    #expect(try w.inboxNames() == ["politie_b.csv", "politie_c.csv"])
  }
}
