/// Decoding field bytes to `String` for the supported encodings.
enum TextDecoding {
  /// Windows-1252 0x80...0x9F. The five bytes Windows-1252 leaves undefined (0x81, 0x8D,
  /// 0x8F, 0x90, 0x9D) map to the C1 controls of the same value, as the WHATWG encoding
  /// standard does; every other byte maps as in ISO-8859-1.
  static let windows1252High: [UInt16] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]

  static func scalar(_ byte: UInt8, _ encoding: TextEncoding) -> Unicode.Scalar {
    if encoding == .windows1252, (0x80...0x9F).contains(byte) {
      // Every table entry is a valid scalar (none is a surrogate).
      return Unicode.Scalar(windows1252High[Int(byte) - 0x80]) ?? "\u{FFFD}"
    }
    return Unicode.Scalar(byte)
  }

  static func decode(_ bytes: UnsafeRawBufferPointer, _ encoding: TextEncoding) -> String {
    switch encoding {
    case .utf8, .auto:
      return String(decoding: bytes, as: UTF8.self)
    case .windows1252, .iso88591:
      if !bytes.contains(where: { $0 >= 0x80 }) {
        return String(decoding: bytes, as: UTF8.self)
      }
      var s = String.UnicodeScalarView()
      for b in bytes { s.append(scalar(b, encoding)) }
      return String(s)
    }
  }

  /// Characters (Unicode scalars) in `bytes`, for column numbers.
  static func characterCount(_ bytes: UnsafeRawBufferPointer, _ encoding: TextEncoding) -> Int {
    switch encoding {
    case .utf8, .auto:
      var n = 0
      for b in bytes where b & 0xC0 != 0x80 { n += 1 }
      return n
    case .windows1252, .iso88591:
      return bytes.count
    }
  }
}
