import Testing

@testable import SafetyCore

@Suite struct PeriodTests {
  @Test(arguments: ["2024-W36", "2020-W53", "2024-09", "2024-01", "2024Q3", "2024"])
  func parsesAndPrintsTextForms(text: String) {
    #expect(Period(parsing: text)?.description == text)
  }

  @Test func acceptsQuarterWithDash() {
    #expect(Period(parsing: "2024-Q3") == .quarter(year: 2024, quarter: 3))
  }

  @Test(arguments: ["2021-W53", "2024-13", "2024Q5", "24", "2024-W", "abc", ""])
  func rejectsMalformedPeriods(text: String) {
    #expect(Period(parsing: text) == nil)
  }

  @Test func rollsWeeksUpByTheirThursday() {
    // 2024-W35 runs 26 Aug - 1 Sep: Thursday 29 Aug, so August.
    let w35 = Period.week(ISOWeek(year: 2024, week: 35)!)
    #expect(w35.rolled(to: .month) == .month(year: 2024, month: 8))
    // 2020-W53 runs 28 Dec 2020 - 3 Jan 2021: Thursday 31 Dec 2020.
    let w53 = Period.week(ISOWeek(year: 2020, week: 53)!)
    #expect(w53.rolled(to: .year) == .year(2020))
    #expect(w53.rolled(to: .quarter) == .quarter(year: 2020, quarter: 4))
    #expect(
      Period.month(year: 2024, month: 9).rolled(to: .quarter) == .quarter(year: 2024, quarter: 3))
    #expect(Period.month(year: 2024, month: 9).rolled(to: .week) == nil)
  }

  @Test func everyWeekOfAYearRollsIntoOneMonth() {
    for year in 2019...2026 {
      var perMonth: [Period: Int] = [:]
      for week in 1...ISOWeek.weeksInYear(year) {
        let p = Period.week(ISOWeek(year: year, week: week)!)
        perMonth[p.rolled(to: .month)!, default: 0] += 1
      }
      #expect(perMonth.values.reduce(0, +) == ISOWeek.weeksInYear(year))
      #expect(perMonth.values.allSatisfy { $0 == 4 || $0 == 5 })
    }
  }

  @Test func knowsFirstAndLastDays() {
    let q = Period.quarter(year: 2024, quarter: 1)
    #expect(q.firstDay.description == "2024-01-01")
    #expect(q.lastDay.description == "2024-03-31")
    #expect(Period.month(year: 2024, month: 2).lastDay.description == "2024-02-29")
    let w = Period.week(ISOWeek(year: 2024, week: 36)!)
    #expect(w.firstDay.description == "2024-09-02")
    #expect(w.lastDay.description == "2024-09-08")
  }

  @Test func findsTheSamePeriodLastYear() {
    #expect(Period(parsing: "2021-W10")!.previousYear.description == "2020-W10")
    #expect(Period(parsing: "2021-W01")!.previousYear.description == "2020-W01")
    #expect(Period(parsing: "2026-W53")!.previousYear.description == "2025-W52")
    #expect(Period(parsing: "2024Q3")!.previousYear.description == "2023Q3")
  }

  @Test func ordersAndContainsDates() {
    let d = CivilDate(year: 2024, month: 9, day: 4)!
    #expect(Period(containing: d, kind: .week).description == "2024-W36")
    #expect(Period(containing: d, kind: .month).description == "2024-09")
    #expect(Period(containing: d, kind: .quarter).description == "2024Q3")
    #expect(Period(containing: d, kind: .year).description == "2024")
    #expect(Period(parsing: "2024-08")! < Period(parsing: "2024-09")!)
  }
}
