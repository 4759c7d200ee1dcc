import Flagging
import Foundation
import GRDB
import SafetyCore
import Testing

@testable import Store

@Suite struct SafetyStoreFlagsTests {
  func period(_ text: String) -> Period { Period(parsing: text)! }

  func flag(_ first: String, events: [(FlagEventType, String, SeverityBand)]) -> DerivedFlag {
    let evs = events.map {
      FlagEvent(
        type: $0.0, week: period($0.1), severity: 20 * $0.2.rawValue, band: $0.2, kind: .spike)
    }
    return DerivedFlag(
      id: FlagID.make(family: .acute, area: "BU99990101", theme: "hic", firstSeen: period(first)),
      family: .acute, area: "BU99990101", areaLevel: .buurt, theme: "hic", kind: .spike,
      kinds: [.spike, .rising], firstSeen: period(first), lastSeen: period(first),
      resolved: evs.last?.type == .resolved ? evs.last?.week : nil,
      severity: evs.last?.severity ?? 0, band: evs.last?.band ?? .low, peakSeverity: 60,
      events: evs,
      explanation: FlagExplanation(
        contributions: [
          Contribution(
            indicator: "inbraak", area: "BU99990101", kinds: [.spike], partners: ["Politie"],
            firstSignal: period(first), lastSignal: period(first), peak: period(first), periods: 1,
            observed: 7, expected: 0.4, upperbound: 3, pvalue: 0.0001, slopePerYear: nil,
            index: nil)
        ], partners: ["Politie"]), weeks: [period(first)])
  }

  func apply(_ store: SafetyStore, _ derived: [DerivedFlag], run: Int64) throws -> FlagWriteSummary
  {
    while try store.runs().count < run {
      _ = try store.beginRun(
        startedAt: "2024-05-20T06:00:00Z", runDate: CivilDate(iso: "2024-05-20")!)
    }
    let updates = FlagReconciler.reconcile(
      stored: try store.storedFlags(), derived: derived, from: period("2023-W01"),
      through: period("2024-W20"), resolveAfterWeeks: 4)
    return try store.applyFlagUpdates(
      updates, runID: run, recordedAt: "2024-05-20T06:00:00Z", from: period("2023-W01"),
      through: period("2024-W20"))
  }

  @Test func flagsRoundTripAndASecondRunWritesNothing() throws {
    let store = try SafetyStore(path: temporaryStorePath())
    let run: Int64 = 1
    let f = flag(
      "2024-W10", events: [(.opened, "2024-W10", .low), (.escalated, "2024-W11", .high)])
    let first = try apply(store, [f], run: run)
    #expect(first.opened == [f.id])
    #expect(first.eventsAppended == 2)
    let stored = try store.storedFlags()
    #expect(stored == [f])
    let record = try #require(try store.flagRecord(id: f.id.lowercased()))
    #expect(record.status == .new)
    #expect(record.history.map(\.runID) == [run, run])
    let second = try apply(store, [f], run: run + 1)
    #expect(second == FlagWriteSummary())
    #expect(try store.flagRecord(id: f.id)?.status == .new)
  }

  @Test func openFlagsAreCountedByKind() throws {
    let store = try SafetyStore(path: temporaryStorePath())
    #expect(
      try store.openFlagCounts() == [
        .spike: 0, .rising: 0, .elevated: 0, .convergent: 0, .cluster: 0,
      ])
    let open = flag("2024-W10", events: [(.opened, "2024-W10", .low)])
    let closed = flag(
      "2024-W02", events: [(.opened, "2024-W02", .low), (.resolved, "2024-W08", .low)])
    _ = try apply(store, [open, closed], run: 1)
    let counts = try store.openFlagCounts()
    #expect(counts[.spike] == 1)
    #expect(counts.values.reduce(0, +) == 1)
  }

  @Test func statusFollowsTheLatestRunThatChangedFlags() throws {
    let store = try SafetyStore(path: temporaryStorePath())
    let a = flag("2024-W10", events: [(.opened, "2024-W10", .low)])
    _ = try apply(store, [a], run: 1)
    var b = a
    b.events.append(
      FlagEvent(type: .escalated, week: period("2024-W12"), severity: 70, band: .high, kind: .spike)
    )
    b.band = .high
    b.severity = 70
    _ = try apply(store, [b], run: 2)
    #expect(try store.flagRecord(id: a.id)?.status == .escalated)
    var filter = FlagFilter()
    filter.statuses = [.escalated]
    #expect(try store.flagRecords(filter).map(\.flag.id) == [a.id])
    filter.statuses = [.resolved]
    #expect(try store.flagRecords(filter).isEmpty)
    filter = FlagFilter()
    filter.wijken = ["WK999901"]
    filter.kinds = [.rising]
    #expect(try store.flagRecords(filter).count == 1)
    filter.wijken = ["WK999902"]
    #expect(try store.flagRecords(filter).isEmpty)
  }

  @Test func eventsAndReviewsAreAppendOnly() throws {
    let path = temporaryStorePath()
    let store = try SafetyStore(path: path)
    let f = flag("2024-W10", events: [(.opened, "2024-W10", .low)])
    _ = try apply(store, [f], run: 1)
    let review = try store.review(
      flagID: f.id, action: .acknowledged, note: "  wijkagent ingelicht ", author: "analist",
      at: "2024-05-21T09:00:00Z")
    #expect(review.note == "wijkagent ingelicht")
    _ = try store.review(
      flagID: f.id, action: .dismissed, note: "toch niets", author: "analist B",
      at: "2024-05-22T09:00:00Z")
    let record = try #require(try store.flagRecord(id: f.id))
    #expect(record.reviews.map(\.action) == [.acknowledged, .dismissed])
    #expect(record.review?.author == "analist B")
    // The database itself refuses to rewrite history.
    let db = try DatabaseQueue(path: path)
    for sql in [
      "UPDATE flagEvents SET type = 'resolved'", "DELETE FROM flagEvents",
      "UPDATE flagReviews SET note = 'x'", "DELETE FROM flagReviews",
    ] {
      #expect(throws: DatabaseError.self) { try db.write { try $0.execute(sql: sql) } }
    }
    #expect(throws: FlagStoreError.self) {
      try store.review(flagID: "NOPE0000", action: .acknowledged, note: "x", author: "a", at: "t")
    }
    #expect(throws: FlagStoreError.self) {
      try store.review(flagID: f.id, action: .acknowledged, note: "  ", author: "a", at: "t")
    }
  }
}
