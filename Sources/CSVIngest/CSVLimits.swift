/// Limits that keep hostile or broken input from exhausting memory. Exceeding one is a
/// fatal error for the file (`field-too-large`, `record-too-wide`, `record-too-large`).
public struct CSVLimits: Sendable, Hashable {
  /// Largest field, in bytes after unquoting. Default 1 MiB.
  public var maxFieldBytes: Int
  /// Most fields in one record. Default 1024.
  public var maxFields: Int
  /// Diagnostics reported per file; the rest are only counted in the summary. Default 100.
  public var maxDiagnostics: Int
  /// Largest record, in bytes after unquoting (all fields together). Default 16 MiB.
  public var maxRecordBytes: Int

  public init(
    maxFieldBytes: Int = 1 << 20, maxFields: Int = 1024, maxDiagnostics: Int = 100,
    maxRecordBytes: Int = 16 << 20
  ) {
    self.maxFieldBytes = max(1, maxFieldBytes)
    self.maxFields = max(1, maxFields)
    self.maxDiagnostics = max(0, maxDiagnostics)
    self.maxRecordBytes = max(1, maxRecordBytes)
  }
}
