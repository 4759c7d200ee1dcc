import SafetyCore
import Testing

@testable import PipelineSpec

@Suite struct PeriodPatternTests {
  @Test func readsCanonicalPeriodsOfTheDeclaredKind() throws {
    let month = try #require(PeriodPattern(nil, kind: .month))
    #expect(month.parse("2024-09") == .month(year: 2024, month: 9))
    #expect(month.parse("2024-W36") == nil)
    let week = try #require(PeriodPattern(nil, kind: .week))
    #expect(week.parse(" 2024-W36 ") == .week(ISOWeek(year: 2024, week: 36)!))
  }

  @Test func readsPatterns() throws {
    #expect(PeriodPattern("yyyyMM", kind: .month)?.parse("202409") == .month(year: 2024, month: 9))
    #expect(
      PeriodPattern("MM-yyyy", kind: .month)?.parse("09-2024") == .month(year: 2024, month: 9))
    #expect(PeriodPattern("M-yyyy", kind: .month)?.parse("9-2024") == .month(year: 2024, month: 9))
    #expect(PeriodPattern("yyyyMM", kind: .month)?.parse("202413") == nil)
    #expect(
      PeriodPattern("yyyy-ww", kind: .week)?.parse("2020-53")
        == .week(ISOWeek(year: 2020, week: 53)!))
    #expect(PeriodPattern("yyyy-ww", kind: .week)?.parse("2021-53") == nil)
    #expect(
      PeriodPattern("yyyy-Www", kind: .week)?.parse("2024-W05")
        == .week(ISOWeek(year: 2024, week: 5)!))
    #expect(
      PeriodPattern("yyyy-Q", kind: .quarter)?.parse("2024-3") == .quarter(year: 2024, quarter: 3))
    #expect(PeriodPattern("yyyy", kind: .year)?.parse("2024") == .year(2024))
  }

  @Test func readsMonthNames() throws {
    let month = try #require(PeriodPattern("MMM yyyy", kind: .month))
    #expect(month.parse("sep 2024") == .month(year: 2024, month: 9))
    #expect(month.parse("Maart 2024") == .month(year: 2024, month: 3))
    #expect(month.parse("okt. 2024") == .month(year: 2024, month: 10))
    #expect(month.parse("2024 sep") == nil)
    #expect(
      PeriodPattern("yyyy-MMMM", kind: .month)?.parse("2024-december")
        == .month(year: 2024, month: 12))
    #expect(PeriodPattern("MMM yyyy", kind: .week) == nil)
  }

  @Test func rejectsPatternsThatDoNotFitTheKind() {
    #expect(PeriodPattern("yyyyMM", kind: .week) == nil)
    #expect(PeriodPattern("yyyy-ww", kind: .month) == nil)
    #expect(PeriodPattern("MM", kind: .month) == nil)
    #expect(PeriodPattern("yyyy-MM-d-dd", kind: .month) == nil)
    #expect(PeriodPattern("MM-dd", kind: .month) == nil)  // a date pattern needs the year
  }

  /// Monthly or weekly exports that write each period as a day (its first, usually).
  @Test func aDatePatternGivesThePeriodContainingTheDay() throws {
    let month = try #require(PeriodPattern("yyyy-MM-dd", kind: .month))
    #expect(month.parse("2024-09-01") == .month(year: 2024, month: 9))
    #expect(month.parse(" 2024-09-30 ") == .month(year: 2024, month: 9))
    #expect(month.parse("2024-09-31") == nil)
    #expect(month.parse("2024-09") == nil)
    let week = try #require(PeriodPattern("dd-MM-yyyy", kind: .week))
    // Sunday 1 September 2024 lies in ISO week 35; Monday 2 September starts week 36.
    #expect(week.parse("01-09-2024") == .week(ISOWeek(year: 2024, week: 35)!))
    #expect(week.parse("02-09-2024") == .week(ISOWeek(year: 2024, week: 36)!))
    #expect(
      PeriodPattern("d-M-yyyy HH:mm", kind: .quarter)?.parse("1-7-2024 00:00")
        == .quarter(year: 2024, quarter: 3))
    #expect(PeriodPattern("iso8601", kind: .year)?.parse("2024-12-31T23:30:00Z") == .year(2025))
  }

  @Test func quotedLettersAreLiteral() {
    let q = PeriodPattern("yyyy-'Q'Q", kind: .quarter)
    #expect(q?.parse("2024-Q3") == .quarter(year: 2024, quarter: 3))
    #expect(q?.parse("2024-Q5") == nil)
    #expect(q?.parse("2024-K3") == nil)
    #expect(
      PeriodPattern("'K'Q yyyy", kind: .quarter)?.parse("K3 2024")
        == .quarter(year: 2024, quarter: 3))
    #expect(PeriodPattern("yyyy-'Q", kind: .quarter) == nil)  // unclosed
    #expect(PeriodPattern("yyyy-''Q", kind: .quarter) == nil)  // empty
  }
}
