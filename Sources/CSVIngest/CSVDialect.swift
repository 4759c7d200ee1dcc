/// How a CSV export is written: delimiter, quote character, encoding and header row.
public struct CSVDialect: Sendable, Hashable, Codable {
  public var delimiter: UInt8
  public var quote: UInt8
  public var encoding: TextEncoding
  public var hasHeader: Bool

  public init(
    delimiter: UInt8 = UInt8(ascii: ";"), quote: UInt8 = UInt8(ascii: "\""),
    encoding: TextEncoding = .auto, hasHeader: Bool = true
  ) {
    self.delimiter = delimiter
    self.quote = quote
    self.encoding = encoding
    self.hasHeader = hasHeader
  }
}

/// Text encodings partners export in.
public enum TextEncoding: String, Sendable, Hashable, Codable, CaseIterable {
  case utf8 = "utf-8"
  case windows1252 = "windows-1252"
  case iso88591 = "iso-8859-1"
  /// UTF-8 when the bytes are valid UTF-8 (with or without BOM), else Windows-1252.
  case auto
}
