import Foundation
import Normalise
import SafetyCore
import Testing

@testable import Store

@Suite struct SafetyStoreRunsTests {
  @Test func keepsEachRunsFiguresAndMarksKilledRunsInterrupted() throws {
    let store = try SafetyStore(path: temporaryStorePath())
    let date = CivilDate(year: 2024, month: 9, day: 30)!
    let killed = try store.beginRun(startedAt: "2024-09-30T06:00:00Z", runDate: date)
    let run = try store.beginRun(startedAt: "2024-09-30T07:00:00Z", runDate: date)
    try store.finishRun(
      run,
      RunRecord(
        status: .ok, finishedAt: "2024-09-30T07:00:03Z", durationSeconds: 2.5, exitStatus: 65,
        filesApplied: 3, filesQuarantined: 1, rowsOk: 120, rowsRejected: 2, summary: "{}"))
    #expect(try store.runs().map(\.status) == ["interrupted", "ok"])
    #expect(try store.runs().first?.id == killed)
    let last = try #require(try store.lastCompletedRun())
    #expect(last.id == run && last.exitStatus == 65 && last.durationSeconds == 2.5)
    #expect(last.finishedAt == "2024-09-30T07:00:03Z")
    #expect(try store.recentRuns(limit: 5).map(\.id) == [run, killed])
  }

  @Test func totalsTheLedger() throws {
    let store = try SafetyStore(path: temporaryStorePath())
    var stats = RowStats()
    stats.total = 10
    stats.rejected = 10
    try store.recordQuarantine(receipt("q"), stats: stats, reason: "broken")
    let totals = try store.ledgerTotals()
    #expect(totals.exportsQuarantined == 1 && totals.exportsApplied == 0)
    #expect(totals.rowsRejected == 0)  // rows of quarantined exports count nowhere
    #expect(totals.deliveries == 1)
  }
}
