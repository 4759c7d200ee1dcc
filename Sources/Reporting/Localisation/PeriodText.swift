import SafetyCore

/// Periods and dates as users read them, from the localisation table: "3e kwartaal 2024"
/// / "Q3 2024", "september 2024", "week 36 van 2024", "31 december 2024".
public struct PeriodText: Sendable {
  public let language: DisplayLanguage

  public init(_ language: DisplayLanguage) { self.language = language }

  static let months: [Label] = [
    .monthJanuary, .monthFebruary, .monthMarch, .monthApril, .monthMay, .monthJune, .monthJuly,
    .monthAugust, .monthSeptember, .monthOctober, .monthNovember, .monthDecember,
  ]
  static let shortMonths: [Label] = [
    .monthShortJanuary, .monthShortFebruary, .monthShortMarch, .monthShortApril,
    .monthShortMay, .monthShortJune, .monthShortJuly, .monthShortAugust,
    .monthShortSeptember, .monthShortOctober, .monthShortNovember, .monthShortDecember,
  ]

  /// In titles and sentences: "3e kwartaal 2024", "september 2024", "week 36 van 2024".
  public func long(_ period: Period) -> String {
    let first = period.firstDay
    switch period.kind {
    case .week:
      let w = ISOWeek(index: period.ordinal)
      return language.format(.periodWeekLong, w.week, w.year)
    case .month:
      return language.format(.periodMonthLong, language[Self.months[first.month - 1]], first.year)
    case .quarter:
      return language.format(.periodQuarterLong, (first.month - 1) / 3 + 1, first.year)
    case .year: return String(first.year)
    }
  }

  /// In table headings: "3e kw. 2024", "sep 2024", "wk 36 2024".
  public func short(_ period: Period) -> String {
    let first = period.firstDay
    switch period.kind {
    case .week:
      let w = ISOWeek(index: period.ordinal)
      return language.format(.periodWeekShort, w.week, w.year)
    case .month:
      return "\(language[Self.shortMonths[first.month - 1]]) \(first.year)"
    case .quarter:
      return language.format(.periodQuarterShort, (first.month - 1) / 3 + 1, first.year)
    case .year: return String(first.year)
    }
  }

  /// On chart axes: "wk 36 '24", "sep '24", "3e kw. '24", "2024".
  public func axis(_ period: Period) -> String {
    let first = period.firstDay
    let yy = "'" + String(String(first.year).suffix(2))
    switch period.kind {
    case .week:
      let w = ISOWeek(index: period.ordinal)
      return language.format(.periodWeekShort, w.week, "'" + String(String(w.year).suffix(2)))
    case .month: return "\(language[Self.shortMonths[first.month - 1]]) \(yy)"
    case .quarter: return language.format(.periodQuarterShort, (first.month - 1) / 3 + 1, yy)
    case .year: return String(first.year)
    }
  }

  /// "31 december 2024".
  public func date(_ day: CivilDate) -> String {
    "\(day.day) \(language[Self.months[day.month - 1]]) \(day.year)"
  }

  /// "1 juli – 30 september 2024"; the first year is left out when both share it.
  public func days(_ first: CivilDate, _ last: CivilDate) -> String {
    if first == last { return date(first) }
    let head =
      first.year != last.year
      ? date(first)
      : first.month == last.month
        ? "\(first.day)" : "\(first.day) \(language[Self.months[first.month - 1]])"
    return "\(head) – \(date(last))"
  }

  /// The days of a period: "2 – 8 september 2024" for a week.
  public func days(of period: Period) -> String { days(period.firstDay, period.lastDay) }
}
