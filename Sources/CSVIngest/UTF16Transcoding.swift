import SafetyCore

/// UTF-16 exports (Excel's "Unicode text", with a byte-order mark) read as UTF-8.
///
/// libcsv and the rest of the reader work on bytes in an ASCII-compatible encoding, so a
/// UTF-16 file is transcoded once, as a whole, into memory: UTF-8 with a byte-order mark,
/// which the reader then takes as the file's encoding. Lines and columns (counted in
/// characters) are the same in both. Memory grows with such a file (about 1.5 times its
/// size at most), so files above `maxBytes` are refused with a clear error.
enum UTF16Transcoding {
  /// The largest UTF-16 file transcoded (256 MiB): partner spreadsheets are far smaller.
  static let maxBytes = 256 << 20

  /// The byte order announced by a UTF-16 byte-order mark at the start, if any.
  static func byteOrder(of start: [UInt8]) -> Bool? {
    guard start.count >= 2 else { return nil }
    if start[0] == 0xFF && start[1] == 0xFE {
      // FF FE 00 00 is UTF-32 little-endian: not transcoded (the signature check names it).
      return start.count >= 4 && start[2] == 0 && start[3] == 0 ? nil : false
    }
    if start[0] == 0xFE && start[1] == 0xFF { return true }
    return nil
  }

  /// UTF-8 (with a byte-order mark) for the UTF-16 `bytes` after their own byte-order mark.
  /// Throws an `encoding-error` at the line and column of an unpaired surrogate or of an
  /// odd last byte.
  static func utf8(fromUTF16 bytes: [UInt8], bigEndian: Bool, file: String) throws(Diagnostic)
    -> [UInt8]
  {
    var out: [UInt8] = [0xEF, 0xBB, 0xBF]
    out.reserveCapacity(bytes.count + bytes.count / 2)
    var line = 1
    var column = 1
    var i = 2
    func unit(_ at: Int) -> UInt32 {
      bigEndian
        ? UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1])
        : UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at])
    }
    func failure(_ message: String) -> Diagnostic {
      .error(
        .encodingError, "\(message) in a UTF-16 file; save it again as UTF-8 or UTF-16",
        at: SourcePosition(file: file, line: line, column: column))
    }
    while i + 1 < bytes.count {
      var scalar = unit(i)
      i += 2
      if scalar >= 0xD800 && scalar <= 0xDBFF {
        guard i + 1 < bytes.count else { throw failure("a surrogate pair is cut off") }
        let low = unit(i)
        guard low >= 0xDC00 && low <= 0xDFFF else { throw failure("an unpaired surrogate") }
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        i += 2
      } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
        throw failure("an unpaired surrogate")
      }
      // Lines as the reader counts them: LF, CR and CRLF each end one.
      if scalar == 0x0A {
        if out.last != 0x0D { line += 1 }
        column = 1
      } else if scalar == 0x0D {
        line += 1
        column = 1
      } else {
        column += 1
      }
      append(scalar, to: &out)
    }
    if i < bytes.count { throw failure("an odd number of bytes (the file is cut off)") }
    return out
  }

  @inline(__always)
  static func append(_ scalar: UInt32, to out: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
      out.append(UInt8(scalar))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | scalar >> 6))
      out.append(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | scalar >> 12))
      out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      out.append(UInt8(0x80 | scalar & 0x3F))
    default:
      out.append(UInt8(0xF0 | scalar >> 18))
      out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
      out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      out.append(UInt8(0x80 | scalar & 0x3F))
    }
  }
}
