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

  @Test func rejectsPatternsThatDoNotFitTheKind() {
    #expect(PeriodPattern("yyyyMM", kind: .week) == nil)
    #expect(PeriodPattern("yyyy-ww", kind: .month) == nil)
    #expect(PeriodPattern("MM", kind: .month) == nil)
    #expect(PeriodPattern("yyyy-MM-dd", kind: .month) == nil)
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
