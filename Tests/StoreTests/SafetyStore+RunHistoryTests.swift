import Foundation
import Normalise
import SafetyCore
import Testing

@testable import Store

@Suite struct SafetyStoreRunHistoryTests {
  @Test func runsNewestFirstAndDuplicatesPerExport() throws {
    let store = try SafetyStore(path: temporaryStorePath())
    let date = CivilDate(year: 2024, month: 9, day: 30)!
    let first = try store.beginRun(startedAt: "2024-09-30T06:00:00Z", runDate: date)
    try store.recordQuarantine(receipt("a"), stats: RowStats(), reason: "broken")
    try store.finishRun(first, finishedAt: "2024-09-30T06:01:00Z", ok: true, summary: "{}")
    _ = try store.beginRun(startedAt: "2024-10-01T06:00:00Z", runDate: date.adding(days: 1))
    let entry = try #require(try store.ledgerEntry(contentHash: "a"))
    try store.recordDuplicate(of: entry, receipt("a", name: "again.csv"))
    try store.recordDuplicate(of: entry, receipt("a", name: "again2.csv"))
    let runs = try store.recentRuns(limit: 50)
    #expect(runs.map(\.status) == ["running", "ok"])
    #expect(runs[1].finishedAt == "2024-09-30T06:01:00Z")
    #expect(runs[1].runDate == "2024-09-30")
    #expect(try store.recentRuns(limit: 1).count == 1)
    #expect(try store.duplicateDeliveriesByExport() == [entry.id: 2])
  }

  @Test func aReadOnlyStoreReadsButCannotWrite() throws {
    let path = temporaryStorePath()
    #expect(throws: StoreError.self) { try SafetyStore(path: path, mode: .liveReadOnly) }
    let writer = try SafetyStore(path: path)
    let reader = try SafetyStore(path: path, mode: .liveReadOnly)
    let before = try reader.dataVersion()
    #expect(try reader.dataVersion() == before)
    try writer.recordQuarantine(receipt("a"), stats: RowStats(), reason: "broken")
    #expect(try reader.dataVersion() != before)
    #expect(try reader.ledger().map(\.contentHash) == ["a"])
    #expect(throws: (any Error).self) {
      try reader.recordQuarantine(receipt("b"), stats: RowStats(), reason: "x")
    }
    #expect(
      throws: (any Error).self,
      performing: {
        _ = try reader.beginRun(
          startedAt: "2024-09-30T06:00:00Z", runDate: CivilDate(year: 2024, month: 9, day: 30)!)
      })
    #expect(try writer.ledger().count == 1)
  }
}
