import CLibCSV
import SafetyCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The reading loop over libcsv for one byte range of a file (the whole file, or one chunk
/// of a parallel read).
///
/// libcsv reports fields and record ends but no byte positions. The engine therefore feeds
/// libcsv one *segment* at a time: the bytes up to and including the next line break (CR,
/// LF or CRLF). A record can only end at an unquoted line break, so at most one record ends
/// per segment, and it ends at the segment's end: the engine knows the line every record
/// starts on, and it delivers records after `csv_parse` returns (never inside a C frame).
/// The raw bytes of the record in progress stay in the buffer (it is compacted, not
/// overwritten), so columns are computed lazily by rescanning them.
///
/// One file on purpose: it is the ingest hot path, and its segment loop, buffer handling and
/// position bookkeeping share state that must stay in one non-copyable value to stay fast.
struct CSVEngine: ~Copyable {
  struct Config {
    var source: ByteSource
    var options: CSVReadOptions
    var context: RecordContext
    /// Byte range of the file to read.
    var start: Int
    var end: Int
    /// Line number at `start`.
    var firstLine: Int
    /// The range starts at the file's start: BOM, signature and header apply.
    var isFileStart: Bool
    /// The encoding to use; `.auto` resolves while reading.
    var encoding: TextEncoding
    /// Width records are checked against (known in advance for non-first chunks).
    var headerWidth: Int?
    /// The range ends at the file's end. Otherwise the range must end between records
    /// (checked: `ChunkBoundaryMismatch`), and trailing blank lines are kept for the caller.
    var isFileEnd: Bool = true
    /// The bytes were already checked for NUL bytes and invalid UTF-8 (parallel pre-pass).
    var prevalidated: Bool = false
  }

  /// A parallel chunk did not end between two records: its start was guessed wrong.
  struct ChunkBoundaryMismatch: Error {}

  static let lf: UInt8 = 0x0A
  static let cr: UInt8 = 0x0D
  static let rowNotBegun: Int32 = 0
  static let fieldBegun: Int32 = 2
  static let fieldMightHaveEnded: Int32 = 3

  let source: ByteSource
  let limits: CSVLimits
  let maxFieldBytes: Int
  let maxRecordBytes: Int
  let dialect: CSVDialect
  let context: RecordContext
  let chunkSize: Int
  let regionEnd: Int
  let isFileStart: Bool
  let isFileEnd: Bool
  let prevalidated: Bool
  /// File offset just past the last delivered record's raw bytes.
  var lastRecordEnd = 0

  // Buffer: buf[0..<end] holds bytes from file offset `bufBase`; pos is the next to feed.
  var buf: UnsafeMutablePointer<UInt8>
  var cap: Int
  var end = 0
  var pos = 0
  /// End of the bytes that may be fed: a UTF-8 character split at the end of the buffer
  /// waits for the next chunk (so every chunking feeds libcsv the same validated bytes).
  var safeEnd = 0
  var bufBase: Int
  var fileOffset: Int
  var eof = false

  // Lines and records.
  var line: Int
  var lineStart = 0
  var crAtEnd = false
  /// The first CR at or after `pos` (`Int.max`: none in the buffer; below `pos`: unknown).
  var crFrom = -1
  var recordStart = 0
  var recordLine = 0
  var records = 0
  var headerWidth: Int?
  var pendingBlankLines: [Int] = []
  /// A record began in this range (so empty lines before it are not trailing).
  var startedRecord = false
  var blankLineCount = 0

  // Encoding.
  var encoding: TextEncoding
  var hadBOM = false
  var validator = UTF8Validator()
  var checksUTF8: Bool
  var badOffset = Int.max
  var badDiagnostic: (code: DiagnosticCode, message: String)? = nil

  // Diagnostics.
  var counts: [DiagnosticCode: Int] = [:]
  var reported = 0

  // libcsv.
  let parser: UnsafeMutablePointer<csv_parser>
  let sink: UnsafeMutablePointer<FieldSink>
  /// libcsv's parser state and current field length, read after every segment (direct
  /// pointers: reading them through `parser.pointee` can copy the whole struct).
  let pstate: UnsafeMutablePointer<Int32>
  let entryPos: UnsafeMutablePointer<Int>

  init(_ config: Config) {
    source = config.source
    limits = config.options.limits
    maxFieldBytes = config.options.limits.maxFieldBytes
    maxRecordBytes = config.options.limits.maxRecordBytes
    dialect = config.options.dialect
    context = config.context
    chunkSize = config.options.chunkSize
    regionEnd = min(config.end, config.source.size)
    isFileStart = config.isFileStart
    isFileEnd = config.isFileEnd
    prevalidated = config.prevalidated
    cap = chunkSize + 4096
    buf = .allocate(capacity: cap)
    bufBase = config.start
    fileOffset = config.start
    line = config.firstLine
    headerWidth = config.headerWidth
    encoding = config.encoding
    checksUTF8 = !config.prevalidated && (config.encoding == .utf8 || config.encoding == .auto)
    parser = .allocate(capacity: 1)
    csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI))
    csv_set_delim(parser, config.options.dialect.delimiter)
    csv_set_quote(parser, config.options.dialect.quote)
    csv_set_space_func(parser, csvNoSpace)
    csv_set_blk_size(parser, 4096)
    let raw = UnsafeMutableRawPointer(parser)
    pstate = (raw + (MemoryLayout<csv_parser>.offset(of: \.pstate) ?? 0))
      .assumingMemoryBound(to: Int32.self)
    entryPos = (raw + (MemoryLayout<csv_parser>.offset(of: \.entry_pos) ?? 0))
      .assumingMemoryBound(to: Int.self)
    sink = .allocate(capacity: 1)
    sink.initialize(to: FieldSink(limits: config.options.limits, parser: parser))
  }

  deinit {
    sink.pointee.deallocate()
    csv_free(parser)
    parser.deallocate()
    sink.deinitialize(count: 1)
    sink.deallocate()
    buf.deallocate()
  }

  /// The encoding records are decoded with now (ASCII so far under `auto` reads as UTF-8).
  var resolvedEncoding: TextEncoding { encoding == .auto ? .utf8 : encoding }

  /// libcsv's parser state (0 = between records).
  var parserState: Int32 { pstate.pointee }

  // MARK: - Running

  /// Reads the whole range, delivering every record to `body`.
  mutating func run(
    report: (Diagnostic) -> Void, _ body: (borrowing CSVRecord) throws -> Void
  ) throws {
    let previous = pthread_getspecific(currentSinkKey)
    pthread_setspecific(currentSinkKey, sink)
    defer { pthread_setspecific(currentSinkKey, previous) }
    try refill(report: report)
    while true {
      if pos >= safeEnd {
        if eof && pos >= end { break }
        try refill(report: report)
        continue
      }
      if crAtEnd {
        crAtEnd = false
        if buf[pos] == Self.lf {
          // The LF of a CRLF split between two chunks: same line break.
          if badOffset <= pos { throw badByteError() }
          if csv_parse(parser, buf + pos, 1, csvFieldCallback, csvRecordCallback, sink) != 1 {
            throw parseError(at: pos)
          }
          pos += 1
          lineStart = pos
          continue
        }
      }
      try step(report: report, body)
    }
    try finish(report: report, body)
  }

  /// Feeds one segment to libcsv and delivers the record that ends with it, if any.
  @inline(__always)
  mutating func step(
    report: (Diagnostic) -> Void, _ body: (borrowing CSVRecord) throws -> Void
  ) throws {
    let segStart = pos
    var segEnd = safeEnd
    var hasBreak = false
    let remaining = safeEnd - pos
    let p = buf + pos
    // Next line break: LF, or CR when the buffer holds one before it.
    var breakAt = -1
    if let lfPtr = memchr(p, Int32(Self.lf), remaining) {
      breakAt = UnsafeMutableRawPointer(mutating: lfPtr) - UnsafeMutableRawPointer(p)
    }
    // Most files have no CR at all: `crFrom` is the first CR at or after `pos` (or beyond
    // the buffer), found once per chunk.
    if crFrom < pos {
      if let crPtr = memchr(p, Int32(Self.cr), end - pos) {
        crFrom = pos + (UnsafeMutableRawPointer(mutating: crPtr) - UnsafeMutableRawPointer(p))
      } else {
        crFrom = Int.max
      }
    }
    if crFrom < pos + (breakAt >= 0 ? breakAt : remaining) {
      breakAt = crFrom - pos
    }
    if breakAt >= 0 {
      hasBreak = true
      let j = pos + breakAt
      if buf[j] == Self.cr {
        if j + 1 < end {
          segEnd = buf[j + 1] == Self.lf ? j + 2 : j + 1
        } else {
          segEnd = j + 1
          if !eof { crAtEnd = true }
        }
      } else {
        segEnd = j + 1
      }
    }
    // A bad byte ahead: feed up to it (so that what precedes it is reported as in any
    // other chunking), then stop.
    let stopsAtBadByte = badOffset < segEnd
    if stopsAtBadByte {
      segEnd = max(badOffset, segStart)
      hasBreak = false
      crAtEnd = false
    }

    if pstate.pointee == Self.rowNotBegun {
      let length = segEnd - segStart
      if hasBreak && (length == 1 || (length == 2 && buf[segStart] == Self.cr)) {
        // An empty line between records: skipped, reported if a record follows.
        blankLineCount += 1
        if pendingBlankLines.count < limits.maxDiagnostics + 1 { pendingBlankLines.append(line) }
        line += 1
        lineStart = segEnd
        pos = segEnd
        return
      }
      if blankLineCount > 0 { flushBlankLines(report: report) }
      startedRecord = true
      recordStart = segStart
      recordLine = line
    }

    var from = segStart
    while true {
      let length = segEnd - from
      let consumed = csv_parse(
        parser, buf + from, length, csvFieldCallback, csvRecordCallback, sink)
      if consumed == length { break }
      from = try recoverFromQuoteError(at: from + consumed, report: report)
    }
    try checkLimits(upTo: segEnd)
    if stopsAtBadByte { throw badByteError() }
    if sink.pointee.ended != 0 {
      try deliver(rawEnd: segEnd, report: report, body)
    }
    if hasBreak {
      line += 1
      lineStart = segEnd
    }
    pos = segEnd
  }

  /// End of the range: finish libcsv (an open quote is an error) and deliver the last record.
  mutating func finish(
    report: (Diagnostic) -> Void, _ body: (borrowing CSVRecord) throws -> Void
  ) throws {
    if badOffset < Int.max { throw badByteError() }
    if !isFileEnd {
      guard parser.pointee.pstate == Self.rowNotBegun else { throw ChunkBoundaryMismatch() }
      return
    }
    if checksUTF8, case .invalid(let at) = validator.finish() {
      throw positionedError(
        .encodingError, "the file ends inside a UTF-8 character (truncated multi-byte sequence)",
        at: at)
    }
    let rawEnd = end
    if csv_fini(parser, csvFieldCallback, csvRecordCallback, sink) != 0 {
      let raw = UnsafeRawBufferPointer(start: buf + recordStart, count: max(0, end - recordStart))
      let open =
        RecordScanner.openQuoteOffset(raw, delimiter: dialect.delimiter, quote: dialect.quote)
        ?? 0
      let (l, c) = RecordScanner.lineColumn(
        raw, offset: open, startLine: recordLine, encoding: resolvedEncoding)
      throw Diagnostic.error(
        .unterminatedQuote,
        "quoted field is not closed before the end of the file (the file may be incomplete)",
        at: SourcePosition(file: context.file, line: l, column: c, record: records + 1))
    }
    if sink.pointee.overflow != 0 { throw overflowError(upTo: rawEnd) }
    if sink.pointee.ended != 0 {
      try deliver(rawEnd: rawEnd, report: report, body)
    }
  }

  // MARK: - Delivering

  @inline(__always)
  mutating func deliver(
    rawEnd: Int, report: (Diagnostic) -> Void, _ body: (borrowing CSVRecord) throws -> Void
  ) throws {
    records += 1
    lastRecordEnd = bufBase + rawEnd
    // Field by field: copying the whole C struct would cost a memcpy per record.
    let fieldCount = sink.pointee.field_count
    let record = CSVRecord(
      number: records, line: recordLine,
      isHeader: isFileStart && records == 1 && dialect.hasHeader,
      count: fieldCount, encoding: resolvedEncoding,
      fieldBytes: UnsafePointer(sink.pointee.bytes), fieldEnds: UnsafePointer(sink.pointee.ends),
      raw: UnsafeRawBufferPointer(start: buf + recordStart, count: rawEnd - recordStart),
      context: context)
    if headerWidth == nil || headerWidth != fieldCount
      || sink.pointee.byte_count == 0
    {
      checkRecord(record, report: report)
    }
    try body(record)
    sink.pointee.reset()
  }

  /// Empty lines are reported when a record follows them (trailing ones are silent).
  @inline(never)
  mutating func flushBlankLines(report: (Diagnostic) -> Void) {
    for blank in pendingBlankLines {
      emit(
        .warning(
          .blankRow, "empty line skipped",
          at: SourcePosition(file: context.file, line: blank, column: 1)), report: report)
    }
    if blankLineCount > pendingBlankLines.count {
      counts[.blankRow, default: 0] += blankLineCount - pendingBlankLines.count
    }
    pendingBlankLines.removeAll(keepingCapacity: true)
    blankLineCount = 0
  }

  /// Ragged rows, blank rows, header labels: non-fatal diagnostics.
  @inline(never)
  mutating func checkRecord(_ record: borrowing CSVRecord, report: (Diagnostic) -> Void) {
    if record.isHeader {
      headerWidth = record.count
      var seen: [String: Int] = [:]
      for i in 0..<record.count {
        let label = record[i].decoded().trimmingSpaces().lowercased()
        if label.isEmpty {
          emit(
            .warning(.blankHeader, "column \(i + 1) has no name", at: record.position(ofField: i)),
            report: report)
        } else if let first = seen[label] {
          emit(
            .warning(
              .duplicateHeader,
              "column \(i + 1) repeats the name of column \(first + 1)",
              at: record.position(ofField: i)), report: report)
        } else {
          seen[label] = i
        }
      }
      return
    }
    guard let width = headerWidth else {
      headerWidth = record.count
      return
    }
    if record.byteCount == 0 {
      emit(
        .warning(.blankRow, "record has no values (all fields are empty)", at: record.position),
        report: report)
    }
    if record.count < width {
      emit(
        .warning(
          .missingCell,
          "record has \(record.count) field\(record.count == 1 ? "" : "s"), expected \(width)",
          at: record.position(ofField: record.count)), report: report)
    } else if record.count > width {
      emit(
        .warning(
          .extraCell,
          "record has \(record.count) fields, expected \(width)",
          at: record.position(ofField: width)), report: report)
    }
  }

  mutating func emit(_ diagnostic: Diagnostic, report: (Diagnostic) -> Void) {
    counts[diagnostic.code, default: 0] += 1
    if reported < limits.maxDiagnostics {
      reported += 1
      report(diagnostic)
    }
  }

  // MARK: - Reading and validating

  /// Compacts the buffer (keeping the current line and the record in progress), reads the
  /// next chunk and checks it for NUL bytes and encoding errors.
  mutating func refill(report: (Diagnostic) -> Void) throws {
    let keepFrom =
      parser.pointee.pstate == Self.rowNotBegun ? min(lineStart, pos) : min(recordStart, lineStart)
    if keepFrom > 0 {
      let kept = end - keepFrom
      if kept > 0 { (buf).update(from: buf + keepFrom, count: kept) }
      end -= keepFrom
      pos -= keepFrom
      lineStart -= keepFrom
      recordStart -= keepFrom
      if badOffset < Int.max { badOffset -= keepFrom }
      if crFrom != Int.max { crFrom = -1 }
      validator.shift(by: keepFrom)
      bufBase += keepFrom
    }
    if cap - end < chunkSize {
      let newCap = end + chunkSize + 4096
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCap)
      grown.update(from: buf, count: end)
      buf.deallocate()
      buf = grown
      cap = newCap
    }
    let want = min(chunkSize, regionEnd - fileOffset)
    let n = want > 0 ? try source.read(into: buf + end, count: want, at: fileOffset) : 0
    if n == 0 {
      eof = true
      safeEnd = end
      return
    }
    let newStart = end
    if crFrom == Int.max { crFrom = -1 }  // new bytes may hold one
    end += n
    fileOffset += n
    if fileOffset >= regionEnd { eof = true }
    if isFileStart && bufBase == 0 && newStart == 0 {
      try checkSignature(report: report)
    }
    check(from: max(newStart, pos))
    safeEnd = checksUTF8 && validator.pending > 0 && !eof ? validator.leadOffset : end
  }

  /// NUL bytes (binary data) and invalid UTF-8 in buf[from..<end]: remembers the first.
  mutating func check(from: Int) {
    guard from < end, !prevalidated else { return }
    if let nul = memchr(buf + from, 0, end - from) {
      let at = UnsafeMutableRawPointer(mutating: nul) - UnsafeMutableRawPointer(buf)
      noteBad(
        at: at, .binaryFile,
        "the file contains a NUL byte: it is binary data (or UTF-16), not a CSV text file")
    }
    guard checksUTF8 else { return }
    // Plain ASCII blocks need no validation: a block is validated only when it has a high
    // byte or continues a character (the OR is a loop LLVM vectorises).
    let block = 256
    var at = from
    var decided = encoding != .auto
    while at < end {
      let blockEnd = min(at + block, end)
      if validator.pending == 0 && !hasHighByte(buf + at, blockEnd - at) {
        at = blockEnd
        continue
      }
      let piece = UnsafeRawBufferPointer(start: buf + at, count: blockEnd - at)
      switch validator.validate(piece, base: at) {
      case .valid:
        if !decided && validator.sawMultiByte {
          encoding = .utf8
          decided = true
        }
      case .invalid(let offset):
        if encoding == .auto && !validator.sawMultiByte {
          // Not UTF-8 at its first non-ASCII byte: a Windows-1252 export.
          encoding = .windows1252
          checksUTF8 = false
        } else {
          noteBad(at: offset, .encodingError, invalidUTF8Message(at: offset))
        }
        return
      }
      at = blockEnd
    }
  }

  mutating func noteBad(at: Int, _ code: DiagnosticCode, _ message: String) {
    if at < badOffset {
      badOffset = at
      badDiagnostic = (code, message)
    }
  }

  func invalidUTF8Message(at: Int) -> String {
    let hex = at < end ? String(buf[at], radix: 16, uppercase: true).leftPadded(to: 2) : "?"
    let how =
      encoding == .auto || encoding == .utf8 && dialect.encoding == .auto
      ? "the file looked like UTF-8 so far" : "the dialect says UTF-8"
    return
      "invalid UTF-8 (byte 0x\(hex)); \(how): if the export is Windows-1252 or ISO-8859-1, declare that encoding"
  }

  /// At the file's start: BOM, and signatures of files that are not CSV at all.
  mutating func checkSignature(report: (Diagnostic) -> Void) throws {
    let n = end
    func starts(with sig: [UInt8]) -> Bool {
      n >= sig.count && sig.indices.allSatisfy { buf[$0] == sig[$0] }
    }
    if starts(with: [0xEF, 0xBB, 0xBF]) {
      hadBOM = true
      pos = 3
      lineStart = 3
      if encoding == .windows1252 || encoding == .iso88591 {
        emit(
          .warning(
            .encodingMismatch,
            "the file starts with a UTF-8 byte-order mark but the dialect says \(encoding.rawValue); reading it as UTF-8",
            at: SourcePosition(file: context.file, line: 1, column: 1)), report: report)
      }
      encoding = .utf8
      checksUTF8 = !prevalidated
      return
    }
    let signatures: [([UInt8], String, DiagnosticCode)] = [
      ([0xFF, 0xFE], "a UTF-16 text file (little-endian BOM); save it as UTF-8", .encodingError),
      ([0xFE, 0xFF], "a UTF-16 text file (big-endian BOM); save it as UTF-8", .encodingError),
      ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (an Excel .xlsx workbook?), not CSV", .binaryFile),
      ([0xD0, 0xCF, 0x11, 0xE0], "an old Excel (.xls) or Office document, not CSV", .binaryFile),
      ([0x25, 0x50, 0x44, 0x46, 0x2D], "a PDF document, not CSV", .binaryFile),
      ([0x1F, 0x8B], "a gzip-compressed file; decompress it first", .binaryFile),
    ]
    for (sig, what, code) in signatures where starts(with: sig) {
      throw Diagnostic.error(
        code, "this is \(what)", at: SourcePosition(file: context.file, line: 1, column: 1))
    }
  }

  // MARK: - Errors

  func positionedError(_ code: DiagnosticCode, _ message: String, at offset: Int) -> Diagnostic {
    let from = min(lineStart, offset)
    let raw = UnsafeRawBufferPointer(start: buf + from, count: max(0, offset - from))
    let column = TextDecoding.characterCount(raw, resolvedEncoding) + 1
    // The record the offending byte belongs to (or would start).
    return Diagnostic.error(
      code, message,
      at: SourcePosition(file: context.file, line: line, column: column, record: records + 1))
  }

  func badByteError() -> Diagnostic {
    let (code, message) = badDiagnostic ?? (.encodingError, "invalid byte")
    return positionedError(code, message, at: badOffset)
  }

  /// libcsv (strict) stopped at a stray quote: report it, then let libcsv take that one byte
  /// leniently (the quote stays in the field as text) and go on. Returns the next offset.
  mutating func recoverFromQuoteError(at offset: Int, report: (Diagnostic) -> Void) throws -> Int {
    // A limit already exceeded wins (as it would if the chunk had ended here); the record
    // limit also stops libcsv (its buffer cannot grow).
    try checkLimits(upTo: offset)
    guard csv_error(parser) == CSV_EPARSE, offset < end else { throw parseError(at: offset) }
    var diagnostic = parseError(at: offset)
    diagnostic.severity = .warning
    emit(diagnostic, report: report)
    parser.pointee.status = 0
    csv_set_opts(parser, UInt8(CSV_STRICT_FINI))
    let consumed = csv_parse(parser, buf + offset, 1, csvFieldCallback, csvRecordCallback, sink)
    csv_set_opts(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI))
    guard consumed == 1 else { throw parseError(at: offset) }
    return offset + 1
  }

  func parseError(at offset: Int) -> Diagnostic {
    let status = csv_error(parser)
    if status == CSV_EPARSE {
      let quote = Character(Unicode.Scalar(dialect.quote))
      let message: String
      if parser.pointee.pstate == Self.fieldMightHaveEnded {
        message =
          "text after the closing quote of a quoted field (the quote is kept as text); a quote inside a quoted field must be doubled (\(quote)\(quote))"
      } else {
        message =
          "quote character inside an unquoted field (kept as text); quote the whole field and double the quote (\(quote)\(quote))"
      }
      return positionedError(.invalidQuote, message, at: offset)
    }
    let text = String(cString: csv_strerror(status))
    return positionedError(.parseError, "CSV parser failed: \(text)", at: offset)
  }

  /// Throws when the record so far exceeds a limit.
  @inline(__always)
  mutating func checkLimits(upTo rawEnd: Int) throws {
    let inField = entryPos.pointee
    if sink.pointee.overflow != 0 || inField > maxFieldBytes
      || sink.pointee.byte_count + inField > maxRecordBytes
    {
      throw limitExceeded(upTo: rawEnd)
    }
  }

  @inline(never)
  func limitExceeded(upTo rawEnd: Int) -> Diagnostic {
    if sink.pointee.overflow != 0 { return overflowError(upTo: rawEnd) }
    if entryPos.pointee > limits.maxFieldBytes {
      return limitError(.fieldTooLarge, field: sink.pointee.field_count, upTo: rawEnd)
    }
    return limitError(.recordTooLarge, field: sink.pointee.field_count, upTo: rawEnd)
  }

  func overflowError(upTo rawEnd: Int) -> Diagnostic {
    let s = sink.pointee
    switch s.overflowKind {
    case .recordTooWide:
      return limitError(.recordTooWide, field: s.overflow_field, upTo: rawEnd)
    case .recordTooLarge:
      return limitError(.recordTooLarge, field: s.overflow_field, upTo: rawEnd)
    case .fieldTooLarge, .none:
      return limitError(.fieldTooLarge, field: s.overflow_field, upTo: rawEnd)
    }
  }

  func limitError(_ code: DiagnosticCode, field: Int, upTo rawEnd: Int) -> Diagnostic {
    let raw = UnsafeRawBufferPointer(start: buf + recordStart, count: max(0, rawEnd - recordStart))
    let offset = RecordScanner.fieldStartOffset(
      raw, field: field, delimiter: dialect.delimiter, quote: dialect.quote)
    let (l, c) = RecordScanner.lineColumn(
      raw, offset: offset, startLine: recordLine, encoding: resolvedEncoding)
    let message: String
    switch code {
    case .recordTooWide:
      message = "record has more than \(limits.maxFields) fields (the limit)"
    case .recordTooLarge:
      message = "record is larger than \(byteText(limits.maxRecordBytes)) (the limit)"
    default:
      var text = "field \(field + 1) is larger than \(byteText(limits.maxFieldBytes)) (the limit)"
      if offset < raw.count && raw[offset] == dialect.quote {
        text += "; is the quote that opens it (line \(l), column \(c)) ever closed?"
      }
      message = text
    }
    return Diagnostic.error(
      code, message,
      at: SourcePosition(file: context.file, line: l, column: c, record: records + 1))
  }
}

/// True when a byte in `p[0..<count]` is 0x80 or above (a loop LLVM vectorises).
@inline(__always)
func hasHighByte(_ p: UnsafePointer<UInt8>, _ count: Int) -> Bool {
  var all: UInt8 = 0
  for k in 0..<count { all |= p[k] }
  return all & 0x80 != 0
}

func byteText(_ n: Int) -> String {
  if n >= 1 << 20 && n % (1 << 20) == 0 { return "\(n >> 20) MiB" }
  if n >= 1 << 10 && n % (1 << 10) == 0 { return "\(n >> 10) KiB" }
  return "\(n) bytes"
}

extension String {
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }

  /// Without leading and trailing spaces and tabs.
  func trimmingSpaces() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return String(s)
  }
}

extension CSVEngine {
  /// True when the last byte read was a line break (the last line is complete).
  var endsWithBreak: Bool { lineStart == end }
}
