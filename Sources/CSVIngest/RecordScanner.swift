/// Rescans a record's raw bytes to find positions. Only used for diagnostics and on
/// request, never on the hot path: libcsv does not report byte positions.
enum RecordScanner {
  static let lf: UInt8 = 0x0A
  static let cr: UInt8 = 0x0D

  /// The states of libcsv's parser, which this scanner mirrors exactly (including its
  /// lenient reading of stray quotes), so that positions agree with what libcsv parsed.
  enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

  /// Walks `raw` like libcsv; calls `visit(offset, fieldIndex, state)` at each field start
  /// (state `.fieldStart`) and stops when it returns false. Returns where it stopped:
  /// the record's end (its unquoted line break) or `raw.count`.
  @inline(__always)
  static func walk(
    _ raw: UnsafeRawBufferPointer, delimiter: UInt8, quote: UInt8,
    _ visit: (_ offset: Int, _ field: Int, _ openQuote: Int?) -> Bool
  ) -> Int {
    var state = State.fieldStart
    var field = 0
    var openQuote: Int? = nil
    var i = 0
    while i < raw.count {
      let b = raw[i]
      switch state {
      case .fieldStart:
        if !visit(i, field, nil) { return i }
        if b == quote {
          state = .quoted
          openQuote = i
        } else if b == delimiter {
          field += 1
        } else if b == lf || b == cr {
          return i
        } else {
          state = .unquoted
        }
      case .unquoted:
        if b == delimiter {
          field += 1
          state = .fieldStart
        } else if b == lf || b == cr {
          return i
        }
      case .quoted:
        if b == quote { state = .quoteInQuoted }
      case .quoteInQuoted:
        if b == delimiter {
          field += 1
          state = .fieldStart
          openQuote = nil
        } else if b == lf || b == cr {
          return i
        } else {
          // A doubled quote, or (leniently) text after a stray quote: still quoted.
          state = .quoted
        }
      }
      i += 1
    }
    if state == .quoted { _ = visit(raw.count, -1, openQuote) }
    if state == .fieldStart { _ = visit(raw.count, field, nil) }
    return raw.count
  }

  /// Byte offset in `raw` where field `field` starts (its opening quote if quoted). When
  /// the record has fewer fields, the offset of the record's end (its line break or the
  /// end of `raw`).
  static func fieldStartOffset(
    _ raw: UnsafeRawBufferPointer, field: Int, delimiter: UInt8, quote: UInt8
  ) -> Int {
    var found: Int? = nil
    let end = walk(raw, delimiter: delimiter, quote: quote) { offset, index, _ in
      if index == field {
        found = offset
        return false
      }
      return true
    }
    return found ?? end
  }

  /// Offset of the opening quote of a quoted field still open at the end of `raw`, if any.
  static func openQuoteOffset(
    _ raw: UnsafeRawBufferPointer, delimiter: UInt8, quote: UInt8
  ) -> Int? {
    var open: Int? = nil
    _ = walk(raw, delimiter: delimiter, quote: quote) { _, index, openQuote in
      if index == -1 { open = openQuote }
      return true
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
