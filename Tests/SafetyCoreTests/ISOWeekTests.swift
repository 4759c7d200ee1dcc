import Testing

@testable import SafetyCore

@Suite struct ISOWeekTests {
  @Test(arguments: [
    (2015, 53), (2019, 52), (2020, 53), (2021, 52), (2024, 52), (2026, 53), (2032, 53),
    (2037, 53), (2004, 53), (2009, 53),
  ])
  func countsWeeksInYear(year: Int, weeks: Int) {
    #expect(ISOWeek.weeksInYear(year) == weeks)
  }

  @Test func assignsYearBoundaryDaysToTheRightWeek() {
    // 2021-01-03 (Sunday) is still in 2020-W53; 2024-12-30 (Monday) is 2025-W01.
    #expect(ISOWeek(containing: CivilDate(year: 2021, month: 1, day: 3)!).description == "2020-W53")
    #expect(ISOWeek(containing: CivilDate(year: 2021, month: 1, day: 4)!).description == "2021-W01")
    #expect(
      ISOWeek(containing: CivilDate(year: 2024, month: 12, day: 30)!).description == "2025-W01")
    #expect(
      ISOWeek(containing: CivilDate(year: 2019, month: 12, day: 29)!).description == "2019-W52")
    #expect(ISOWeek(containing: CivilDate(year: 2024, month: 9, day: 2)!).description == "2024-W36")
  }

  @Test func indexIsConsecutiveAcrossYears() {
    var week = ISOWeek(year: 2018, week: 1)!
    for _ in 0..<(52 * 10) {
      let next = week.advanced(by: 1)
      #expect(next.index == week.index + 1)
      #expect(next.monday.dayNumber == week.monday.dayNumber + 7)
      #expect(next > week)
      #expect(ISOWeek(containing: next.monday) == next)
      #expect(ISOWeek(containing: next.monday.adding(days: 6)) == next)
      week = next
    }
  }

  @Test func rejectsWeeksThatDoNotExist() {
    #expect(ISOWeek(year: 2021, week: 53) == nil)
    #expect(ISOWeek(year: 2020, week: 53) != nil)
    #expect(ISOWeek(year: 2020, week: 0) == nil)
  }
}
