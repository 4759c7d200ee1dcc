/// The granularity of a period.
public enum PeriodKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  case week, month, quarter, year

  private var rank: Int {
    switch self {
    case .week: 0
    case .month: 1
    case .quarter: 2
    case .year: 3
    }
  }
  public static func < (a: PeriodKind, b: PeriodKind) -> Bool { a.rank < b.rank }
}

/// A reporting period: an ISO week, a calendar month, a quarter or a year.
///
/// Stored compactly as a kind and an ordinal that increases by one per period, so periods
/// of one kind sort, subtract and index arrays directly:
/// - week: `ISOWeek.index`; month: `year * 12 + month - 1`; quarter: `year * 4 + q - 1`;
///   year: the year.
///
/// Text forms (also accepted by `init?(parsing:)`): `2024-W36`, `2024-09`, `2024Q3`, `2024`.
public struct Period: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public let kind: PeriodKind
  public let ordinal: Int

  public init(kind: PeriodKind, ordinal: Int) {
    self.kind = kind
    self.ordinal = ordinal
  }

  public static func week(_ w: ISOWeek) -> Period { Period(kind: .week, ordinal: w.index) }
  public static func month(year: Int, month: Int) -> Period {
    Period(kind: .month, ordinal: year * 12 + month - 1)
  }
  public static func quarter(year: Int, quarter: Int) -> Period {
    Period(kind: .quarter, ordinal: year * 4 + quarter - 1)
  }
  public static func year(_ y: Int) -> Period { Period(kind: .year, ordinal: y) }

  /// The period of `kind` that holds `date`. Weeks are ISO weeks; months, quarters and
  /// years are calendar ones.
  public init(containing date: CivilDate, kind: PeriodKind) {
    switch kind {
    case .week: self = .week(ISOWeek(containing: date))
    case .month: self = .month(year: date.year, month: date.month)
    case .quarter: self = .quarter(year: date.year, quarter: (date.month - 1) / 3 + 1)
    case .year: self = .year(date.year)
    }
  }

  /// This period rolled up to a coarser (or equal) kind. A week rolls up into the month,
  /// quarter and year of its Thursday (the ISO convention that gives every week to exactly
  /// one month); finer periods are exact.
  public func rolled(to target: PeriodKind) -> Period? {
    guard target >= kind else { return nil }
    if target == kind { return self }
    return Period(containing: representativeDate, kind: target)
  }

  /// The date used for roll-ups: a week's Thursday, otherwise the first day.
  public var representativeDate: CivilDate {
    kind == .week ? ISOWeek(index: ordinal).thursday : firstDay
  }

  /// First calendar day of the period (Monday for weeks).
  public var firstDay: CivilDate {
    switch kind {
    case .week: return ISOWeek(index: ordinal).monday
    case .month:
      return CivilDate(year: floorDiv(ordinal, 12), month: floorMod(ordinal, 12) + 1, day: 1)!
    case .quarter:
      return CivilDate(
        year: floorDiv(ordinal, 4), month: floorMod(ordinal, 4) * 3 + 1, day: 1)!
    case .year: return CivilDate(year: ordinal, month: 1, day: 1)!
    }
  }

  /// Last calendar day of the period (Sunday for weeks).
  public var lastDay: CivilDate { advanced(by: 1).firstDay.adding(days: -1) }

  public func advanced(by n: Int) -> Period { Period(kind: kind, ordinal: ordinal + n) }

  /// The same period one year earlier (same ISO week number where it exists, else week 52).
  public var previousYear: Period {
    switch kind {
    case .week:
      let w = ISOWeek(index: ordinal)
      let week = min(w.week, ISOWeek.weeksInYear(w.year - 1))
      return .week(ISOWeek(year: w.year - 1, week: week)!)
    case .month: return advanced(by: -12)
    case .quarter: return advanced(by: -4)
    case .year: return advanced(by: -1)
    }
  }

  public static func < (a: Period, b: Period) -> Bool {
    (a.kind, a.ordinal) < (b.kind, b.ordinal)
  }

  public var description: String {
    switch kind {
    case .week: return ISOWeek(index: ordinal).description
    case .month: return "\(pad(floorDiv(ordinal, 12), 4))-\(pad(floorMod(ordinal, 12) + 1, 2))"
    case .quarter: return "\(pad(floorDiv(ordinal, 4), 4))Q\(floorMod(ordinal, 4) + 1)"
    case .year: return pad(ordinal, 4)
    }
  }

  /// Parses `2024-W36`, `2024-09`, `2024Q3` (also `2024-Q3`) and `2024`.
  public init?(parsing text: some StringProtocol) {
    let s = Array(String(text.trimmingSpaces()).uppercased())
    func int(_ chars: ArraySlice<Character>) -> Int? {
      guard !chars.isEmpty, chars.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
      return Int(String(chars))
    }
    guard s.count >= 4, let y = int(s[0..<4]) else { return nil }
    let rest = s[4...]
    if rest.isEmpty {
      self = .year(y)
    } else if rest.starts(with: ["-", "W"]) {
      guard let w = int(rest.dropFirst(2)), rest.count <= 4, let week = ISOWeek(year: y, week: w)
      else { return nil }
      self = .week(week)
    } else if rest.starts(with: ["Q"]) || rest.starts(with: ["-", "Q"]) {
      let digits = rest.drop(while: { $0 == "-" || $0 == "Q" })
      guard digits.count == 1, let q = int(digits), (1...4).contains(q) else { return nil }
      self = .quarter(year: y, quarter: q)
    } else if rest.first == "-" {
      let digits = rest.dropFirst()
      guard digits.count == 2, let m = int(digits), (1...12).contains(m) else { return nil }
      self = .month(year: y, month: m)
    } else {
      return nil
    }
  }

  /// Coding uses the text form (`"2024-W36"`), which is what users read and write.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let p = Period(parsing: text) else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription: "not a period (2024-W36, 2024-09, 2024Q3 or 2024): \(text)"))
    }
    self = p
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }
}

@inline(__always) func floorDiv(_ a: Int, _ b: Int) -> Int {
  let q = a / b
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
@inline(__always) func floorMod(_ a: Int, _ b: Int) -> Int { a - floorDiv(a, b) * b }
