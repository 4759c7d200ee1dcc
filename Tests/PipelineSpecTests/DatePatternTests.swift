import SafetyCore
import Testing

@testable import PipelineSpec

@Suite struct DatePatternTests {
  func date(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

  @Test func readsDutchAndISODates() throws {
    let dutch = try #require(DatePattern("dd-MM-yyyy"))
    #expect(dutch.parse("03-09-2024") == .success(date(2024, 9, 3)))
    #expect(dutch.parse(" 03-09-2024 ") == .success(date(2024, 9, 3)))
    #expect(dutch.parse("3-9-2024") == .failure(.malformed))
    #expect(dutch.parse("31-04-2024") == .failure(.impossible))
    #expect(dutch.parse("29-02-2023") == .failure(.impossible))
    #expect(dutch.parse("29-02-2024") == .success(date(2024, 2, 29)))
    #expect(dutch.parse("2024-09-03") == .failure(.malformed))
    #expect(dutch.parse("") == .failure(.malformed))
    let loose = try #require(DatePattern("d-M-yyyy"))
    #expect(loose.parse("3-9-2024") == .success(date(2024, 9, 3)))
    #expect(loose.parse("03-09-2024") == .success(date(2024, 9, 3)))
    let compact = try #require(DatePattern("yyyyMMdd"))
    #expect(compact.parse("20240903") == .success(date(2024, 9, 3)))
    let slash = try #require(DatePattern("dd/MM/yyyy"))
    #expect(slash.parse("03/09/2024") == .success(date(2024, 9, 3)))
  }

  @Test func readsMonthNamesInDutchAndEnglish() throws {
    let short = try #require(DatePattern("d-MMM-yyyy"))
    #expect(short.parse("3-sep-2024") == .success(date(2024, 9, 3)))
    #expect(short.parse("03-Okt-2024") == .success(date(2024, 10, 3)))
    #expect(short.parse("1-MRT-2024") == .success(date(2024, 3, 1)))
    #expect(short.parse("1-mar-2024") == .success(date(2024, 3, 1)))
    #expect(short.parse("1-mei-2024") == .success(date(2024, 5, 1)))
    #expect(short.parse("31-feb-2024") == .failure(.impossible))
    #expect(short.parse("1-sepp-2024") == .failure(.malformed))
    #expect(short.parse("1-09-2024") == .failure(.malformed))
    let long = try #require(DatePattern("d MMMM yyyy HH:mm"))
    #expect(long.parse("3 september 2024") == .success(date(2024, 9, 3)))
    #expect(long.parse("14 Maart 2024 08:15") == .success(date(2024, 3, 14)))
    #expect(long.parse("3 sep. 2024") == .success(date(2024, 9, 3)))  // an abbreviation's dot
    let dotted = try #require(DatePattern("d MMM. yyyy"))
    #expect(dotted.parse("3 sep. 2024") == .success(date(2024, 9, 3)))
    #expect(DatePattern("d MMMMM yyyy") == nil)
  }

  @Test func acceptsAnOptionalTimePart() throws {
    let p = try #require(DatePattern("dd-MM-yyyy HH:mm"))
    #expect(p.parse("03-09-2024 23:59") == .success(date(2024, 9, 3)))
    #expect(p.parse("03-09-2024") == .success(date(2024, 9, 3)))
    #expect(p.parse("03-09-2024 24:00") == .failure(.malformed))
    #expect(p.parse("03-09-2024 12") == .failure(.malformed))
    let iso = try #require(DatePattern("yyyy-MM-ddTHH:mm:ss"))
    #expect(iso.parse("2024-09-03T10:11:12") == .success(date(2024, 9, 3)))
  }

  @Test func readsFractionsOfASecond() throws {
    let p = try #require(DatePattern("yyyy-MM-dd HH:mm:ss.SSS"))
    #expect(p.parse("2024-09-03 14:05:00.000") == .success(date(2024, 9, 3)))
    #expect(p.parse("2024-09-03 14:05:00.1234567") == .success(date(2024, 9, 3)))
    #expect(p.parse("2024-09-03") == .success(date(2024, 9, 3)))
    #expect(p.parse("2024-09-03 14:05:00.") == .failure(.malformed))
    #expect(p.parse("2024-09-03 14:05:00.0000000001") == .failure(.malformed))
    #expect(DatePattern("dd-MM-yyyy HH:mm:ss,S") != nil)
    #expect(DatePattern("dd-MM-yyyy SSSSSSSSSS") == nil)
  }

  @Test func rejectsPatternsThatAreNotDates() {
    #expect(DatePattern("MM-yyyy") == nil)
    #expect(DatePattern("dd-MM-yy") == nil)
    #expect(DatePattern("dd-MM-yyyy-dd") == nil)
    #expect(DatePattern("qq-MM-yyyy") == nil)
  }

  @Test func convertsZonedTimestampsToAmsterdamDates() throws {
    let p = try #require(DatePattern("iso8601"))
    #expect(p.parse("2024-09-03") == .success(date(2024, 9, 3)))
    #expect(p.parse("2024-09-03T10:00") == .success(date(2024, 9, 3)))
    // Summer (CEST, UTC+2): 22:30 UTC is 00:30 the next day.
    #expect(p.parse("2024-09-03T22:30:00Z") == .success(date(2024, 9, 4)))
    #expect(p.parse("2024-09-03T21:30:00Z") == .success(date(2024, 9, 3)))
    // Winter (CET, UTC+1): 23:30 UTC is 00:30 the next day; 22:30 UTC is still the 3rd.
    #expect(p.parse("2024-12-03T23:30:00Z") == .success(date(2024, 12, 4)))
    #expect(p.parse("2024-12-03T22:30:00.123Z") == .success(date(2024, 12, 3)))
    #expect(p.parse("2024-12-04T01:00:00+02:00") == .success(date(2024, 12, 4)))
    #expect(p.parse("2024-12-03T20:00:00-05:00") == .success(date(2024, 12, 4)))
    #expect(p.parse("2024-02-30T10:00Z") == .failure(.impossible))
    #expect(p.parse("2024-09-03T10:00X") == .failure(.malformed))
  }

  @Test func switchesToSummerTimeOnTheLastSundayOfMarch() {
    // 2024: CEST from 31 March 01:00 UTC to 27 October 01:00 UTC.
    let march31 = CivilDate(year: 2024, month: 3, day: 31)!.dayNumber * 1440
    #expect(AmsterdamTime.localDate(utcMinutes: march31 + 22 * 60 + 30).day == 1)
    let march30 = march31 - 1440
    #expect(AmsterdamTime.localDate(utcMinutes: march30 + 22 * 60 + 30).day == 30)
    let oct27 = CivilDate(year: 2024, month: 10, day: 27)!.dayNumber * 1440
    #expect(AmsterdamTime.localDate(utcMinutes: oct27 + 22 * 60 + 30).day == 27)
    #expect(AmsterdamTime.localDate(utcMinutes: oct27 - 60 - 30).day == 27)
  }
}
