import Foundation
import Normalise
import SafetyCore
import Testing

@testable import Store

func temporaryStorePath() -> String {
  let dir = FileManager.default.temporaryDirectory
    .appendingPathComponent("store-test-\(UUID().uuidString)")
  return dir.appendingPathComponent("store.sqlite").path
}

func registry() -> AreaRegistry {
  let p = SourcePosition(file: "areas.csv", line: 1, column: 1)
  return AreaRegistry(
    areas: [
      ["GM9999", "Teststad", ""], ["WK999901", "Centrum", "GM9999"],
      ["BU99990101", "Oude Markt", "WK999901"], ["BU99990102", "Haven", "WK999901"],
    ].map { AreaRegistry.Row($0, at: p) })
}

func receipt(_ hash: String, source: String = "politie", name: String? = nil) -> ExportReceipt {
  ExportReceipt(
    contentHash: hash, source: source, originalName: name ?? "\(hash).csv",
    receivedAt: "2024-09-30T06:00:00Z", bytes: 100, runID: nil, keptAt: "archive/\(hash).csv")
}

func day(_ y: Int, _ m: Int, _ d: Int) -> Int32 {
  Int32(CivilDate(year: y, month: m, day: d)!.dayNumber)
}

@Suite struct SafetyStoreTests {
  @Test func createsTheStoreAndItsKeyFileWithMode0600() throws {
    let path = temporaryStorePath()
    let store = try SafetyStore(path: path)
    for file in [path, store.keyPath] {
      let attributes = try FileManager.default.attributesOfItem(atPath: file)
      #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }
    #expect(
      try store.appliedMigrations() == [
        "v1: ledger, records, aggregates, counts, runs", "v2: detection results and flags",
      ])
    #expect(try store.integrityCheck() == "ok")
    // Reopening keeps the same secret.
    let again = try SafetyStore(path: path)
    #expect(
      again.hasher.digest(source: "s", key: "k") == store.hasher.digest(source: "s", key: "k"))
  }

  @Test func refusesAStoreWhoseKeyFileIsGone() throws {
    let path = temporaryStorePath()
    let store = try SafetyStore(path: path)
    try FileManager.default.removeItem(atPath: store.keyPath)
    #expect(throws: StoreError.self) { try SafetyStore(path: path) }
  }

  func recordsExport(_ store: SafetyStore, _ rows: [(String, Int32, Int32, Int32)])
    -> NormalisedExport
  {
    var export = NormalisedExport(source: "politie", periodKind: .week)
    export.categories = ["1.1.1", "1.4.5"]
    for (key, category, area, d) in rows {
      export.records.append(
        NormalisedRecord(
          key: store.hasher.digest(source: "politie", key: key), category: category, area: area,
          day: d))
    }
    export.stats.total = rows.count
    export.stats.ok = rows.count
    return export
  }

  @Test func deduplicatesRecordsAndTheLatestExportWins() throws {
    let store = try SafetyStore(path: temporaryStorePath())
    let reg = registry()
    let first = recordsExport(
      store,
      [
        ("P1", 0, 2, day(2024, 9, 2)), ("P2", 0, 2, day(2024, 9, 3)),
        ("P3", 1, -1, day(2024, 9, 3)),
      ])
    let r1 = try store.apply(first, receipt: receipt("a"), registry: reg)
    #expect(r1.recordsNew == 3 && r1.recordsReplaced == 0 && r1.recordsUnchanged == 0)
    // An overlapping export: P1 unchanged, P2 reclassified and moved, P4 new.
    let second = recordsExport(
      store,
      [
        ("P1", 0, 2, day(2024, 9, 2)), ("P2", 1, 3, day(2024, 9, 10)),
        ("P4", 0, 3, day(2024, 9, 10)),
      ])
    let r2 = try store.apply(second, receipt: receipt("b"), registry: reg)
    #expect(r2.recordsNew == 1 && r2.recordsReplaced == 1 && r2.recordsUnchanged == 1)
    let totals = try store.totals()
    #expect(totals.records == 4)
    #expect(totals.counted == 4)
    #expect(try store.verifyCounts() == 0)
    let w36 = Period.week(ISOWeek(year: 2024, week: 36)!)
    let w37 = Period.week(ISOWeek(year: 2024, week: 37)!)
    let burglary = try store.series(
      of: [CategoryRef(source: "politie", name: "1.1.1")], kind: .week, from: w36, through: w37)
    #expect(burglary == ["BU99990101": [1, 0], "BU99990102": [0, 1]])
    let violence = try store.series(
      of: [CategoryRef(source: "politie", name: "1.4.5")], kind: .week, from: w36, through: w37)
    #expect(violence == ["?": [1, 0], "BU99990102": [0, 1]])
    let both = try store.series(
      of: [
        CategoryRef(source: "politie", name: "1.1.1"),
        CategoryRef(source: "politie", name: "1.4.5"),
      ],
      kind: .month, from: .month(year: 2024, month: 9), through: .month(year: 2024, month: 9))
    #expect(both == ["BU99990101": [1], "BU99990102": [2], "?": [1]])
    let ledger = try store.ledger()
    #expect(ledger.map(\.status) == [.applied, .applied])
    #expect(ledger[1].recordsReplaced == 1)
    #expect(ledger[1].periodFirst == "2024-W36")
    #expect(ledger[1].periodLast == "2024-W37")
  }

  @Test func neverStoresTheRawKey() throws {
    let path = temporaryStorePath()
    let store = try SafetyStore(path: path)
    let planted = "REG-2024-PLANTED-777"
    _ = try store.apply(
      recordsExport(store, [(planted, 0, 2, day(2024, 9, 2))]), receipt: receipt("a"),
      registry: registry())
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(bytes.range(of: Data(planted.utf8)) == nil)
    let key = try Data(contentsOf: URL(fileURLWithPath: store.keyPath))
    #expect(bytes.range(of: key) == nil)
  }

  @Test func aNewerAggregatedExportReplacesItsPeriods() throws {
    let store = try SafetyStore(path: temporaryStorePath())
    let reg = registry()
    func export(_ cells: [(Int, Int32, Int64)]) -> NormalisedExport {
      var e = NormalisedExport(source: "welzijn", periodKind: .month)
      e.categories = ["casus"]
      e.counts = cells.map {
        NormalisedCount(
          period: .month(year: 2024, month: $0.0), category: 0, area: $0.1, count: $0.2)
      }
      return e
    }
    _ = try store.apply(
      export([(7, 1, 5), (8, 1, 6), (8, 2, 1)]), receipt: receipt("a", source: "welzijn"),
      registry: reg)
    // August again (corrected, one area gone), September new; July untouched.
    let r = try store.apply(
      export([(8, 1, 6), (8, 3, 2), (9, 1, 4), (9, 1, 1)]),
      receipt: receipt("b", source: "welzijn"), registry: reg)
    #expect(r.recordsNew == 2 && r.recordsReplaced == 1 && r.recordsUnchanged == 1)
    let s = try store.series(
      of: [CategoryRef(source: "welzijn", name: "casus")], kind: .month,
      from: .month(year: 2024, month: 7), through: .month(year: 2024, month: 9))
    #expect(s == ["WK999901": [5, 6, 5], "BU99990102": [0, 2, 0]])
    #expect(try store.verifyCounts() == 0)
    let q = try store.series(
      of: [CategoryRef(source: "welzijn", name: "casus")], kind: .quarter,
      from: .quarter(year: 2024, quarter: 3), through: .quarter(year: 2024, quarter: 3))
    #expect(q == ["WK999901": [16], "BU99990102": [2]])
  }

  @Test func recordsQuarantinesDuplicatesAndRuns() throws {
    let store = try SafetyStore(path: temporaryStorePath())
    var stats = RowStats()
    stats.total = 10
    stats.rejected = 6
    try store.recordQuarantine(receipt("q"), stats: stats, reason: "6 of 10 rows rejected")
    let entry = try #require(try store.ledgerEntry(contentHash: "q"))
    #expect(entry.status == .quarantined)
    #expect(entry.reason == "6 of 10 rows rejected")
    #expect(entry.rowsRejected == 6)
    try store.recordDuplicate(of: entry, receipt("q", name: "again.csv"))
    #expect(try store.deliveries().map(\.outcome) == ["quarantined", "duplicate"])
    #expect(try store.totals().counted == 0)
    let run1 = try store.beginRun(
      startedAt: "2024-09-30T06:00:00Z", runDate: CivilDate(year: 2024, month: 9, day: 30)!)
    let run2 = try store.beginRun(
      startedAt: "2024-09-30T07:00:00Z", runDate: CivilDate(year: 2024, month: 9, day: 30)!)
    try store.finishRun(run2, finishedAt: "2024-09-30T07:00:01Z", ok: true, summary: "{}")
    #expect(try store.runs().map(\.status) == ["interrupted", "ok"])
    #expect(run1 < run2)
  }

  @Test func aFailedApplyLeavesNothingBehind() throws {
    let store = try SafetyStore(path: temporaryStorePath())
    var export = recordsExport(store, [("P1", 0, 2, day(2024, 9, 2))])
    export.records.append(NormalisedRecord(key: nil, category: 0, area: 2, day: day(2024, 9, 2)))
    #expect(throws: StoreError.self) {
      try store.apply(export, receipt: receipt("a"), registry: registry())
    }
    #expect(try store.ledger().isEmpty)
    #expect(try store.totals().records == 0)
    #expect(try store.categoriesSeen().isEmpty)
  }
}
