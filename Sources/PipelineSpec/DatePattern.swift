import SafetyCore

/// A compiled date pattern (`dd-MM-yyyy`, `d-M-yyyy HH:mm`, `yyyyMMdd`, ...) or `iso8601`.
///
/// Letters: `yyyy` year (4 digits), `MM`/`dd`/`HH`/`mm`/`ss` exactly two digits, `M`/`d`/`H`
/// one or two digits, `MMM`/`MMMM` a month name (Dutch or English, abbreviated or in full,
/// any case: `3-sep-2024`, `3 september 2024`, `3 mrt. 2024`), `S`…`SSSSSSSSS` fractions of a second (one to nine digits, as
/// database exports write them: `2024-09-03 14:05:00.000`); `T` and anything that is not a
/// letter is literal. A time part in the pattern may be absent in
/// a value (`dd-MM-yyyy HH:mm` accepts `03-09-2024`). Times are read and ignored: the date is
/// the local (Europe/Amsterdam) date as written. `iso8601` reads `yyyy-MM-dd`,
/// `yyyy-MM-ddTHH:mm[:ss[.fff]]` with `Z` or `±HH:MM`, and converts zoned timestamps to the
/// Europe/Amsterdam date.
public struct DatePattern: Sendable, Hashable, CustomStringConvertible {
  enum Token: Sendable, Hashable {
    case year
    case month(fixed: Bool)
    /// `MMM`/`MMMM`: a month name (Dutch or English, abbreviated or in full).
    case monthName
    case day(fixed: Bool)
    case hour(fixed: Bool)
    case minute, second
    /// Fractions of a second (`S`, `SS`, `SSS`, ...): one to nine digits, ignored.
    case fraction
    case literal(UInt8)
  }

  public let description: String
  let tokens: [Token]
  /// Number of tokens up to and including the last date field.
  let dateTokenCount: Int
  let isISO8601: Bool

  /// Why a value did not give a date.
  public enum Failure: Error, Sendable, Hashable {
    /// The text does not have the pattern's shape.
    case malformed
    /// The shape is right but there is no such date (31 April, month 13).
    case impossible
  }

  /// Compiles `pattern`; nil when it is not a date pattern (needs `yyyy`, a month and a day).
  public init?(_ pattern: String) {
    description = pattern
    if pattern.lowercased() == "iso8601" {
      tokens = []
      dateTokenCount = 0
      isISO8601 = true
      return
    }
    isISO8601 = false
    var out: [Token] = []
    let chars = Array(pattern.utf8)
    var i = 0
    var lastDate = 0
    var seen: Set<UInt8> = []
    while i < chars.count {
      let c = chars[i]
      var run = 1
      while i + run < chars.count, chars[i + run] == c { run += 1 }
      switch (c, run) {
      case (UInt8(ascii: "y"), 4): out.append(.year)
      case (UInt8(ascii: "M"), 1), (UInt8(ascii: "M"), 2): out.append(.month(fixed: run == 2))
      case (UInt8(ascii: "M"), 3), (UInt8(ascii: "M"), 4): out.append(.monthName)
      case (UInt8(ascii: "d"), 1), (UInt8(ascii: "d"), 2): out.append(.day(fixed: run == 2))
      case (UInt8(ascii: "H"), 1), (UInt8(ascii: "H"), 2): out.append(.hour(fixed: run == 2))
      case (UInt8(ascii: "m"), 2): out.append(.minute)
      case (UInt8(ascii: "s"), 2): out.append(.second)
      case (UInt8(ascii: "S"), 1...9): out.append(.fraction)
      default:
        if (c >= 65 && c <= 90) || (c >= 97 && c <= 122) {
          if c == UInt8(ascii: "T") && run == 1 {
            out.append(.literal(c))
            i += run
            continue
          }
          return nil
        }
        for _ in 0..<run { out.append(.literal(c)) }
        i += run
        continue
      }
      if seen.contains(c) { return nil }
      seen.insert(c)
      if c == UInt8(ascii: "y") || c == UInt8(ascii: "M") || c == UInt8(ascii: "d") {
        lastDate = out.count
      }
      i += run
    }
    guard seen.contains(UInt8(ascii: "y")), seen.contains(UInt8(ascii: "M")),
      seen.contains(UInt8(ascii: "d"))
    else { return nil }
    tokens = out
    dateTokenCount = lastDate
  }

  /// Parses a value (surrounding spaces are ignored).
  public func parse(_ text: String) -> Result<CivilDate, Failure> {
    var copy = text
    return copy.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
  }

