/// Month names in dates and periods (`MMM`, `MMMM`): Dutch and English, abbreviated or in
/// full, any case (`sep`, `Sept`, `mrt`, `maart`, `March`, `okt.`).
enum MonthName {
  /// Lower-case name → month number.
  static let numbers: [String: Int] = {
    let names: [[String]] = [
      ["jan", "januari", "january"], ["feb", "februari", "february"],
      ["mrt", "maa", "mar", "maart", "march"], ["apr", "april"], ["mei", "may"],
      ["jun", "juni", "june"], ["jul", "juli", "july"], ["aug", "augustus", "august"],
      ["sep", "sept", "september"], ["okt", "oct", "oktober", "october"],
      ["nov", "november"], ["dec", "december"],
    ]
    var out: [String: Int] = [:]
    for (i, list) in names.enumerated() { for name in list { out[name] = i + 1 } }
    return out
  }()

  /// Reads a month name at `p` (ASCII letters; an abbreviation may end in a dot, taken when
  /// `dotFollows` is false, i.e. when the pattern does not write the dot itself).
  @inline(__always)
  static func read(
    _ raw: UnsafeRawBufferPointer, _ p: inout Int, _ end: Int, dotFollows: Bool
  ) -> Int? {
    var name: [UInt8] = []
    while p < end, name.count < 10 {
      let c = raw[p] | 0x20
      guard c >= 0x61, c <= 0x7A else { break }
      name.append(c)
      p += 1
    }
    guard let month = numbers[String(decoding: name, as: UTF8.self)] else { return nil }
    if !dotFollows, p < end, raw[p] == UInt8(ascii: "."), name.count <= 4 { p += 1 }
    return month
  }
}
