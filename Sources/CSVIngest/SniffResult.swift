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
  /// Lines above the header that are no part of the table (a report's title).
  public var skipLines = 0
  /// The period column's format when it is not the canonical one (`MMM yyyy`).
  public var periodFormat: String? = nil
  /// The year column beside a week, month or quarter column (`Jaar` beside `Week`).
  public var yearColumn: String? = nil
  /// A wide export's count columns (one category each).
  public var counts: [String] = []
  /// Count-cell texts that mean "none" (`""`, `-`).
  public var missingCounts: [String] = []
  /// Area texts of total rows (`Totaal`).
  public var skipAreas: [String] = []
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
  /// For `period` columns in another form than the canonical: its format (`MMM yyyy`).
  public var periodFormat: String? = nil
  /// For `integer` columns: the smallest and largest value.
  public var range: ClosedRange<Int>? = nil
  /// Empty cells and `-` among the values (taken as "none" in number columns).
  public var hasBlanks = false
  public var hasDashes = false
  /// A value naming a total row (`Totaal`, `Eindtotaal`, `Total`), as written.
  public var totalLabel: String? = nil
  /// Dutch postcodes (PC6 or PC4) in at least 95 % of the values.
  public var isPostcode = false
  /// The letter of quarters written as a letter and a digit (`K` for `K3`, `Q` for `Q3`).
  public var quarterLetter: Character? = nil
}
