/// Rescans a record's raw bytes to find positions. Only used for diagnostics and on
/// request, never on the hot path: libcsv does not report byte positions.
enum RecordScanner {
  static let lf: UInt8 = 0x0A
  static let cr: UInt8 = 0x0D

  /// Byte offset in `raw` where field `field` starts (its opening quote if quoted). When
  /// the record has fewer fields, the offset of the record's end (its line break or the
  /// end of `raw`).
  static func fieldStartOffset(
    _ raw: UnsafeRawBufferPointer, field: Int, delimiter: UInt8, quote: UInt8
  ) -> Int {
    let n = raw.count
    var index = 0
    var i = 0
    var atStart = true
    var inQuotes = false
    while i < n {
      let b = raw[i]
      if atStart {
        if index == field { return i }
        atStart = false
        if b == quote {
          inQuotes = true
          i += 1
          continue
        }
      }
      if inQuotes {
        if b == quote {
          if i + 1 < n && raw[i + 1] == quote {
            i += 2
            continue
          }
          inQuotes = false
        }
        i += 1
        continue
      }
      if b == delimiter {
        index += 1
        atStart = true
      } else if b == lf || b == cr {
        return i
      }
      i += 1
    }
    return n
  }

  /// Offset of the opening quote of a quoted field still open at the end of `raw`, if any.
  static func openQuoteOffset(
    _ raw: UnsafeRawBufferPointer, delimiter: UInt8, quote: UInt8
  ) -> Int? {
    let n = raw.count
    var i = 0
    var atStart = true
    var open: Int? = nil
    while i < n {
      let b = raw[i]
      if open != nil {
        if b == quote {
          if i + 1 < n && raw[i + 1] == quote {
            i += 2
            continue
          }
          open = nil
        }
        i += 1
        continue
      }
      if atStart {
        atStart = false
        if b == quote {
          open = i
          i += 1
          continue
        }
      }
      if b == delimiter || b == lf || b == cr { atStart = true }
      i += 1
    }
    return open
  }

  /// Line and 1-based character column of `offset` in `raw`, whose first byte is at the
  /// start of line `startLine`.
  static func lineColumn(
    _ raw: UnsafeRawBufferPointer, offset: Int, startLine: Int, encoding: TextEncoding
  ) -> (line: Int, column: Int) {
    let end = min(max(offset, 0), raw.count)
    var line = startLine
    var lineStart = 0
    var i = 0
    while i < end {
      let b = raw[i]
      if b == lf {
        line += 1
        lineStart = i + 1
      } else if b == cr {
        if i + 1 < raw.count && raw[i + 1] == lf {
          // CRLF: counted at the LF (unless the offset points at the LF itself).
          if i + 1 == end {
            break
          }
        } else {
          line += 1
          lineStart = i + 1
        }
      }
      i += 1
    }
    let prefix = UnsafeRawBufferPointer(rebasing: raw[lineStart..<end])
    return (line, TextDecoding.characterCount(prefix, encoding) + 1)
  }
}
