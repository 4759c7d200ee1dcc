import Reporting

/// A table of areas with their inhabitants and, per theme, the index badge (and open
/// flags when the store holds flags): the overview's wijken and a wijk's buurten. Names
/// link to the areas' pages.
struct AreaIndexTable {
  var report: SafetyReport
  /// The rows; `group` rows (a wijk above its buurten) are set in bold.
  var rows: [(area: AreaReport, group: Bool)]
  /// Open flags per area code, when the store holds flags.
  var openFlags: [String: Int]?

  func render() -> HTML {
    let t = ReportText(report)
    let renderer = HTMLReportRenderer(report)
    var head: HTML = "<th>\(t[.area])</th><th class=\"num\">\(t[.inhabitants])</th>"
    for theme in report.themes { head += "<th class=\"num\">\(theme.name)</th>" }
    if openFlags != nil { head += "<th class=\"num\">\(t[.openFlags])</th>" }
    var body = HTML.empty
    for (a, group) in rows {
      let cls: HTML = group ? " class=\"group\"" : ""
      body += "<tr\(cls)><td><a href=\"\(Links.areaPath(a.code))\">\(a.name)</a></td>"
      body += "<td class=\"num\">\(t.integer(a.population?.inhabitants))</td>"
      for theme in report.themes {
        let cell = a.theme(theme.id).map { renderer.indexBadge($0.index) } ?? "–"
        body += "<td class=\"num\">\(cell)</td>"
      }
      if let openFlags {
        let n = openFlags[a.code] ?? 0
        body +=
          "<td class=\"num\">\(n > 0 ? HTML("<strong>\(n)</strong>") : HTML("<span class=\"muted\">0</span>"))</td>"
      }
      body += "</tr>"
    }
    return """
      <div class="scroll"><table class="areas"><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody>\
      </table></div><p class="note">\(t[.indexExplanation]) \(t[.dashExplanation])</p>
      """
  }
}
