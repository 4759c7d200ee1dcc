import Reporting

/// The overview: the open flags (by theme, kind and status, filters in the URL), what the
/// last run raised or escalated, a map of the municipality, and the wijken with their
/// index per theme.
struct OverviewPage {
  var report: SafetyReport
  /// The flags part (tiles, filters, list), rendered by the caller.
  var flagsSection: HTML
  /// Beside the map: the open flags per theme.
  var beside: HTML
  /// The map's fills (flag status when there are flags, else the chosen theme's index).
  var mapFills: [String: MapFill]
  var mapTitle: String
  var mapLegend: [(colour: String, text: String)]
  /// The theme picker for the index map (empty when the map shows flags).
  var themeChoice: HTML
  var openFlags: [String: Int]?

  var text: ReportText { ReportText(report) }

  func content() -> HTML {
    let t = text
    var out: HTML = """
      <h1>\(t[.overviewTitle])</h1><p class="lead">\(t[.overviewIntro]) \
      \(t.format(.dataThrough, t.periods.date(report.runDate)))</p>
      """
    out += flagsSection
    out +=
      "<div class=\"grid two\"><section class=\"card map\"><h2>\(mapTitle)</h2>\(themeChoice)\(map())</section>"
    out += "<section>\(beside)</section></div>"
    out +=
      "<section><h2>\(t[.overviewWijken]) <span class=\"sub\">\(t.periods.long(report.period.period))</span></h2>"
    out += AreaIndexTable(
      report: report, rows: report.areas(at: .wijk).map { ($0, false) }, openFlags: openFlags
    ).render()
    out += "</section>"
    return out
  }

  func map() -> HTML {
    let buurten = report.areas(at: .buurt).filter { report.boundaries[$0.code] != nil }
    let wijken = report.areas(at: .wijk).filter { report.boundaries[$0.code] != nil }
    let shapes = buurten.isEmpty ? wijken : buurten
    guard !shapes.isEmpty else { return "<p class=\"muted\">\(text[.legendNoData])</p>" }
    func area(_ a: AreaReport) -> AreaMap.Area? {
      report.boundaries[a.code].map { AreaMap.Area(code: a.code, name: a.name, geometry: $0) }
    }
    var map = AreaMap(
      title: mapTitle, areas: shapes.compactMap(area), fills: mapFills, legend: mapLegend)
    if !buurten.isEmpty {
      map.outlines = wijken.compactMap(area)
      map.labelOutlines = true
    }
    map.width = 600
    map.links = Dictionary(uniqueKeysWithValues: shapes.map { ($0.code, Links.areaPath($0.code)) })
    return map.svg(report.language)
  }
}
