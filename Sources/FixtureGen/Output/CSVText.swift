/// How a partner writes its CSV exports.
public struct ExportDialect: Sendable, Hashable {
  public enum Encoding: String, Sendable, Hashable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
  }
  public var delimiter: Character = ";"
  public var encoding: Encoding = .utf8
  /// Line ending between records (and inside quoted multi-line fields).
  public var lineEnding: String = "\n"
  /// A UTF-8 byte-order mark first (what Excel writes as "CSV UTF-8").
  public var byteOrderMark = false
  /// Quote every field, not only those that need it.
  public var quoteAll = false
}

/// Builds CSV bytes in a dialect: quoting as RFC 4180 (a field with the delimiter, a quote
/// or a line break is quoted, quotes doubled), encoded as the partner encodes.
public struct CSVText {
  public let dialect: ExportDialect
  public private(set) var bytes: [UInt8] = []
  /// Byte offset where each record starts (for cutting a file short on purpose).
  public private(set) var recordOffsets: [Int] = []

  public init(_ dialect: ExportDialect) {
    self.dialect = dialect
    if dialect.byteOrderMark { bytes = [0xEF, 0xBB, 0xBF] }
  }

  public mutating func row(_ fields: [String]) {
    recordOffsets.append(bytes.count)
    let delimiter = dialect.delimiter.asciiValue ?? UInt8(ascii: ";")
    for (i, f) in fields.enumerated() {
      if i > 0 { bytes.append(delimiter) }
      append(field: f, delimiter: delimiter)
    }
    append(dialect.lineEnding)
  }

  /// The field as it appears in the file (quoted when needed), as text.
  public func quoted(_ field: String) -> String {
    var copy = CSVText(ExportDialect(delimiter: dialect.delimiter, quoteAll: dialect.quoteAll))
    copy.append(field: field, delimiter: dialect.delimiter.asciiValue ?? UInt8(ascii: ";"))
    return String(decoding: copy.bytes, as: UTF8.self)
  }

  private mutating func append(field: String, delimiter: UInt8) {
    let quote = UInt8(ascii: "\"")
    let needs =
      dialect.quoteAll
      || field.utf8.contains { $0 == delimiter || $0 == quote || $0 == 0x0A || $0 == 0x0D }
    if !needs {
      append(field)
      return
    }
    bytes.append(quote)
    if field.utf8.contains(quote) {
      append(field.replacingAll("\"", with: "\"\""))
    } else {
      append(field)
    }
    bytes.append(quote)
  }

  private mutating func append(_ s: String) {
    switch dialect.encoding {
    case .utf8: bytes.append(contentsOf: s.utf8)
    case .windows1252: bytes.append(contentsOf: Windows1252.encode(s))
    }
  }
}

extension String {
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    out.reserveCapacity(count)
    for ch in self {
      if ch == target { out += replacement } else { out.append(ch) }
    }
    return out
  }
}

/// Windows-1252 (the Western European code page Dutch Windows software still writes).
public enum Windows1252 {
  /// The characters at 0x80–0x9F; the rest of 0xA0–0xFF equals Latin-1.
  static let high: [UInt32: UInt8] = [
    0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86,
    0x2021: 0x87, 0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C,
    0x017D: 0x8E, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95,
    0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B,
    0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
  ]

  /// Encodes; characters outside the code page become `?` (as Windows does).
  public static func encode(_ s: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count)
    for u in s.unicodeScalars {
      if u.value < 0x80 || (0xA0...0xFF).contains(u.value) {
        out.append(UInt8(u.value))
      } else if let b = high[u.value] {
        out.append(b)
      } else {
        out.append(UInt8(ascii: "?"))
      }
    }
    return out
  }

  /// Decodes (used by the tests to read the exports back).
  public static func decode(_ bytes: [UInt8]) -> String {
    var reverse: [UInt8: UInt32] = [:]
    for (k, v) in high { reverse[v] = k }
    var scalars = String.UnicodeScalarView()
    for b in bytes {
      let value = b >= 0x80 && b < 0xA0 ? (reverse[b] ?? 0xFFFD) : UInt32(b)
      scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
    }
    return String(scalars)
  }
}
