import SafetyCore

/// Renders a report as one self-contained HTML file: inline CSS and SVG, no scripts, no
/// network (a Content-Security-Policy forbids every outside resource), A4 print styles.
/// Everything that came from input is escaped by `HTML` interpolation.
public struct HTMLReportRenderer: Sendable {
  public let report: SafetyReport
  let text: ReportText

  public init(_ report: SafetyReport) {
    self.report = report
    text = ReportText(report)
  }

  /// The report's style sheet (for pages that embed its sections).
  public var styleSheet: String {
    ReportStyle.css(footer: text.fullTitle, pageLabel: text[.page], ofLabel: text[.pageOf])
  }

  /// The whole document.
  public func render() -> String {
    let css = styleSheet
    var body: HTML = cover() + tableOfContents()
    body += section("summary", text[.sectionSummary], summary(), first: true)
    if let flags = report.flags {
      body += section("flags", text[.sectionFlags], flagSection(flags))
    }
    body += section("themes", text[.sectionThemes], themeSections())
    body += section("wijken", text[.sectionWijken], wijkSection())
    if !report.boundaries.isEmpty {
      body += section("map", text[.sectionMap], mapSection())
    }
    body += section("buurten", text[.sectionBuurten], buurtSection())
    body += section("methods", text[.sectionMethods], methodsSection())
    let doc: HTML = """
      <!DOCTYPE html>
      <html lang="\(report.language.rawValue)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
      <meta name="generator" content="safety-monitor">
      <title>\(text.fullTitle)</title>
      <style>
      \(HTML(unescaped: css))
      </style>
      </head>
      <body>
      <main>
      \(body)
      <footer>\(footerText())</footer>
      </main>
      </body>
      </html>

      """
    return doc.rendered
  }

  func section(_ id: String, _ title: String, _ content: HTML, first: Bool = false) -> HTML {
    let cls: HTML = first ? " class=\"first\"" : ""
    return "<section id=\"\(id)\"\(cls)>\n<h2>\(title)</h2>\n\(content)\n</section>\n"
  }

  func cover() -> HTML {
    var out: HTML = "<header class=\"cover\">\n"
    out += "<h1>\(text.documentTitle) \(text.placeName)</h1>\n"
    let period = report.period.period
    out +=
      "<p class=\"subtitle\">\(text.periods.long(period)) <span class=\"muted\">(\(text.periods.days(of: period)))</span></p>\n"
    if report.municipality != nil, report.title != text.placeName {
      out += "<p class=\"meta\">\(report.title)</p>\n"
    }
    var meta: [String] = []
    if !report.comparisons.isEmpty {
      meta.append(text.format(.comparedWithSentence, text.comparedWith))
    }
    meta.append("\(text[.generatedOn]) \(text.periods.date(report.runDate))")
    out += "<p class=\"meta\">\(meta.joined(separator: " · "))</p>\n"
    if report.syntheticData {
      out += "<p class=\"notice\">\(text[.syntheticDataNotice])</p>\n"
    }
    if !report.periodComplete {
      out +=
        "<p class=\"notice\">\(text.format(.periodNotEnded, text.periods.date(report.runDate)))</p>\n"
    }
    out += "</header>\n"
    return out
  }

  func tableOfContents() -> HTML {
    var items: [(String, String)] = [("summary", text[.sectionSummary])]
    if report.flags != nil { items.append(("flags", text[.sectionFlags])) }
    items.append(("themes", text[.sectionThemes]))
    items.append(("wijken", text[.sectionWijken]))
    if !report.boundaries.isEmpty { items.append(("map", text[.sectionMap])) }
    items.append(("buurten", text[.sectionBuurten]))
    items.append(("methods", text[.sectionMethods]))
    let links = items.map { id, title -> HTML in "<li><a href=\"#\(id)\">\(title)</a></li>" }
    return
      "<nav class=\"toc\" aria-label=\"\(text[.contents])\">\(text[.contents]):<ol>\(links)</ol></nav>\n"
  }

  public func summary() -> HTML {
    var out: HTML = "<ul class=\"highlights\">\n"
    for sentence in ReportHighlights(report).sentences(text) {
      out += "<li>\(sentence)</li>\n"
    }
    out += "</ul>\n<div class=\"cards\">\n"
    for theme in report.themes {
      out += "<div class=\"card\"><div class=\"name\">\(theme.name)</div>"
      guard let totals = theme.totals else {
        out += "<div class=\"big\">–</div><div class=\"cmp\">\(text[.notAvailable])</div></div>\n"
        continue
      }
      out += "<div class=\"big\">\(text.count(totals.count))</div>"
      for (i, c) in totals.compared.enumerated() where i < report.comparisons.count {
        out +=
          "<div class=\"cmp\">\(changeSpan(c)) \(text[.versus]) \(text.periodShort(report.comparisons[i].period)) (\(text.count(c.count)))</div>"
      }
      out += "</div>\n"
    }
    out += "</div>\n"
    out +=
      "<p class=\"note\">\(text[.cardsNote]) \(text[.significanceNote]) \(text.disclosureSentence)</p>\n"
    return out
  }

  /// A change; a significant one (`ChangeTest`) gets an arrow and a colour (rises and
  /// falls are told apart by the arrow, not by colour alone), the rest stays grey.
  public func changeSpan(_ c: ComparedCount) -> HTML {
    guard let x = c.change.number else { return "<span class=\"muted\">–</span>" }
    guard c.significant else {
      return "<span class=\"muted\">\(text.change(c.change))</span>"
    }
    let arrow = x > 0 ? "▲ " : "▼ "
    let cls = x > 0 ? "up" : "down"
    return "<span class=\"\(cls)\">\(arrow)\(text.change(c.change))</span>"
  }

  func footerText() -> HTML {
    var parts: [String] = [
      text.fullTitle, "\(text[.generatedOn]) \(text.periods.date(report.runDate))",
      "\(text[.pipeline]) \(report.pipeline)",
    ]
    if report.syntheticData { parts.append(text[.syntheticShort]) }
    return "\(parts.joined(separator: " · "))"
  }
}
