import SafetyCore

/// A compiled period pattern for aggregated exports' period column.
///
/// Without a pattern the canonical forms are read (`2024-W36`, `2024-09`, `2024Q3`,
/// `2024`). Pattern letters: `yyyy` year, `ww`/`w` ISO week, `MM`/`M` month, `MMM`/`MMMM`
/// month name (`sep 2024`, `september 2024`; Dutch or English), `Q` quarter digit; text in single quotes and anything that is not a letter (and `W`) is literal:
/// `yyyyMM`, `MM-yyyy`, `yyyy-ww`, `yyyy-Www`, `yyyy-'Q'Q` (2024-Q3), `'K'Q yyyy` (K3 2024).
/// The pattern's fields must fit the column's kind.
///
/// A date pattern (`yyyy-MM-dd`, `dd-MM-yyyy`, `iso8601`, ... as for date columns) is
/// also a period pattern of any kind: the value is a day, counted in the week, month,
/// quarter or year that contains it (`2024-09-01` with `kind: month` is September 2024).
public struct PeriodPattern: Sendable, Hashable, CustomStringConvertible {
  enum Token: Sendable, Hashable {
    case year
    case week(fixed: Bool)
    case month(fixed: Bool)
    case monthName
    case quarter
    case literal(UInt8)
  }

  public let kind: PeriodKind
  public let description: String
  let tokens: [Token]?
  /// Set when the pattern is a date pattern.
  let date: DatePattern?

  /// Compiles `pattern` for periods of `kind`; nil when the pattern does not fit the kind.
  public init?(_ pattern: String?, kind: PeriodKind) {
    self.kind = kind
    guard let pattern else {
      description = "canonical"
      tokens = nil
      date = nil
      return
    }
    description = pattern
    if pattern.lowercased() == "iso8601" || (!pattern.contains("'") && pattern.contains("d")) {
      guard let date = DatePattern(pattern) else { return nil }
      self.date = date
      tokens = []
      return
    }
    date = nil
    var out: [Token] = []
    let chars = Array(pattern.utf8)
    var i = 0
    var fields: Set<UInt8> = []
    while i < chars.count {
      let c = chars[i]
      if c == UInt8(ascii: "'") {
        // 'text': literal letters (`yyyy-'Q'Q` for 2024-Q3, `'K'Q yyyy` for K3 2024).
        guard let close = chars[(i + 1)...].firstIndex(of: c), close > i + 1 else { return nil }
        for l in chars[(i + 1)..<close] { out.append(.literal(l)) }
        i = close + 1
        continue
      }
      var run = 1
      while i + run < chars.count, chars[i + run] == c { run += 1 }
      switch (c, run) {
      case (UInt8(ascii: "y"), 4): out.append(.year)
      case (UInt8(ascii: "w"), 1), (UInt8(ascii: "w"), 2): out.append(.week(fixed: run == 2))
      case (UInt8(ascii: "M"), 1), (UInt8(ascii: "M"), 2): out.append(.month(fixed: run == 2))
      case (UInt8(ascii: "M"), 3), (UInt8(ascii: "M"), 4): out.append(.monthName)
      case (UInt8(ascii: "Q"), 1): out.append(.quarter)
      default:
        if c == UInt8(ascii: "W") || !((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
          for _ in 0..<run { out.append(.literal(c)) }
          i += run
          continue
        }
        return nil
      }
      guard !fields.contains(c) else { return nil }
      fields.insert(c)
      i += run
    }
    let needed: UInt8? =
      switch kind {
      case .week: UInt8(ascii: "w")
      case .month: UInt8(ascii: "M")
      case .quarter: UInt8(ascii: "Q")
      case .year: nil
      }
    var expected: Set<UInt8> = [UInt8(ascii: "y")]
    if let needed { expected.insert(needed) }
    guard fields == expected else { return nil }
    tokens = out
  }

  /// Parses a value (surrounding spaces ignored); nil when it does not match.
  public func parse(_ text: String) -> Period? {
    var copy = text
    return copy.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
  }

  public func parse(_ raw: UnsafeRawBufferPointer) -> Period? {
    var start = 0
    var end = raw.count
    while start < end, raw[start] == 0x20 || raw[start] == 0x09 { start += 1 }
    while end > start, raw[end - 1] == 0x20 || raw[end - 1] == 0x09 { end -= 1 }
    if let date {
      guard case .success(let day) = date.parse(UnsafeRawBufferPointer(rebasing: raw[start..<end]))
      else { return nil }
      return Period(containing: day, kind: kind)
    }
    guard let tokens else {
      let text = String(decoding: UnsafeRawBufferPointer(rebasing: raw[start..<end]), as: UTF8.self)
      guard let p = Period(parsing: text), p.kind == kind else { return nil }
      return p
    }
    var p = start
    var year = 0
    var sub = 0
    for (n, token) in tokens.enumerated() {
      switch token {
      case .literal(let c):
        guard p < end, raw[p] == c else { return nil }
        p += 1
      case .year:
        guard let v = digits(raw, &p, end, min: 4, max: 4) else { return nil }
        year = v
      case .week(let fixed), .month(let fixed):
        guard let v = digits(raw, &p, end, min: fixed ? 2 : 1, max: 2) else { return nil }
        sub = v
      case .monthName:
        let dot = n + 1 < tokens.count && tokens[n + 1] == .literal(UInt8(ascii: "."))
        guard let v = MonthName.read(raw, &p, end, dotFollows: dot) else { return nil }
        sub = v
      case .quarter:
        guard let v = digits(raw, &p, end, min: 1, max: 1) else { return nil }
        sub = v
      }
    }
    guard p == end else { return nil }
    switch kind {
    case .week:
      guard let w = ISOWeek(year: year, week: sub) else { return nil }
      return .week(w)
    case .month:
      guard (1...12).contains(sub) else { return nil }
      return .month(year: year, month: sub)
    case .quarter:
      guard (1...4).contains(sub) else { return nil }
      return .quarter(year: year, quarter: sub)
    case .year:
      return .year(year)
    }
  }
}
