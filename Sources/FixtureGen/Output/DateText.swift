import SafetyCore

/// Date and time texts in the forms partners write.
enum DateText {
  static func p2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

  /// `dd-MM-yyyy` (sep `-`) or `dd/MM/yyyy` (sep `/`).
  static func dmy(_ d: CivilDate, _ sep: String = "-") -> String {
    "\(p2(d.day))\(sep)\(p2(d.month))\(sep)\(d.year)"
  }
  /// `d-M-yyyy`.
  static func dmyShort(_ d: CivilDate) -> String { "\(d.day)-\(d.month)-\(d.year)" }
  /// `yyyy-MM-dd`.
  static func iso(_ d: CivilDate) -> String { d.description }
  /// `HH:mm`.
  static func time(_ minute: Int) -> String { "\(p2(minute / 60)):\(p2(minute % 60))" }

  /// Whether a local date and minute fall in Central European Summer Time (from the last
  /// Sunday of March 02:00 to the last Sunday of October 03:00).
  static func isSummerTime(_ d: CivilDate, minute: Int) -> Bool {
    func lastSunday(_ month: Int) -> Int {
      let last = CivilDate.known(d.year, month, 31)
      return last.day - (last.isoWeekday % 7)
    }
    if d.month < 3 || d.month > 10 { return false }
    if d.month > 3 && d.month < 10 { return true }
    if d.month == 3 {
      let s = lastSunday(3)
      return d.day > s || (d.day == s && minute >= 120)
    }
    let s = lastSunday(10)
    return d.day < s || (d.day == s && minute < 180)
  }

  /// ISO 8601 in UTC (`2024-09-02T19:15:00Z`) of a local Europe/Amsterdam date and minute.
  static func utcTimestamp(_ d: CivilDate, minute: Int, second: Int) -> String {
    let offset = isSummerTime(d, minute: minute) ? 120 : 60
    var m = minute - offset
    var date = d
    if m < 0 {
      m += 1_440
      date = d.adding(days: -1)
    }
    return "\(iso(date))T\(time(m)):\(p2(second))Z"
  }
}
