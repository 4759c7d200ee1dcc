import SafetyCore

/// One record, as a view into the reader's buffers: valid only during the record callback;
/// do not let it (or its fields) escape.
public struct CSVRecord {
  /// 1-based record number in the file (the header row, if any, is record 1). In a
  /// parallel read it counts within the chunk; see `CSVReader.forEachRecordInParallel`.
  public var number: Int
  /// 1-based physical line where the record starts.
  public var line: Int
  public var isHeader: Bool
  /// Number of fields.
  public var count: Int
  /// The encoding `CSVField.decoded()` uses.
  public var encoding: TextEncoding

  let fieldBytes: UnsafePointer<UInt8>
  let fieldEnds: UnsafePointer<Int>
  /// The record's raw bytes as they stand in the file (for positions).
  let raw: UnsafeRawBufferPointer
  unowned(unsafe) let context: RecordContext

  init(
    number: Int, line: Int, isHeader: Bool, count: Int, encoding: TextEncoding,
    fieldBytes: UnsafePointer<UInt8>, fieldEnds: UnsafePointer<Int>,
    raw: UnsafeRawBufferPointer, context: RecordContext
  ) {
    self.number = number
    self.line = line
    self.isHeader = isHeader
    self.count = count
    self.encoding = encoding
    self.fieldBytes = fieldBytes
    self.fieldEnds = fieldEnds
    self.raw = raw
    self.context = context
  }

  public subscript(i: Int) -> CSVField {
    precondition(i >= 0 && i < count, "field index \(i) out of range 0..<\(count)")
    let start = i == 0 ? 0 : fieldEnds[i - 1]
    return CSVField(
      bytes: UnsafeRawBufferPointer(start: fieldBytes + start, count: fieldEnds[i] - start),
      encoding: encoding)
  }

  /// Bytes of all fields together (after unquoting).
  public var byteCount: Int { count == 0 ? 0 : fieldEnds[count - 1] }

  /// Line and column (in characters) where field `i` starts: at its opening quote when
  /// quoted. `i == count` gives the position of the record's end (where a missing field
  /// would go). Computed on demand by rescanning the record.
  public func position(ofField i: Int) -> SourcePosition {
    let offset = RecordScanner.fieldStartOffset(
      raw, field: i, delimiter: context.delimiter, quote: context.quote)
    let (l, c) = RecordScanner.lineColumn(raw, offset: offset, startLine: line, encoding: encoding)
    return SourcePosition(file: context.file, line: l, column: c, record: number)
  }

  /// Position of the record's start.
  public var position: SourcePosition {
    SourcePosition(file: context.file, line: line, column: 1, record: number)
  }

  /// The fields decoded to strings (convenience, not for hot paths).
  public func strings() -> [String] {
    (0..<count).map { self[$0].decoded() }
  }

  /// The file name diagnostics use.
  public var file: String { context.file }
}

/// Per-read facts a record needs for positions; owned by the reader for the whole read.
final class RecordContext: Sendable {
  let file: String
  let delimiter: UInt8
  let quote: UInt8

  init(file: String, delimiter: UInt8, quote: UInt8) {
    self.file = file
    self.delimiter = delimiter
    self.quote = quote
  }
}
