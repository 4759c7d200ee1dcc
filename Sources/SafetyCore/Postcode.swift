/// Dutch postcodes as partners write them (`1234 AB`, `1234ab`, `1234`).
public enum Postcode {
  /// The postcode in its matched form: `1234AB` (PC6) or `1234` (PC4), upper case, spaces
  /// (also tabs and no-break spaces) dropped; nil for anything else.
  public static func key(_ text: some StringProtocol) -> String? {
    let kept = text.unicodeScalars.filter { $0 != " " && $0 != "\t" && $0 != "\u{A0}" }
    let bytes = kept.compactMap { $0.isASCII ? UInt8($0.value) : nil }
    guard bytes.count == kept.count, bytes.count == 4 || bytes.count == 6,
      bytes[0] >= 0x31, bytes[0] <= 0x39, bytes[1...3].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
    else { return nil }
    let letters = bytes.dropFirst(4).map { $0 & ~0x20 }
    guard letters.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return nil }
    return String(decoding: bytes.prefix(4) + letters, as: UTF8.self)
  }
}
