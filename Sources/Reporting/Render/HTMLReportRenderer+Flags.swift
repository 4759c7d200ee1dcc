import SafetyCore

extension HTMLReportRenderer {
  public func flagSection(_ flags: FlagReport) -> HTML {
    var out: HTML = "<p>\(text[.flagsIntro])</p>\n"
    if flags.flags.isEmpty {
      return out
        + "<p><strong>\(text.format(.noFlagsInPeriod, text.periods.long(report.period.period)))</strong></p>\n"
    }
    if report.kind == .annualEvaluation {
      return out + annualFlags(flags)
    }
    out += flagGroup(text[.newFlags], flags.new, cards: true)
    out += flagGroup(text[.escalatedFlags], flags.escalated, cards: true)
    out += flagGroup(text[.stillOpenFlags], flags.stillOpen, cards: false)
    out += flagGroup(
      text[.resolvedFlags], flags.resolved.filter { !$0.raisedInPeriod }, cards: false)
    return out
  }

  func flagGroup(_ title: String, _ items: [FlagItem], cards: Bool) -> HTML {
    var out: HTML = "<h3>\(title) <span class=\"muted\">(\(items.count))</span></h3>\n"
    guard !items.isEmpty else { return out + "<p class=\"muted\">\(text[.noFlags])</p>\n" }
    if cards {
      for flag in items { out += flagCard(flag) }
    } else {
      out += flagTable(items)
    }
    return out
  }

  public func flagCard(_ flag: FlagItem) -> HTML {
    let cls = flag.status == .escalated ? "escalated" : (flag.raisedInPeriod ? "new" : "")
    var out: HTML =
      "<div class=\"flag \(cls)\">\n<h4>\(flag.area.name) — \(text.themeName(flag.theme)) "
    out += "<span class=\"badge \(flag.status.rawValue)\">\(text.status(flag.status))</span>"
    out += "<span class=\"badge\">\(text.kind(flag.kind))</span></h4>\n"
    var meta = [
      "\(text[.firstSeen]) \(text.periods.short(flag.firstSeen))",
      "\(text[.lastSeen]) \(text.periods.short(flag.lastSeen))",
      "\(text[.severity]) \(text.severity(flag))",
    ]
    if let wijk = flag.wijk { meta.append("\(text[.wijk]) \(wijk.name)") }
    if let review = flag.review { meta.append(text.review(review)) }
    out += "<p class=\"meta\">\(meta.joined(separator: " · "))</p>\n"
    out += "<p>\(text.explanation(flag))</p>\n"
    if let chart = flag.chart {
      var svg = SeriesChart(
        title:
          "\(flag.area.name): \(flag.evidence.indicators.map(\.name).joined(separator: ", "))",
        points: chart.seriesPoints(report.language), disclosure: report.disclosure)
      svg.width = 560
      svg.height = 200
      svg.highlight = highlightRange(chart)
      out += "<figure class=\"flag-chart\">\(svg.svg(report.language))</figure>\n"
    }
    out += notesList(flag.notes)
    out += "</div>\n"
    return out
  }

  public func notesList(_ notes: [FlagNote]) -> HTML {
    guard !notes.isEmpty else { return .empty }
    var out: HTML = "<ul class=\"notes\">"
    for note in notes {
      let what = note.review.map { text.review($0) } ?? text[.note]
      out += "<li><strong>\(what)</strong> \(text[.by]) \(note.by), \(note.at): \(note.note)</li>"
    }
    return out + "</ul>\n"
  }

  public func flagTable(_ items: [FlagItem]) -> HTML {
    var out: HTML = "<table class=\"flags\">\n<thead><tr>"
    for label in [Label.area, .theme, .kind, .firstSeen, .lastSeen, .status, .decisionColumn] {
      out += "<th scope=\"col\">\(text[label])</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    for flag in items {
      out += "<tr><td>\(flag.area.name)</td><td>\(text.themeName(flag.theme))</td>"
      out += "<td>\(text.kind(flag.kind))</td><td>\(text.periods.short(flag.firstSeen))</td>"
      out += "<td>\(text.periods.short(flag.lastSeen))</td><td>\(text.status(flag.status))</td>"
      out += "<td>\(flag.review.map { text.review($0) } ?? "–")"
      if let last = flag.notes.last {
        out += "<span class=\"sub\">\(last.note) (\(last.by))</span>"
      }
      out += "</td></tr>\n"
    }
    out += "</tbody>\n</table>\n"
    return out
  }

  /// The annual evaluation: what was raised during the year and what became of it.
  func annualFlags(_ flags: FlagReport) -> HTML {
    let raised = flags.new
    var out: HTML =
      "<h3>\(text.format(.flagsRaisedIn, text.periods.long(report.period.period))) <span class=\"muted\">(\(raised.count))</span></h3>\n"
    out += "<table class=\"outcomes\">\n<thead><tr><th scope=\"col\">\(text[.kind])</th>"
    let outcomes: [Label] = [
      .outcomeStillOpen, .statusResolved, .statusAcknowledged, .statusDismissed,
    ]
    for o in outcomes { out += "<th class=\"num\" scope=\"col\">\(text[o])</th>" }
    out += "<th class=\"num\" scope=\"col\">\(text[.total])</th></tr></thead>\n<tbody>\n"
    for kind in FlagKind.allCases {
      let ofKind = raised.filter { $0.kind == kind }
      guard !ofKind.isEmpty else { continue }
      out += "<tr><td>\(text.kind(kind))</td>"
      out += "<td class=\"num\">\(ofKind.filter { $0.status.isOpen }.count)</td>"
      out += "<td class=\"num\">\(ofKind.filter { $0.status == .resolved }.count)</td>"
      out += "<td class=\"num\">\(ofKind.filter { $0.review == .acknowledged }.count)</td>"
      out += "<td class=\"num\">\(ofKind.filter { $0.review == .dismissed }.count)</td>"
      out += "<td class=\"num\">\(ofKind.count)</td></tr>\n"
    }
    out += "</tbody>\n</table>\n"
    out += "<p class=\"note\">\(text[.outcomesNote])</p>\n"
    out += flagTable(raised)
    let carried = flags.flags.filter { !$0.raisedInPeriod }
    if !carried.isEmpty {
      out += "<h3>\(text[.flagsCarriedOver]) <span class=\"muted\">(\(carried.count))</span></h3>\n"
      out += flagTable(carried)
    }
    return out
  }
}
