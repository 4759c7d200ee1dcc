/// The catalogue of diagnostic codes used across stages. Each stage may add its own codes;
/// list them here so that `docs/DIAGNOSTICS.md` has one source.
extension DiagnosticCode {
  // Reading (CSVIngest)
  public static let unterminatedQuote: DiagnosticCode = "unterminated-quote"
  public static let encodingError: DiagnosticCode = "encoding-error"
  public static let binaryFile: DiagnosticCode = "binary-file"
  public static let fieldTooLarge: DiagnosticCode = "field-too-large"
  public static let recordTooWide: DiagnosticCode = "record-too-wide"
  public static let missingCell: DiagnosticCode = "missing-cell"
  public static let extraCell: DiagnosticCode = "extra-cell"
  public static let blankRow: DiagnosticCode = "blank-row"
  public static let blankHeader: DiagnosticCode = "blank-label"
  public static let duplicateHeader: DiagnosticCode = "duplicate-label"
  public static let emptyFile: DiagnosticCode = "empty-file"
  public static let ioError: DiagnosticCode = "io-error"
  public static let parseError: DiagnosticCode = "parse-error"
  /// A quote inside an unquoted field, or text after a closing quote (strict RFC 4180).
  public static let invalidQuote: DiagnosticCode = "invalid-quote"
  /// All fields of one record together exceed the limit.
  public static let recordTooLarge: DiagnosticCode = "record-too-large"
  /// The declared encoding disagrees with the file (e.g. a UTF-8 BOM in a Windows-1252 file).
  public static let encodingMismatch: DiagnosticCode = "encoding-mismatch"

  // Interpreting cells (Normalise)
  public static let typeError: DiagnosticCode = "type-error"
  public static let missingColumn: DiagnosticCode = "missing-label"
  public static let constraintError: DiagnosticCode = "constraint-error"
  public static let invalidDate: DiagnosticCode = "invalid-date"
  public static let futureDate: DiagnosticCode = "future-date"
  public static let unknownArea: DiagnosticCode = "unknown-area"
  public static let unknownCategory: DiagnosticCode = "unknown-category"
  public static let duplicateKey: DiagnosticCode = "duplicate-key"

  // Configuration (PipelineSpec)
  public static let configError: DiagnosticCode = "config-error"
  public static let unknownKey: DiagnosticCode = "unknown-key"
  public static let missingFile: DiagnosticCode = "missing-file"
}
