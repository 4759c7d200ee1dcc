import SafetyCore

/// What one read saw: record and byte counts, the resolved encoding and every diagnostic
/// code with how often it occurred (also those beyond `CSVLimits.maxDiagnostics`).
public struct CSVReadSummary: Sendable, Hashable {
  /// Records delivered, the header record included.
  public var records: Int
  /// Bytes in the file, BOM included.
  public var bytes: Int
  /// The encoding the file was decoded with; never `.auto`.
  public var encoding: TextEncoding
  public var hadBOM: Bool
  public var diagnosticCounts: [DiagnosticCode: Int]

  public init(
    records: Int = 0, bytes: Int = 0, encoding: TextEncoding = .utf8, hadBOM: Bool = false,
    diagnosticCounts: [DiagnosticCode: Int] = [:]
  ) {
    self.records = records
    self.bytes = bytes
    self.encoding = encoding
    self.hadBOM = hadBOM
    self.diagnosticCounts = diagnosticCounts
  }

  /// Physical lines in the file (quoted newlines included, trailing line break not counted
  /// as an extra line).
  public var lines: Int = 0
}
