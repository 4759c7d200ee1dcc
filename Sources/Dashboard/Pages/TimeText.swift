import Reporting
import SafetyCore

/// Instants stored as ISO 8601 (`2024-12-31T06:00:00Z`, the run's clock) shown in
/// Europe/Amsterdam time: `31-12-2024 07:00` (nl), `2024-12-31 07:00` (en).
enum TimeText {
  static func local(_ iso: String, _ language: DisplayLanguage) -> String {
    guard let utc = utcMinutes(iso) else { return iso }
    let local = utc + amsterdamOffset(utcMinutes: utc)
    let date = CivilDate(dayNumber: floorDiv(local, 1440))
    let minutes = local - date.dayNumber * 1440
    let time = "\(two(minutes / 60)):\(two(minutes % 60))"
    return "\(dateText(date, language)) \(time)"
  }

  /// The local day of an ISO 8601 instant.
  static func localDay(_ iso: String, _ language: DisplayLanguage) -> String {
    guard let utc = utcMinutes(iso) else { return iso }
    return dateText(
      CivilDate(dayNumber: floorDiv(utc + amsterdamOffset(utcMinutes: utc), 1440)), language)
  }

  /// A `yyyy-MM-dd` day as the language writes it (as given when it does not parse).
  static func day(_ iso: String, _ language: DisplayLanguage) -> String {
    CivilDate(iso: iso).map { dateText($0, language) } ?? iso
  }

  static func dateText(_ date: CivilDate, _ language: DisplayLanguage) -> String {
    let (y, m, d) = date.components
    return language == .nl ? "\(two(d))-\(two(m))-\(y)" : "\(y)-\(two(m))-\(two(d))"
  }

  /// Minutes since 1970 UTC of `yyyy-MM-ddTHH:mm[:ss][.fff](Z|±HH:mm)`.
  static func utcMinutes(_ iso: String) -> Int? {
    let chars = Array(iso.utf8)
    guard chars.count >= 16, let date = CivilDate(iso: iso.prefix(10)),
      chars[10] == UInt8(ascii: "T")
    else { return nil }
    func num(_ a: Int, _ n: Int) -> Int? {
      guard a + n <= chars.count else { return nil }
      var v = 0
      for c in chars[a..<(a + n)] {
        guard c >= 48, c <= 57 else { return nil }
        v = v * 10 + Int(c - 48)
      }
      return v
    }
    guard let hh = num(11, 2), let mm = num(14, 2), hh < 24, mm < 60 else { return nil }
    var offset = 0
    if let sign = chars.lastIndex(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }),
      sign > 16, let oh = num(sign + 1, 2)
    {
      let om = num(sign + 4, 2) ?? num(sign + 3, 2) ?? 0
      offset = (chars[sign] == UInt8(ascii: "-") ? -1 : 1) * (oh * 60 + om)
    }
    return date.dayNumber * 1440 + hh * 60 + mm - offset
  }

  /// CET (60) or CEST (120): summer time from the last Sunday of March 01:00 UTC to the
  /// last Sunday of October 01:00 UTC.
  static func amsterdamOffset(utcMinutes: Int) -> Int {
    let year = CivilDate(dayNumber: floorDiv(utcMinutes, 1440)).year
    func lastSunday(_ month: Int) -> Int {
      let last =
        CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))
        ?? CivilDate(dayNumber: 0)
      return last.adding(days: -(last.isoWeekday % 7)).dayNumber * 1440 + 60
    }
    return utcMinutes >= lastSunday(3) && utcMinutes < lastSunday(10) ? 120 : 60
  }

  private static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

  private static func floorDiv(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
  }
}
