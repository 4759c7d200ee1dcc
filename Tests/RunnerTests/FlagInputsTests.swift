import Flagging
import SafetyCore
import Testing

@testable import Runner

@Suite struct FlagInputsTests {
  func week(_ text: String) -> Period { Period(parsing: text)! }

  @Test func theLastCompleteWeekEndsBeforeTheRunDateAndWithinTheData() {
    let coverage = ["politie": week("2019-W01")...week("2025-W01")]
    // A Tuesday: the week before is the last complete one.
    #expect(
      FlagInputs.lastCompleteWeek(runDate: CivilDate(iso: "2024-12-31")!, coverage: coverage)
        == week("2024-W52"))
    // A Sunday completes its own week.
    #expect(
      FlagInputs.lastCompleteWeek(runDate: CivilDate(iso: "2024-12-29")!, coverage: coverage)
        == week("2024-W52"))
    // Data that end earlier bound it.
    #expect(
      FlagInputs.lastCompleteWeek(
        runDate: CivilDate(iso: "2024-12-31")!, coverage: ["x": week("2019-01")...week("2024-06")])
        == week("2024-W26"))
    #expect(
      FlagInputs.lastCompleteWeek(runDate: CivilDate(iso: "2024-12-31")!, coverage: [:]) == nil)
  }

  @Test func theRunnerFlagsAndASecondRunChangesNothing() throws {
    let w = try TestWorkspace()
    // Six years of burglaries in one buurt (about one a week), then three weeks of five.
    var rows = ["naam;registratienummer;pleegdatum;buurtcode;incidentcode;bsn"]
    var n = 0
    var day = CivilDate(iso: "2018-06-04")!
    var k: UInt64 = 1
    while day < CivilDate(iso: "2024-09-23")! {
      k = k &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      if (k >> 60) < 2 || (day >= CivilDate(iso: "2024-09-02")! && day.isoWeekday <= 5) {
        n += 1
        rows.append(
          "X;P-\(n);\(pad(day.day))-\(pad(day.month))-\(day.year);BU99990101;1.1.1;123")
      }
      day = day.adding(days: 1)
    }
    try w.drop("politie_1.csv", rows.joined(separator: "\n") + "\n")
    let first = try w.run()
    let flags = try #require(first.flags)
    #expect(flags.through == "2024-W38")
    #expect(flags.changed)
    #expect(flags.new.contains { $0.area == "BU99990101" && $0.theme == "hic" })
    let second = try w.run()
    #expect(second.flags?.changed == false)
    #expect(second.flags?.newCount == 0)
    #expect(second.flags?.open == flags.open)
  }

  func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
