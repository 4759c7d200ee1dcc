/// A calendar date without time or zone (a local date in Europe/Amsterdam, as partners
/// write them). Stored as days since 1970-01-01 in the proleptic Gregorian calendar, so
/// comparisons and arithmetic are integer operations.
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// Days since 1970-01-01.
  public let dayNumber: Int

  public init(dayNumber: Int) { self.dayNumber = dayNumber }

  /// Returns nil for impossible dates (31 April, 29 February 2023, month 13, ...).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1,
      day <= CivilDate.daysInMonth(year: year, month: month)
    else { return nil }
    self.dayNumber = CivilDate.days(fromCivil: year, month, day)
  }

  public var components: (year: Int, month: Int, day: Int) {
    CivilDate.civil(fromDays: dayNumber)
  }
  public var year: Int { components.year }
  public var month: Int { components.month }
  public var day: Int { components.day }

  /// ISO weekday: 1 = Monday ... 7 = Sunday.
  public var isoWeekday: Int {
    // 1970-01-01 was a Thursday (ISO 4).
    let w = (dayNumber + 3) % 7
    return (w < 0 ? w + 7 : w) + 1
  }

  public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

  public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

  /// `yyyy-MM-dd`.
  public var description: String {
    let c = components
    return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
  }

  /// Parses `yyyy-MM-dd`.
  public init?(iso text: some StringProtocol) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  public static func isLeapYear(_ y: Int) -> Bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
  }

  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  // Howard Hinnant's days_from_civil / civil_from_days.
  static func days(fromCivil y0: Int, _ m: Int, _ d: Int) -> Int {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (m + 9) % 12
    let doy = (153 * mp + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  static func civil(fromDays z0: Int) -> (year: Int, month: Int, day: Int) {
    let z = z0 + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}

@inline(__always)
func pad(_ value: Int, _ width: Int) -> String {
  let s = String(value)
  return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
