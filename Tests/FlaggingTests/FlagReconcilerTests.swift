import SafetyCore
import Testing

@testable import Flagging

@Suite struct FlagReconcilerTests {
  func flag(
    _ first: Period, events: [(FlagEventType, Period, SeverityBand)], area: String = "BU99990101",
    lastSeen: Period? = nil
  ) -> DerivedFlag {
    let evs = events.map {
      FlagEvent(type: $0.0, week: $0.1, severity: $0.2.rawValue * 30, band: $0.2, kind: .spike)
    }
    let resolved = evs.last?.type == .resolved ? evs.last?.week : nil
    return DerivedFlag(
      id: FlagID.make(family: .acute, area: area, theme: "hic", firstSeen: first), family: .acute,
      area: area, areaLevel: .buurt, theme: "hic", kind: .spike, kinds: [.spike],
      firstSeen: first, lastSeen: lastSeen ?? first, resolved: resolved,
      severity: evs.last?.severity ?? 0, band: evs.last?.band ?? .low, peakSeverity: 60,
      events: evs, explanation: FlagExplanation(), weeks: [first])
  }

  let from = week(2023, 1)

  @Test func newFlagsAreWrittenWithAllTheirEvents() {
    let d = flag(week(2024, 10), events: [(.opened, week(2024, 10), .low)])
    let u = FlagReconciler.reconcile(
      stored: [], derived: [d], from: from, through: week(2024, 12), resolveAfterWeeks: 4)
    #expect(u.count == 1)
    #expect(u[0].isNew)
    #expect(u[0].events == d.events)
  }

  @Test func theSameDerivationChangesNothing() {
    let d = flag(
      week(2024, 10), events: [(.opened, week(2024, 10), .low), (.escalated, week(2024, 11), .high)])
    let u = FlagReconciler.reconcile(
      stored: [d], derived: [d], from: from, through: week(2024, 12), resolveAfterWeeks: 4)
    #expect(u.isEmpty)
  }

  @Test func laterEventsAreAppended() {
    let stored = flag(week(2024, 10), events: [(.opened, week(2024, 10), .low)])
    var derived = flag(
      week(2024, 10),
      events: [(.opened, week(2024, 10), .low), (.resolved, week(2024, 14), .low)])
    derived.lastSeen = week(2024, 10)
    let u = FlagReconciler.reconcile(
      stored: [stored], derived: [derived], from: from, through: week(2024, 14),
      resolveAfterWeeks: 4)
    #expect(u.count == 1)
    #expect(u[0].events.map(\.type) == [.resolved])
    #expect(u[0].events.first?.revised == false)
    #expect(u[0].flag.events.count == 2)
  }

  @Test func revisedDataAppendOneCorrectionAndNothingTheNextTime() {
    let stored = flag(
      week(2024, 10), events: [(.opened, week(2024, 10), .low), (.escalated, week(2024, 11), .high)])
    // Revised counts: the flag never escalated.
    let derived = flag(week(2024, 10), events: [(.opened, week(2024, 10), .low)])
    let u = FlagReconciler.reconcile(
      stored: [stored], derived: [derived], from: from, through: week(2024, 12),
      resolveAfterWeeks: 4)
    #expect(u.count == 1)
    #expect(u[0].events.count == 1)
    #expect(u[0].events[0].type == .deescalated)
    #expect(u[0].events[0].revised)
    // The stored log now ends in the derived state: a second run writes nothing.
    let after = u[0].flag
    #expect(after.events.count == 3)
    let again = FlagReconciler.reconcile(
      stored: [after], derived: [derived], from: from, through: week(2024, 12),
      resolveAfterWeeks: 4)
    #expect(again.isEmpty)
  }

  @Test func aFlagTheDataNoLongerHaveIsResolvedAsRevised() {
    let stored = flag(week(2024, 10), events: [(.opened, week(2024, 10), .medium)])
    let u = FlagReconciler.reconcile(
      stored: [stored], derived: [], from: from, through: week(2024, 12), resolveAfterWeeks: 4)
    #expect(u.count == 1)
    #expect(u[0].events.map(\.type) == [.resolved])
    #expect(u[0].events[0].revised)
    #expect(u[0].flag.resolved == week(2024, 12))
    let after = u[0].flag
    #expect(
      FlagReconciler.reconcile(
        stored: [after], derived: [], from: from, through: week(2024, 12), resolveAfterWeeks: 4
      ).isEmpty)
  }

  @Test func aFlagOpenBeforeTheWindowContinuesUnderItsOwnId() {
    // Opened in 2022, still open; the replay now starts in 2023 and sees it from its start.
    let stored = flag(
      week(2022, 50), events: [(.opened, week(2022, 50), .low)], lastSeen: week(2022, 52))
    let derived = flag(
      week(2023, 1),
      events: [(.opened, week(2023, 1), .low), (.escalated, week(2023, 2), .high)],
      lastSeen: week(2023, 2))
    let u = FlagReconciler.reconcile(
      stored: [stored], derived: [derived], from: from, through: week(2023, 3),
      resolveAfterWeeks: 4)
    #expect(u.count == 1)
    #expect(u[0].flag.id == stored.id)
    #expect(u[0].flag.firstSeen == week(2022, 50))
    #expect(u[0].events.map(\.type) == [.escalated])
  }

  @Test func aQuietFlagFromBeforeTheWindowIsResolvedWhereTheReplayWould() {
    let stored = flag(
      week(2022, 40), events: [(.opened, week(2022, 40), .low)], lastSeen: week(2022, 51))
    let u = FlagReconciler.reconcile(
      stored: [stored], derived: [], from: from, through: week(2023, 10), resolveAfterWeeks: 4)
    #expect(u.count == 1)
    #expect(u[0].events.map(\.type) == [.resolved])
    #expect(u[0].events[0].week == week(2022, 51).advanced(by: 4))
    #expect(!u[0].events[0].revised)
  }
}