  /// Parses the bytes of a value (ASCII digits and separators; spaces around are ignored).
  public func parse(_ raw: UnsafeRawBufferPointer) -> Result<CivilDate, Failure> {
    var start = 0
    var end = raw.count
    while start < end, raw[start] == 0x20 || raw[start] == 0x09 { start += 1 }
    while end > start, raw[end - 1] == 0x20 || raw[end - 1] == 0x09 { end -= 1 }
    if isISO8601 { return ISO8601Date.parse(raw, start, end) }
    var p = start
    var year = 0
    var month = 0
    var day = 0
    for (n, token) in tokens.enumerated() {
      if p == end && n == dateTokenCount && n > 0 { break }
      switch token {
      case .literal(let c):
        guard p < end, raw[p] == c else { return .failure(.malformed) }
        p += 1
      case .year:
        guard let v = digits(raw, &p, end, min: 4, max: 4) else { return .failure(.malformed) }
        year = v
      case .month(let fixed):
        guard let v = digits(raw, &p, end, min: fixed ? 2 : 1, max: 2) else {
          return .failure(.malformed)
        }
        month = v
      case .monthName:
        let dot = n + 1 < tokens.count && tokens[n + 1] == .literal(UInt8(ascii: "."))
        guard let v = MonthName.read(raw, &p, end, dotFollows: dot) else {
          return .failure(.malformed)
        }
        month = v
      case .day(let fixed):
        guard let v = digits(raw, &p, end, min: fixed ? 2 : 1, max: 2) else {
          return .failure(.malformed)
        }
        day = v
      case .hour(let fixed):
        guard let v = digits(raw, &p, end, min: fixed ? 2 : 1, max: 2), v < 24 else {
          return .failure(.malformed)
        }
      case .minute, .second:
        guard let v = digits(raw, &p, end, min: 2, max: 2), v < 60 else {
          return .failure(.malformed)
        }
      case .fraction:
        guard digits(raw, &p, end, min: 1, max: 9) != nil else { return .failure(.malformed) }
      }
    }
    guard p == end else { return .failure(.malformed) }
    guard let date = CivilDate(year: year, month: month, day: day) else {
      return .failure(.impossible)
    }
    return .success(date)
  }
}

/// Reads `min...max` ASCII digits at `p`.
@inline(__always)
func digits(_ raw: UnsafeRawBufferPointer, _ p: inout Int, _ end: Int, min: Int, max: Int)
  -> Int?
{
  var value = 0
  var n = 0
  while n < max, p < end, raw[p] >= 0x30, raw[p] <= 0x39 {
    value = value * 10 + Int(raw[p] - 0x30)
    p += 1
    n += 1
  }
  return n >= min ? value : nil
}

/// ISO 8601 dates and timestamps, converted to the Europe/Amsterdam calendar date.
enum ISO8601Date {
  static func parse(_ raw: UnsafeRawBufferPointer, _ start: Int, _ end: Int)
    -> Result<CivilDate, DatePattern.Failure>
  {
    var p = start
    func lit(_ c: Character) -> Bool {
      guard p < end, raw[p] == c.asciiValue else { return false }
      p += 1
      return true
    }
    guard let y = digits(raw, &p, end, min: 4, max: 4), lit("-"),
      let m = digits(raw, &p, end, min: 2, max: 2), lit("-"),
      let d = digits(raw, &p, end, min: 2, max: 2)
    else { return .failure(.malformed) }
    guard let date = CivilDate(year: y, month: m, day: d) else { return .failure(.impossible) }
    if p == end { return .success(date) }
    guard lit("T") || lit(" "), let hh = digits(raw, &p, end, min: 2, max: 2), hh < 24, lit(":"),
      let mm = digits(raw, &p, end, min: 2, max: 2), mm < 60
    else { return .failure(.malformed) }
    if lit(":") {
      guard let ss = digits(raw, &p, end, min: 2, max: 2), ss < 61 else {
        return .failure(.malformed)
      }
      if lit(".") || lit(",") {
        guard digits(raw, &p, end, min: 1, max: 9) != nil else { return .failure(.malformed) }
      }
    }
    if p == end { return .success(date) }  // a local time: the date as written
    var offsetMinutes = 0
    if lit("Z") {
      offsetMinutes = 0
    } else {
      let sign: Int
      if lit("+") {
        sign = 1
      } else if lit("-") {
        sign = -1
      } else {
        return .failure(.malformed)
      }
      guard let oh = digits(raw, &p, end, min: 2, max: 2), oh <= 14 else {
        return .failure(.malformed)
      }
      _ = lit(":")
      let om = p < end ? (digits(raw, &p, end, min: 2, max: 2) ?? -1) : 0
      guard om >= 0, om < 60 else { return .failure(.malformed) }
      offsetMinutes = sign * (oh * 60 + om)
    }
    guard p == end else { return .failure(.malformed) }
    let utcMinutes = date.dayNumber * 1440 + hh * 60 + mm - offsetMinutes
    return .success(AmsterdamTime.localDate(utcMinutes: utcMinutes))
  }
}

/// Europe/Amsterdam: CET (UTC+1), and CEST (UTC+2) from the last Sunday of March 01:00 UTC
/// to the last Sunday of October 01:00 UTC (the EU rule, in force since 1996).
public enum AmsterdamTime {
  /// The local calendar date of an instant given as minutes since 1970-01-01 00:00 UTC.
  public static func localDate(utcMinutes: Int) -> CivilDate {
    let utcDay = CivilDate(dayNumber: floorDivide(utcMinutes, 1440))
    let year = utcDay.year
    let summerStart = lastSunday(year: year, month: 3).dayNumber * 1440 + 60
    let summerEnd = lastSunday(year: year, month: 10).dayNumber * 1440 + 60
    let offset = (utcMinutes >= summerStart && utcMinutes < summerEnd) ? 120 : 60
    return CivilDate(dayNumber: floorDivide(utcMinutes + offset, 1440))
  }

  static func lastSunday(year: Int, month: Int) -> CivilDate {
    let last = CivilDate(
      year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))
    guard let last else { return CivilDate(dayNumber: 0) }
    return last.adding(days: -(last.isoWeekday % 7))
  }

  static func floorDivide(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
  }
}
