import SafetyCore
import Testing

@testable import ReportBuilder

@Suite struct ChartBuilderTests {
  func week(_ y: Int, _ w: Int) -> Period { .week(ISOWeek(year: y, week: w)!) }

  @Test func theLastPeriodRollsUpIntoTheReportsPeriod() {
    let runDate = CivilDate(year: 2024, month: 12, day: 31)!
    // 30 Dec 2024 – 5 Jan 2025 has its Thursday in 2025: Q4 ends with 2024-W52.
    #expect(
      ChartBuilder.lastPeriod(.week, for: .quarter(year: 2024, quarter: 4), runDate: runDate)
        == week(2024, 52))
    #expect(
      ChartBuilder.lastPeriod(.month, for: .quarter(year: 2024, quarter: 3), runDate: runDate)
        == .month(year: 2024, month: 9))
    // A monthly indicator in a weekly report: the month holding the week.
    #expect(
      ChartBuilder.lastPeriod(.month, for: week(2024, 36), runDate: runDate)
        == .month(year: 2024, month: 9))
    // The run date inside the period ends the chart.
    #expect(
      ChartBuilder.lastPeriod(
        .week, for: .quarter(year: 2024, quarter: 4),
        runDate: CivilDate(year: 2024, month: 11, day: 6)!)
        == week(2024, 45))
  }

  @Test func sparseWeeksAreSummedIntoWholeMonths() {
    // 2024-W01 … W10: January has 4 Thursdays (W01–W04), February 5 (W05–W09, the last on
    // 29 February); W10 (Thursday 7 March) is not a whole month: left out.
    let weeks = (1...10).map { w in
      ChartBuilder.RawPoint(
        period: week(2024, w), observed: Double(w % 3), expected: 0.5, upperBound: 4,
        alarm: w == 7)
    }
    #expect(ChartBuilder.mostlySuppressed(weeks, minCell: 5))
    let months = ChartBuilder.months(weeks)
    #expect(months.map(\.period) == [.month(year: 2024, month: 1), .month(year: 2024, month: 2)])
    #expect(months[0].observed == Double([1, 2, 0, 1].reduce(0, +)))
    #expect(months[0].expected == 2.0)
    #expect(months[1].expected == 2.5)
    #expect(months[0].upperBound == nil)
    #expect(!months[0].alarm && months[1].alarm)
    #expect(
      !ChartBuilder.mostlySuppressed(
        months.map {
          var m = $0
          m.observed = 9
          return m
        }, minCell: 5))
  }
}
