import Testing

@testable import SafetyCore

@Suite struct CivilDateTests {
  @Test func roundTripsEveryDayOfFourCenturies() {
    var expected = CivilDate(year: 1900, month: 1, day: 1)!.dayNumber
    for year in 1900...2300 {
      for month in 1...12 {
        for day in 1...CivilDate.daysInMonth(year: year, month: month) {
          let date = CivilDate(year: year, month: month, day: day)!
          #expect(date.dayNumber == expected)
          let c = date.components
          #expect(c.year == year && c.month == month && c.day == day)
          expected += 1
        }
      }
    }
  }

  @Test func rejectsImpossibleDates() {
    #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
    #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
    #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
    #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
    #expect(CivilDate(year: 2024, month: 4, day: 31) == nil)
    #expect(CivilDate(year: 2024, month: 13, day: 1) == nil)
    #expect(CivilDate(year: 2024, month: 0, day: 1) == nil)
    #expect(CivilDate(year: 2024, month: 1, day: 0) == nil)
  }

  @Test func knowsWeekdays() {
    #expect(CivilDate(year: 1970, month: 1, day: 1)!.isoWeekday == 4)
    #expect(CivilDate(year: 2024, month: 9, day: 2)!.isoWeekday == 1)
    #expect(CivilDate(year: 1969, month: 12, day: 28)!.isoWeekday == 7)
  }

  @Test func parsesAndPrintsISO() {
    #expect(CivilDate(iso: "2024-02-29")?.description == "2024-02-29")
    #expect(CivilDate(iso: "2023-02-29") == nil)
    #expect(CivilDate(iso: "2024-2-29") == nil)
  }
}
