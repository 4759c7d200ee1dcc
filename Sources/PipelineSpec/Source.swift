import SafetyCore

/// One partner export type. Columns are named, matched order-free and case- and
/// space-insensitively.
public struct Source: Sendable, Codable, Equatable {
  /// The partner organisation (`Politie`, `Woonpunt`, ...): convergence counts partners.
  public var partner: String
  /// `records` (one row per registration, with a key) or `aggregated` (counts).
  public var shape: SourceShape?
  /// File-name pattern matched in the inbox (`*` and `?`), e.g. `politie_misdrijven_*.csv`.
  public var files: String
  public var dialect: DialectSpec?
  /// Records: the column with the partner's registration key.
  public var key: String?
  /// Records: the date column and its format. Aggregated sources may use it too.
  public var date: DateColumn?
  /// Aggregated: the period column (instead of a date).
  public var period: PeriodColumn?
  public var area: AreaColumn
  /// The category column; absent when the whole export is one category (`value`).
  public var category: CategoryColumn?
  /// Aggregated: the count column.
  public var count: String?
  /// Aggregated, wide exports: several count columns, each one category named by its
  /// column (`[Huiselijk geweld, Jeugdoverlast]`); instead of `count` and `category`.
  public var counts: [String]?
  /// Aggregated: count cells holding one of these texts (trimmed; `""` is an empty cell)
  /// have no figure and count nothing, instead of rejecting the row (e.g. `["", "-", "."]`).
  public var missingCounts: [String]?
  /// Columns with personal data: dropped while parsing, never stored, logged or shown.
  public var personal: [String]?
}

public enum SourceShape: String, Sendable, Codable, Equatable, CaseIterable {
  case records, aggregated
}

/// The CSV dialect of an export. Defaults: `;`, `"`, `auto` encoding, header row.
public struct DialectSpec: Sendable, Codable, Equatable {
  /// One character: `;`, `,`, `|` or a tab (write `"\t"` or `tab`).
  public var delimiter: String?
  public var quote: String?
  /// `utf-8`, `windows-1252`, `iso-8859-1` or `auto`.
  public var encoding: String?
  public var header: Bool?
  /// Lines before the header row that are not part of the table (a report's title and
  /// date, as spreadsheet exports write them); default 0.
  public var skipLines: Int?
}

public struct DateColumn: Sendable, Codable, Equatable {
  public var column: String
  /// A date pattern: `dd-MM-yyyy`, `yyyy-MM-dd`, `d-M-yyyy`, `dd/MM/yyyy`, `yyyyMMdd`,
  /// optionally followed by a time (`dd-MM-yyyy HH:mm`), or `iso8601` for timestamps with
  /// a zone (converted to Europe/Amsterdam dates).
  public var format: String
}

public struct PeriodColumn: Sendable, Codable, Equatable {
  /// The period column; `*` when the periods are the columns (`Wijk;jan 2024;feb 2024`):
  /// every column whose name reads as a period is that period's count.
  public var column: String
  /// What one row counts: `week`, `month`, `quarter` or `year`.
  public var kind: PeriodKind
  /// Text form; default the canonical one (`2024-W36`, `2024-09`, `2024Q3`, `2024`).
  /// Other forms: `yyyyMM`, `MM-yyyy`, `yyyy-ww`, or a date pattern (`yyyy-MM-dd`: the
  /// period containing the day).
  public var format: String?
  /// The year in a column of its own (`Jaar` beside `Week`): the format then reads the
  /// year's value, a space, and the period column's value (default `yyyy w`, `yyyy M`,
  /// `yyyy Q`).
  public var yearColumn: String?

  /// Whether the periods are the columns (`column: "*"`).
  public var inHeader: Bool { column == "*" }

  /// The format the values are read with (the year column's default included).
  public var effectiveFormat: String? {
    guard yearColumn != nil, format == nil else { return format }
    switch kind {
    case .week: return "yyyy w"
    case .month: return "yyyy M"
    case .quarter: return "yyyy Q"
    case .year: return nil
    }
  }
}

public struct AreaColumn: Sendable, Codable, Equatable {
  public var column: String
  /// `code` (CBS codes), `name` (registry names and aliases), `postcode` (through the
  /// registry's postcode table) or `auto` (default: any of them).
  public var match: AreaMatch?
  /// Area texts that are no area: the total rows of a spreadsheet (`Totaal`, `Eindtotaal`).
  /// Such rows are skipped (matched as names are: case, accents and spaces aside).
  public var skip: [String]?
}

public enum AreaMatch: String, Sendable, Codable, Equatable, CaseIterable {
  /// `postcode`: Dutch postcodes (`1234 AB`, `1234AB` or `1234`) through `areas.postcodes`.
  case code, name, postcode, auto
}

public struct CategoryColumn: Sendable, Codable, Equatable {
  public var column: String?
  /// A fixed category for exports that hold one kind of registration.
  public var value: String?
}
