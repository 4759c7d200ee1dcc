/// One chunk of a parallel read: a byte range that starts and ends between records.
public struct CSVChunk: Sendable, Hashable {
  /// 0-based position of the chunk in the file.
  public var index: Int
  /// Bytes of the file the chunk covers.
  public var byteRange: Range<Int>
  /// Physical line at which the chunk starts.
  public var firstLine: Int
}

/// A chunk after reading: where its records fall in the whole file.
public struct CSVChunkSummary: Sendable, Hashable {
  public var chunk: CSVChunk
  /// File record number of the chunk's first record (`CSVRecord.number` counts within the
  /// chunk: the absolute number is `firstRecordNumber + record.number - 1`).
  public var firstRecordNumber: Int
  public var records: Int
}

/// The result of `CSVReader.forEachRecordInParallel`: one partial result per chunk, in file
/// order, for a deterministic merge.
public struct CSVParallelResult<Partial: Sendable>: Sendable {
  public var partials: [Partial]
  public var chunks: [CSVChunkSummary]
  public var summary: CSVReadSummary
  /// False when the planned split failed verification and the file was read on one core
  /// (e.g. stray quotes fooled the boundary search). The result is the same either way.
  public var ranInParallel: Bool
}
