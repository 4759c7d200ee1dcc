import SafetyCore

/// The generated time span, day by day: day 0 is 1 January of the first year. Weeks are
/// ISO weeks overlapping the span (the first starts on the Monday on or before day 0).
public struct Timeline: Sendable {
  public let years: ClosedRange<Int>
  public let firstDay: CivilDate
  public let lastDay: CivilDate
  public let dayCount: Int
  public let firstWeek: ISOWeek
  public let weekCount: Int
  /// Per day: its calendar year.
  let yearOfDay: [Int]
  /// Per week: the day index of its Monday, and the year of its Thursday (within the span).
  let weekMonday: [Int]
  let weekYear: [Int]

  public init(years: ClosedRange<Int>) {
    self.years = years
    let firstDay = CivilDate.known(years.lowerBound, 1, 1)
    let lastDay = CivilDate.known(years.upperBound, 12, 31)
    self.firstDay = firstDay
    self.lastDay = lastDay
    dayCount = lastDay.dayNumber - firstDay.dayNumber + 1
    let firstWeek = ISOWeek(containing: firstDay)
    self.firstWeek = firstWeek
    weekCount = ISOWeek(containing: lastDay).index - firstWeek.index + 1
    yearOfDay = (0..<dayCount).map { firstDay.adding(days: $0).year }
    let firstMonday = firstWeek.monday.dayNumber - firstDay.dayNumber
    weekMonday = (0..<weekCount).map { firstMonday + 7 * $0 }
    weekYear = (0..<weekCount).map {
      min(max(firstWeek.advanced(by: $0).thursday.year, years.lowerBound), years.upperBound)
    }
  }

  public func date(_ day: Int) -> CivilDate { firstDay.adding(days: day) }
  public func day(of date: CivilDate) -> Int { date.dayNumber - firstDay.dayNumber }
  public func week(_ w: Int) -> ISOWeek { firstWeek.advanced(by: w) }
  public func weekIndex(of date: CivilDate) -> Int {
    let d = day(of: date)
    return d >= 0 && d < dayCount
      ? (d - weekMonday[0]) / 7 : ISOWeek(containing: date).index - firstWeek.index
  }
  /// The calendar year of day `d` (inside the span).
  public func year(ofDay d: Int) -> Int { yearOfDay[d] }
  /// Day index of the Monday of week `w` (negative for a week starting before day 0).
  public func mondayDay(_ w: Int) -> Int {
    w >= 0 && w < weekCount ? weekMonday[w] : day(of: week(w).monday)
  }

  /// Days of week `w` that lie inside the span.
  public func days(ofWeek w: Int) -> Range<Int> {
    let m = mondayDay(w)
    return max(m, 0)..<min(m + 7, dayCount)
  }

  /// Months as (year, month, day range), in order.
  public var months: [(year: Int, month: Int, days: Range<Int>)] {
    var result: [(Int, Int, Range<Int>)] = []
    for y in years {
      for m in 1...12 {
        let first = day(of: CivilDate.known(y, m, 1))
        result.append((y, m, first..<(first + CivilDate.daysInMonth(year: y, month: m))))
      }
    }
    return result
  }

  /// Quarters as (year, quarter, day range), in order.
  public var quarters: [(year: Int, quarter: Int, days: Range<Int>)] {
    var result: [(Int, Int, Range<Int>)] = []
    for y in years {
      for q in 1...4 {
        let first = day(of: CivilDate.known(y, (q - 1) * 3 + 1, 1))
        let next =
          q == 4
          ? day(of: CivilDate.known(y + 1, 1, 1))
          : day(of: CivilDate.known(y, q * 3 + 1, 1))
        result.append((y, q, first..<next))
      }
    }
    return result
  }
}
