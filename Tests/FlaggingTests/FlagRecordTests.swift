import SafetyCore
import Testing

@testable import Flagging

@Suite struct FlagRecordTests {
  func event(_ type: FlagEventType, run: Int64, band: SeverityBand = .low) -> RecordedFlagEvent {
    RecordedFlagEvent(
      event: FlagEvent(type: type, week: week(2024, 1), severity: 10, band: band, kind: .spike),
      runID: run, recordedAt: "2024-01-08T06:00:00Z")
  }

  @Test func statusIsRelativeToTheLatestRunThatChangedFlags() {
    #expect(FlagRecord.status([event(.opened, run: 3)], latestRun: 3) == .new)
    #expect(FlagRecord.status([event(.opened, run: 2)], latestRun: 3) == .ongoing)
    #expect(
      FlagRecord.status([event(.opened, run: 2), event(.escalated, run: 3)], latestRun: 3)
        == .escalated)
    #expect(
      FlagRecord.status([event(.opened, run: 2), event(.deescalated, run: 3)], latestRun: 3)
        == .deescalated)
    #expect(
      FlagRecord.status([event(.opened, run: 2), event(.resolved, run: 2)], latestRun: 3)
        == .resolved)
    // Opened and escalated in the same run: new.
    #expect(
      FlagRecord.status([event(.opened, run: 3), event(.escalated, run: 3)], latestRun: 3) == .new)
  }
}
