/// Everything that controls one read: the dialect, the limits and the chunk size.
public struct CSVReadOptions: Sendable, Hashable {
  public var dialect: CSVDialect
  public var limits: CSVLimits
  /// Bytes read from the file at a time. Memory use is this plus the largest record.
  public var chunkSize: Int

  public init(dialect: CSVDialect = .init(), limits: CSVLimits = .init(), chunkSize: Int = 1 << 20)
  {
    self.dialect = dialect
    self.limits = limits
    self.chunkSize = max(16, chunkSize)
  }
}
