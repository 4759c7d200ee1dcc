/// An ISO 8601 week: weeks start on Monday; week 1 is the week holding the year's first
/// Thursday; a week belongs to the ISO year of its Thursday. Years have 52 or 53 weeks.
public struct ISOWeek: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public let year: Int
  public let week: Int

  /// Returns nil when `week` is outside 1...weeksInYear(year).
  public init?(year: Int, week: Int) {
    guard week >= 1, week <= ISOWeek.weeksInYear(year) else { return nil }
    self.year = year
    self.week = week
  }

  /// The ISO week holding `date`.
  public init(containing date: CivilDate) {
    let thursday = date.adding(days: 4 - date.isoWeekday)
    let y = thursday.year
    let jan1 = CivilDate(year: y, month: 1, day: 1)!.dayNumber
    self.year = y
    self.week = (thursday.dayNumber - jan1) / 7 + 1
  }

  /// A week index that increases by one per ISO week, across years (Monday day number / 7).
  public init(index: Int) { self.init(containing: CivilDate(dayNumber: index * 7 - 3)) }

  /// Monday of this week.
  public var monday: CivilDate {
    let jan4 = CivilDate(year: year, month: 1, day: 4)!
    let week1Monday = jan4.adding(days: 1 - jan4.isoWeekday)
    return week1Monday.adding(days: (week - 1) * 7)
  }

  /// Thursday of this week: decides the month, quarter and year a week rolls up into.
  public var thursday: CivilDate { monday.adding(days: 3) }

  /// Consecutive integer per week (see `init(index:)`); differences count weeks.
  public var index: Int { (monday.dayNumber + 3) / 7 }

  public func advanced(by weeks: Int) -> ISOWeek { ISOWeek(index: index + weeks) }

  public static func weeksInYear(_ year: Int) -> Int {
    // A year has 53 ISO weeks when it starts on a Thursday, or is a leap year starting on
    // a Wednesday; equivalently when 28 December falls in week 53.
    guard let dec28 = CivilDate(year: year, month: 12, day: 28) else { return 52 }
    let thursday = dec28.adding(days: 4 - dec28.isoWeekday)
    let jan1 = CivilDate(year: year, month: 1, day: 1)!.dayNumber
    return (thursday.dayNumber - jan1) / 7 + 1
  }

  public static func < (a: ISOWeek, b: ISOWeek) -> Bool {
    (a.year, a.week) < (b.year, b.week)
  }

  /// `2024-W36`.
  public var description: String { "\(pad(year, 4))-W\(pad(week, 2))" }
}
