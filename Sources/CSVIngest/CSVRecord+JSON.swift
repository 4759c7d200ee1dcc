extension CSVRecord {
  /// Appends the record as one JSON array of strings (no line break) to `out`, decoding
  /// fields with the record's encoding and escaping as RFC 8259 requires.
  public func appendJSONArray(to out: inout [UInt8]) {
    out.append(UInt8(ascii: "["))
    for i in 0..<count {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      let field = self[i]
      if encoding == .utf8 || encoding == .auto {
        JSONText.appendString(field.bytes, to: &out)
      } else {
        JSONText.appendString(field.decoded(), to: &out)
      }
    }
    out.append(UInt8(ascii: "]"))
  }
}

/// JSON string escaping over UTF-8 bytes.
public enum JSONText {
  static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  /// Appends `"..."` for UTF-8 `bytes` (which must be valid UTF-8).
  public static func appendString(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    for b in bytes {
      switch b {
      case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
      case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case 0..<0x20, 0x7F:
        out.append(contentsOf: Array("\\u00".utf8))
        out.append(hex[Int(b >> 4)])
        out.append(hex[Int(b & 0xF)])
      default: out.append(b)
      }
    }
    out.append(UInt8(ascii: "\""))
  }

  public static func appendString(_ string: String, to out: inout [UInt8]) {
    var s = string
    s.withUTF8 { appendString(UnsafeRawBufferPointer($0), to: &out) }
  }
}
