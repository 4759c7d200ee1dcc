import SafetyCore

/// Recognises the date formats a pipeline file can declare (see `DateColumn.format`):
/// `dd-MM-yyyy`, `d-M-yyyy`, `yyyy-MM-dd`, `dd/MM/yyyy`, `yyyyMMdd`, with month names
/// `d-MMM-yyyy`, `d MMM yyyy` (full names too), each optionally with ` HH:mm` or ` HH:mm:ss`,
/// and `iso8601`.
public enum DateFormatGuess {
  /// Most specific first: the first format every sampled value matches wins.
  public static let candidates: [String] = {
    var list: [String] = []
    for date in [
      "dd-MM-yyyy", "yyyy-MM-dd", "dd/MM/yyyy", "yyyyMMdd", "d-M-yyyy", "d-MMM-yyyy",
      "d MMM yyyy",
    ] {
      list.append(date)
      list.append(date + " HH:mm")
      list.append(date + " HH:mm:ss")
    }
    list.append("iso8601")
    return list
  }()

  /// True when `value` is a real date (and time) written in `format`.
  public static func matches(_ value: Substring, format: String) -> Bool {
    if format == "iso8601" { return matchesISO8601(value) }
    var v = value.utf8[...]
    var f = format.utf8[...]
    var year = 0
    var month = 0
    var day = 0
    while let fc = f.first {
      var run = 0
      while let c = f.first, c == fc {
        run += 1
        f = f.dropFirst()
      }
      if fc == UInt8(ascii: "M") && run >= 3 {
        // A month name (`sep`, `september`; an abbreviation's dot allowed).
        var name = ""
        while let c = v.first, (c | 0x20) >= 0x61, (c | 0x20) <= 0x7A {
          name.unicodeScalars.append(UnicodeScalar(c))
          v = v.dropFirst()
        }
        guard let number = MonthName.number(name) else { return false }
        if v.first == UInt8(ascii: "."), f.first != UInt8(ascii: "."), name.count <= 4 {
          v = v.dropFirst()
        }
        month = number
      } else if fc == UInt8(ascii: "d") || fc == UInt8(ascii: "M") || fc == UInt8(ascii: "y")
        || fc == UInt8(ascii: "H") || fc == UInt8(ascii: "m") || fc == UInt8(ascii: "s")
      {
        // `d`/`M` take one or two digits; others exactly `run` digits.
        let maxDigits = run == 1 ? 2 : run
        var digits = 0
        var number = 0
        while digits < maxDigits, let c = v.first, c >= 0x30, c <= 0x39 {
          number = number * 10 + Int(c - 0x30)
          digits += 1
          v = v.dropFirst()
        }
        guard digits >= run else { return false }
        switch fc {
        case UInt8(ascii: "d"): day = number
        case UInt8(ascii: "M"): month = number
        case UInt8(ascii: "y"): year = number
        case UInt8(ascii: "H"): guard number < 24 else { return false }
        default: guard number < 60 else { return false }
        }
      } else {
        for _ in 0..<run {
          guard v.first == fc else { return false }
          v = v.dropFirst()
        }
      }
    }
    return v.isEmpty && CivilDate(year: year, month: month, day: day) != nil
  }

  static func matchesISO8601(_ value: Substring) -> Bool {
    // yyyy-MM-ddTHH:mm[:ss[.fff]](Z|±hh:mm)
    guard let t = value.firstIndex(of: "T") else { return false }
    guard matches(value[..<t], format: "yyyy-MM-dd") else { return false }
    let rest = value[value.index(after: t)...]
    guard rest.count >= 6, rest.hasSuffix("Z") || rest.dropLast(6).count >= 5 else {
      return false
    }
    return rest.contains(":")
  }

  /// The first candidate that at least `share` of `values` (non-empty) match, if any.
  public static func guess(_ values: [Substring], share: Double = 0.95) -> String? {
    let present = values.filter { !$0.isEmpty }
    guard !present.isEmpty else { return nil }
    for format in candidates {
      let hits = present.reduce(0) { $0 + (matches($1, format: format) ? 1 : 0) }
      if Double(hits) >= share * Double(present.count) { return format }
    }
    return nil
  }
}
