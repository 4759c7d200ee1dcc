/// What `CSVSniffer` found.
public struct SniffResult: Sendable, Equatable {
  public var dialect: CSVDialect
  public var hadBOM: Bool
  /// Records looked at (header included).
  public var sampledRecords: Int
  public var columns: [ColumnProfile]
  /// `records` (one row per registration) or `aggregated` (a count column).
  public var shape: String
  public var key: String?
  public var dateColumn: String?
  public var dateFormat: String?
  public var area: String?
  /// `code` when the column holds CBS codes, `name` for local names.
  public var areaMatch: String?
  public var category: String?
  public var count: String?
  public var period: String?
  /// `week`, `month`, `quarter` or `year`.
  public var periodKind: String?
  public var personal: [String]

  public static func == (a: SniffResult, b: SniffResult) -> Bool {
    a.dialect == b.dialect && a.hadBOM == b.hadBOM && a.sampledRecords == b.sampledRecords
      && a.columns == b.columns && a.shape == b.shape && a.key == b.key
      && a.dateColumn == b.dateColumn && a.dateFormat == b.dateFormat && a.area == b.area
      && a.areaMatch == b.areaMatch && a.category == b.category && a.count == b.count
      && a.period == b.period && a.periodKind == b.periodKind && a.personal == b.personal
  }
}

/// One column as seen in the sample.
public struct ColumnProfile: Sendable, Equatable {
  public enum Kind: String, Sendable {
    case empty, date, period, areaCode, policeCode, integer, decimal, text
  }
  public var name: String
  public var index: Int
  public var kind: Kind
  /// For `date` columns: the format every sampled value matches.
  public var dateFormat: String?
  public var nonEmpty: Int
  public var distinct: Int
  /// For `period` columns: `week`, `month`, `quarter` or `year`.
  public var periodKind: String? = nil
}
