import SafetyCore
import Testing

@testable import FixtureGen

@Suite struct DateTextTests {
  @Test func formats() {
    let d = CivilDate(year: 2024, month: 3, day: 5)!
    #expect(DateText.dmy(d) == "05-03-2024")
    #expect(DateText.dmy(d, "/") == "05/03/2024")
    #expect(DateText.dmyShort(d) == "5-3-2024")
    #expect(DateText.iso(d) == "2024-03-05")
    #expect(DateText.time(9 * 60 + 7) == "09:07")
  }

  /// Local Europe/Amsterdam times to UTC: CET is UTC+1, CEST (last Sunday of March to
  /// last Sunday of October) UTC+2; shortly after midnight the UTC date is the day before.
  @Test func utcTimestamps() {
    let winter = CivilDate(year: 2024, month: 1, day: 10)!
    #expect(DateText.utcTimestamp(winter, minute: 12 * 60, second: 5) == "2024-01-10T11:00:05Z")
    let summer = CivilDate(year: 2024, month: 7, day: 1)!
    #expect(DateText.utcTimestamp(summer, minute: 30, second: 0) == "2024-06-30T22:30:00Z")
    // 2024: summer time from 31 March, back on 27 October.
    #expect(DateText.isSummerTime(CivilDate(year: 2024, month: 3, day: 30)!, minute: 720) == false)
    #expect(DateText.isSummerTime(CivilDate(year: 2024, month: 3, day: 31)!, minute: 180) == true)
    #expect(DateText.isSummerTime(CivilDate(year: 2024, month: 10, day: 27)!, minute: 120) == true)
    #expect(DateText.isSummerTime(CivilDate(year: 2024, month: 10, day: 27)!, minute: 200) == false)
  }
}
