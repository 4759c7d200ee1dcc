import SafetyCore
import Testing

@testable import Reporting

@Suite struct PeriodTextTests {
  let nl = PeriodText(.nl)
  let en = PeriodText(.en)

  @Test func periodsInTitles() {
    #expect(nl.long(.quarter(year: 2024, quarter: 3)) == "3e kwartaal 2024")
    #expect(en.long(.quarter(year: 2024, quarter: 3)) == "Q3 2024")
    #expect(nl.long(.month(year: 2024, month: 9)) == "september 2024")
    #expect(en.long(.month(year: 2024, month: 9)) == "September 2024")
    #expect(nl.long(.week(ISOWeek(year: 2024, week: 36)!)) == "week 36 van 2024")
    #expect(en.long(.week(ISOWeek(year: 2024, week: 36)!)) == "week 36 of 2024")
    #expect(nl.long(.year(2024)) == "2024")
  }

  @Test func periodsInHeadingsAndOnAxes() {
    #expect(nl.short(.quarter(year: 2023, quarter: 4)) == "4e kw. 2023")
    #expect(nl.short(.month(year: 2024, month: 3)) == "mrt 2024")
    #expect(en.short(.month(year: 2024, month: 3)) == "Mar 2024")
    #expect(nl.axis(.week(ISOWeek(year: 2024, week: 1)!)) == "wk 1 '24")
    #expect(nl.axis(.month(year: 2022, month: 10)) == "okt '22")
    // Week 1 of 2025 starts on 30 December 2024: the axis says its ISO year.
    #expect(en.axis(.week(ISOWeek(year: 2025, week: 1)!)) == "wk 1 '25")
  }

  @Test func dayRangesLeaveOutWhatTheyShare() {
    #expect(nl.days(of: .week(ISOWeek(year: 2024, week: 36)!)) == "2 – 8 september 2024")
    #expect(nl.days(of: .quarter(year: 2024, quarter: 3)) == "1 juli – 30 september 2024")
    #expect(
      en.days(CivilDate(year: 2018, month: 12, day: 31)!, CivilDate(year: 2024, month: 1, day: 7)!)
        == "31 December 2018 – 7 January 2024")
    #expect(nl.date(CivilDate(year: 2024, month: 12, day: 31)!) == "31 december 2024")
  }
}
