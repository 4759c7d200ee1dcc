import SafetyCore

/// What a column of a record-level export holds.
enum ColumnRole: Sendable {
  case key, date, area, category, label, personal, text, other
}

/// What a row renderer can look up.
struct RenderContext {
  let model: IntensityModel
  /// The year the export was made (decides which area code a partner writes).
  let exportYear: Int
  var registry: AreaRegistry { model.registry }
  var catalogue: Catalogue { model.catalogue }
  var timeline: Timeline { model.timeline }
  func townName(_ buurt: Int) -> String {
    registry.gemeenten[registry.buurten[buurt].gemeente].name
  }
}

/// How one record-level source writes its rows: dialect, columns, file names, and how a
/// row looks (also a broken one).
struct RecordFormat {
  var source: SourceID
  var dialect: ExportDialect
  var columns: [(name: String, role: ColumnRole)]
  /// Export period → file name.
  var fileName: (ExportPeriod) -> String
  var schedule: ScheduleKind
  /// Days of overlap with the previous export (`nil`: the whole previous period).
  var overlapDays: Int?
  /// Renders a row: the event, the category code and label to show.
  var render: (Event, String, String?, RenderContext) -> [String]
  /// A date text that cannot exist, in this source's date format.
  var impossibleDate: (Int, inout SeededRandom) -> String
  /// An area text the registry does not know, in this source's area style.
  var unknownArea: (Int, RenderContext, inout SeededRandom) -> String

  func index(of role: ColumnRole) -> Int? { columns.firstIndex { $0.role == role } }
  var personalColumns: [String] { columns.filter { $0.role == .personal }.map(\.name) }
}

/// How often a source exports.
enum ScheduleKind: Sendable {
  case weekly, monthly, quarterly
}

/// One export's own period.
struct ExportPeriod: Sendable {
  var year: Int
  /// Week, month or quarter number.
  var number: Int
  var days: Range<Int>
  var label: String
}

extension ScheduleKind {
  func periods(_ t: Timeline) -> [ExportPeriod] {
    switch self {
    case .weekly:
      return (0..<t.weekCount).map { w in
        let week = t.week(w)
        return ExportPeriod(
          year: week.year, number: week.week, days: t.days(ofWeek: w), label: week.description)
      }
    case .monthly:
      return t.months.map {
        ExportPeriod(
          year: $0.year, number: $0.month, days: $0.days,
          label: "\($0.year)-\(DateText.p2($0.month))")
      }
    case .quarterly:
      return t.quarters.map {
        ExportPeriod(
          year: $0.year, number: $0.quarter, days: $0.days, label: "\($0.year)Q\($0.quarter)")
      }
    }
  }
}
