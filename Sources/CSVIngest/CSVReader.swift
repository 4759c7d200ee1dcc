import SafetyCore

/// Reads one CSV export through libcsv, streaming, in fixed-size chunks: memory is the chunk
/// size plus the largest record. See `docs/INGEST.md`.
public final class CSVReader {
  public let options: CSVReadOptions
  /// The name used in diagnostics (the path for files).
  public let name: String
  let source: ByteSource

  /// Opens a file. Throws an `io-error` diagnostic when it cannot be opened.
  public init(path: String, options: CSVReadOptions = .init()) throws {
    self.source = try ByteSource(path: path)
    self.name = path
    self.options = options
  }

  /// Reads from memory (tests, small inputs).
  public init(bytes: [UInt8], name: String, options: CSVReadOptions = .init()) {
    self.source = ByteSource(bytes: bytes, name: name)
    self.name = name
    self.options = options
  }

  /// Size of the input in bytes.
  public var byteCount: Int { source.size }

  /// Streams every record in order. Non-fatal problems (ragged rows: missing-cell /
  /// extra-cell relative to the header width, blank rows, duplicate or blank header labels)
  /// go to `onDiagnostic` (at most `limits.maxDiagnostics`, the rest counted) and the record
  /// is still delivered; empty lines are skipped (reported as `blank-row` unless trailing).
  /// Fatal problems (unterminated-quote at EOF, invalid-quote, encoding-error, binary-file,
  /// field-too-large, record-too-wide, record-too-large, empty-file, io-error) are thrown as
  /// `Diagnostic` with file:line:column. Errors thrown by `body` propagate unchanged.
  @discardableResult
  public func forEachRecord(
    onDiagnostic: (Diagnostic) -> Void = { _ in },
    _ body: (borrowing CSVRecord) throws -> Void
  ) throws -> CSVReadSummary {
    let context = RecordContext(
      file: name, delimiter: options.dialect.delimiter, quote: options.dialect.quote)
    var engine = CSVEngine(
      .init(
        source: source, options: options, context: context, start: 0, end: source.size,
        firstLine: 1, isFileStart: true, encoding: options.dialect.encoding, headerWidth: nil))
    try engine.run(report: onDiagnostic, body)
    if engine.records == 0 {
      throw Diagnostic.error(
        .emptyFile, "the file holds no records",
        at: SourcePosition(file: name, line: 1, column: 1))
    }
    var summary = CSVReadSummary(
      records: engine.records, bytes: source.size, encoding: engine.resolvedEncoding,
      hadBOM: engine.hadBOM, diagnosticCounts: engine.counts)
    summary.lines = engine.endsWithBreak ? engine.line - 1 : engine.line
    return summary
  }
}
