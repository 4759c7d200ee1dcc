import SafetyCore

/// One normalised registration of a record-level source.
public struct NormalisedRecord: Sendable, Hashable {
  /// The keyed hash of the partner's key (nil when normalising without a hasher).
  public var key: KeyDigest?
  /// Category id local to the normaliser (`Normaliser.categories`).
  public var category: Int32
  /// Area index in the registry; `-1` is the unknown-area bucket.
  public var area: Int32
  /// The date as `CivilDate.dayNumber`.
  public var day: Int32

  public init(key: KeyDigest?, category: Int32, area: Int32, day: Int32) {
    self.key = key
    self.category = category
    self.area = area
    self.day = day
  }
}

/// One normalised row of an aggregated source.
public struct NormalisedCount: Sendable, Hashable {
  public var period: Period
  public var category: Int32
  public var area: Int32
  public var count: Int64

  public init(period: Period, category: Int32, area: Int32, count: Int64) {
    self.period = period
    self.category = category
    self.area = area
    self.count = count
  }
}

/// What became of one row.
public enum RowOutcome: Sendable, Hashable {
  case record(NormalisedRecord)
  case count(NormalisedCount)
  /// A row of a wide export: one count per count column that holds a figure (none when
  /// every cell is a missing marker).
  case counts([NormalisedCount])
  /// The row was rejected; a diagnostic says why.
  case rejected
  /// The row is no data: its area is one the source declares skipped (a total row).
  case skipped
}

/// Row counts of one export.
public struct RowStats: Sendable, Hashable, Codable {
  public var total = 0
  /// Rows read without a problem, including skipped total rows (`area.skip`).
  public var ok = 0
  public var rejected = 0
  /// Rows kept in the unknown-area bucket (included in `ok`).
  public var unknownArea = 0
  /// Rows whose category feeds no indicator (kept; included in `ok`).
  public var unmappedCategory = 0
  public init() {}

  public mutating func add(_ other: RowStats) {
    total += other.total
    ok += other.ok
    rejected += other.rejected
    unknownArea += other.unknownArea
    unmappedCategory += other.unmappedCategory
  }
}
