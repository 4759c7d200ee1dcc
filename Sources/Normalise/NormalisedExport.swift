import SafetyCore

/// Everything one export became: its records (record-level sources) or counts (aggregated
/// sources), the categories they use, row counts and diagnostics. This is what the store
/// applies in one transaction.
public struct NormalisedExport: Sendable {
  public var source: String
  public var periodKind: PeriodKind
  /// Normalised category names by local id.
  public var categories: [String] = []
  /// For each local category id, the indices of the indicators it feeds.
  public var categoryIndicators: [[Int]] = []
  public var records: [NormalisedRecord] = []
  public var counts: [NormalisedCount] = []
  public var stats = RowStats()
  /// Rows whose key appeared again later in the same export (the later row is kept).
  public var duplicateKeys = 0
  public var diagnostics: [Diagnostic] = []
  public var diagnosticCounts: [DiagnosticCode: Int] = [:]
  public var unknownAreaLabels: [String: Int] = [:]

  public init(source: String, periodKind: PeriodKind) {
    self.source = source
    self.periodKind = periodKind
  }

  public mutating func append(_ outcome: RowOutcome) {
    switch outcome {
    case .record(let r): records.append(r)
    case .count(let c): counts.append(c)
    case .counts(let c): counts.append(contentsOf: c)
    case .rejected, .skipped: break
    }
  }

  /// Takes the normaliser's categories, counts and diagnostics once all rows are in, and
  /// keeps only the last row of each key.
  public mutating func finish(with normaliser: Normaliser) {
    categories = normaliser.categories
    categoryIndicators = normaliser.categoryIndicators
    stats = normaliser.stats
    diagnostics = normaliser.diagnostics
    diagnosticCounts = normaliser.diagnosticCounts
    unknownAreaLabels = normaliser.unknownAreaLabels
    deduplicateKeys()
  }

  /// Keeps the last row per key (rows stay in file order).
  mutating func deduplicateKeys() {
    guard records.count > 1, records.first?.key != nil else { return }
    var last: [KeyDigest: Int] = Dictionary(minimumCapacity: records.count)
    for (i, r) in records.enumerated() {
      if let key = r.key { last[key] = i }
    }
    guard last.count < records.count else { return }
    duplicateKeys = records.count - last.count
    records = records.enumerated().compactMap { i, r in
      guard let key = r.key, last[key] == i else { return nil }
      return r
    }
  }

  /// The share of rows rejected (0 for an empty export).
  public var rejectedShare: Double {
    stats.total == 0 ? 0 : Double(stats.rejected) / Double(stats.total)
  }
}
