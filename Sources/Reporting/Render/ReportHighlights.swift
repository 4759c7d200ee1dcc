import SafetyCore

/// The report's key messages, derived from the model only (so every format says the same):
/// the largest changes, the wijken well above the municipal level, the flags, municipal
/// alarms in the period, and incomplete data.
public struct ReportHighlights: Sendable {
  /// A significant change (`ChangeTest`) at least this large (either way) against the
  /// comparison is worth a line.
  public static let notableChange = 0.1
  /// An index at least this high is worth a line.
  public static let notableIndex = 150.0
  public static let maxItems = 4

  public struct Change: Sendable, Hashable {
    public var indicator: String
    public var theme: String
    public var change: Double
    public var before: DisclosedCount
    public var after: DisclosedCount
    public var comparison: ReportComparison
  }

  public struct HighArea: Sendable, Hashable {
    public var area: String
    public var theme: String
    public var index: Double
  }

  public struct Alarm: Sendable, Hashable {
    public var indicator: String
    public var periods: [Period]
  }

  /// Indicators with the largest rises against the main comparison (last year, else the
  /// previous period), largest first.
  public var rises: [Change]
  /// Indicators with the largest falls.
  public var falls: [Change]
  /// Wijken with a theme index of at least `notableIndex`, highest first.
  public var highAreas: [HighArea]
  /// Indicators whose municipal series alarmed inside the period.
  public var alarms: [Alarm]
  /// Indicators whose figures are incomplete or missing for the period.
  public var incomplete: [String]
  /// Indicators without figures in this kind of period (their sources deliver coarser).
  public var coarser: [String]
  /// The comparison rises and falls are measured against.
  public var mainComparison: ReportComparison?

  public init(_ report: SafetyReport) {
    let comparisonIndex =
      report.comparisons.firstIndex { $0.role == .chosen }
      ?? report.comparisons.firstIndex { $0.role == .sameLastYear }
      ?? (report.comparisons.isEmpty ? nil : 0)
    mainComparison = comparisonIndex.map { report.comparisons[$0] }
    var changes: [Change] = []
    var alarms: [Alarm] = []
    var incomplete: [String] = []
    var coarser: [String] = []
    for theme in report.themes {
      for indicator in theme.indicators {
        switch indicator.availability {
        case .complete: break
        case .coarserThanPeriod: coarser.append(indicator.id)
        case .incomplete, .noData: incomplete.append(indicator.id)
        }
        if let chart = indicator.chart {
          let inPeriod = chart.points.filter {
            $0.alarm && $0.period.rolled(to: report.period.kind) == report.period.period
          }
          if !inPeriod.isEmpty {
            alarms.append(Alarm(indicator: indicator.id, periods: inPeriod.map(\.period)))
          }
        }
        guard let ci = comparisonIndex, let figures = indicator.figures,
          ci < figures.compared.count
        else { continue }
        let compared = figures.compared[ci]
        guard let change = compared.change.number, compared.significant,
          abs(change) >= Self.notableChange
        else {
          continue
        }
        changes.append(
          Change(
            indicator: indicator.id, theme: theme.id, change: change, before: compared.count,
            after: figures.count, comparison: report.comparisons[ci]))
      }
    }
    rises = Array(
      changes.filter { $0.change > 0 }.sorted {
        ($0.change, $1.indicator) > ($1.change, $0.indicator)
      }
      .prefix(Self.maxItems))
    falls = Array(
      changes.filter { $0.change < 0 }.sorted {
        ($0.change, $0.indicator) < ($1.change, $1.indicator)
      }
      .prefix(Self.maxItems))
    var high: [HighArea] = []
    for area in report.areas(at: .wijk) {
      for t in area.themes {
        if let index = t.index.number, index >= Self.notableIndex {
          high.append(HighArea(area: area.code, theme: t.theme, index: index))
        }
      }
    }
    highAreas = Array(
      high.sorted { ($0.index, $1.area, $1.theme) > ($1.index, $0.area, $0.theme) }.prefix(
        Self.maxItems + 2))
    self.alarms = alarms
    self.incomplete = incomplete
    self.coarser = coarser
  }

  /// The messages as sentences, in order.
  public func sentences(_ text: ReportText) -> [String] {
    var out: [String] = []
    if let flags = text.report.flags {
      let open = flags.flags.filter { $0.status.isOpen }.count
      out.append(
        text.format(.highlightFlags, flags.new.count, flags.escalated.count, open))
      let wijken = text.report.areas(at: .wijk).filter { $0.flags.open > 0 }
        .sorted { ($0.flags.open, $1.name) > ($1.flags.open, $0.name) }
      if !wijken.isEmpty {
        out.append(
          text.format(
            .highlightFlagWijken, text.list(wijken.map { "\($0.name) (\($0.flags.open))" })))
      }
    }
    func changeText(_ c: Change) -> String {
      "\(text.indicatorName(c.indicator)) \(text.numbers.percentChange(c.change)) "
        + "(\(text.count(c.before)) → \(text.count(c.after)))"
    }
    if let first = rises.first {
      out.append(
        text.format(
          .highlightRises, text.periods.long(first.comparison.period.period),
          text.list(rises.map(changeText))))
    }
    if let first = falls.first {
      out.append(
        text.format(
          .highlightFalls, text.periods.long(first.comparison.period.period),
          text.list(falls.map(changeText))))
    }
    if rises.isEmpty, falls.isEmpty, let c = mainComparison {
      out.append(text.format(.highlightNoChanges, text.periods.long(c.period.period)))
    }
    if !highAreas.isEmpty {
      let items = highAreas.map {
        "\(text.areaName($0.area)) (\(text.themeName($0.theme)), \(text.numbers.decimal($0.index, places: 0)))"
      }
      out.append(text.format(.highlightHighAreas, text.list(items)))
    }
    if !alarms.isEmpty {
      let items = alarms.map { a in
        "\(text.indicatorName(a.indicator)) (\(a.periods.map(text.periods.short).joined(separator: ", ")))"
      }
      out.append(text.format(.highlightAlarms, text.list(items)))
    }
    if !incomplete.isEmpty {
      out.append(
        text.format(.highlightIncomplete, text.list(incomplete.map(text.indicatorName))))
    }
    if !coarser.isEmpty {
      out.append(
        text.format(
          .highlightCoarser, text.periodKind(text.report.period.kind),
          text.list(coarser.map(text.indicatorName))))
    }
    if out.isEmpty { out.append(text[.highlightNothing]) }
    return out
  }
}
