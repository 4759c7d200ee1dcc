/// Number and date formatting for what users read, without locale data from the system
/// (the output must be the same on every machine): Dutch `1.234,5`, English `1,234.5`.
public struct NumberFormatting: Sendable {
  public let language: DisplayLanguage

  public init(_ language: DisplayLanguage) { self.language = language }

  var decimalSeparator: Character { language == .nl ? "," : "." }
  var groupSeparator: Character { language == .nl ? "." : "," }

  /// An integer with group separators: `12.345` (nl) or `12,345` (en).
  public func integer(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(groupSeparator) }
      out.append(ch)
    }
    return value < 0 ? "-" + out : out
  }

  /// A decimal rounded half away from zero to `places` digits, with group separators.
  public func decimal(_ value: Double, places: Int = 1) -> String {
    guard value.isFinite else { return "–" }
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    let whole = Int(scaled / scale)
    let frac = Int(scaled - Double(whole) * scale)
    let sign = value < 0 && scaled > 0 ? "-" : ""
    guard places > 0 else { return sign + integer(whole) }
    let fracText = String(frac)
    let padded = String(repeating: "0", count: max(0, places - fracText.count)) + fracText
    return sign + integer(whole) + String(decimalSeparator) + padded
  }

  /// A signed percentage change: `+12 %` / `−3 %` (nl puts a space before `%`).
  public func percentChange(_ fraction: Double, places: Int = 0) -> String {
    guard fraction.isFinite else { return "–" }
    let text = decimal(abs(fraction) * 100, places: places)
    let sign = fraction > 0 ? "+" : (fraction < 0 && text != decimal(0, places: places) ? "−" : "")
    return sign + text + (language == .nl ? " %" : "%")
  }
}
