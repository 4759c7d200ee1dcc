import SafetyCore

extension HTMLReportRenderer {
  public func methodsSection() -> HTML {
    let m = report.methods
    var out: HTML = "<h3>\(text[.sectionExports])</h3>\n"
    out +=
      "<p>\(text.format(.exportsIntro, text.periods.days(m.window.first, m.window.last)))</p>\n"
    out += "<table class=\"sources\">\n<thead><tr>"
    out += "<th scope=\"col\">\(text[.partner])</th><th scope=\"col\">\(text[.source])</th>"
    out += "<th class=\"num\" scope=\"col\">\(text[.exportsUsed])</th>"
    out += "<th scope=\"col\">\(text[.coverage])</th>"
    out += "<th class=\"num\" scope=\"col\">\(text[.rowsOk])</th>"
    out += "<th class=\"num\" scope=\"col\">\(text[.rowsRejected])</th>"
    out += "<th class=\"num\" scope=\"col\">\(text[.rowsUnknownArea])</th>"
    out +=
      "<th class=\"num\" scope=\"col\">\(text[.exportsQuarantined])</th></tr></thead>\n<tbody>\n"
    for s in m.sources {
      out += "<tr><td>\(s.partner)</td><td><code>\(s.id)</code>"
      out +=
        "<span class=\"sub\">\(s.shape == "aggregated" ? text[.shapeAggregated] : text[.shapeRecords])</span></td>"
      out += "<td class=\"num\">\(text.integer(s.exportsUsed.count))"
      out +=
        "<span class=\"sub\">\(text.format(.ofApplied, text.integer(s.exportsApplied)))</span></td>"
      out += "<td>\(s.coverage.map { text.periods.days($0.first, $0.last) } ?? text[.noDataYet])"
      if let first = s.exportsUsed.first, let last = s.exportsUsed.last {
        let names = first == last ? first.name : "\(first.name) … \(last.name)"
        out += "<span class=\"sub\">\(names)</span>"
      }
      out += "</td><td class=\"num\">\(text.integer(s.rowsOk))</td>"
      out += "<td class=\"num\">\(text.integer(s.rowsRejected))</td>"
      out += "<td class=\"num\">\(text.integer(s.rowsUnknownArea))</td>"
      out += "<td class=\"num\">\(text.integer(s.exportsQuarantined))</td></tr>\n"
    }
    out += "</tbody>\n</table>\n"
    out += "<p class=\"note\">\(text[.rowsNote])</p>\n"
    let duplicates = m.sources.reduce(0) { $0 + $1.duplicatesSkipped }
    if duplicates > 0 {
      out += "<p class=\"note\">\(text.format(.duplicatesNote, duplicates))</p>\n"
    }

    out += "<h3>\(text[.quarantineHeading])</h3>\n"
    if m.quarantined.isEmpty {
      out += "<p>\(text[.noQuarantine])</p>\n"
    } else {
      out += "<p>\(text[.quarantineIntro])</p>\n<table class=\"quarantine\">\n<thead><tr>"
      out += "<th scope=\"col\">\(text[.file])</th><th scope=\"col\">\(text[.source])</th>"
      out +=
        "<th scope=\"col\">\(text[.received])</th><th scope=\"col\">\(text[.reason])</th></tr></thead>\n<tbody>\n"
      for q in m.quarantined {
        out +=
          "<tr><td><code>\(q.name)</code></td><td>\(q.source)</td><td>\(q.receivedAt)</td><td>\(q.reason)"
        if let meaning = DiagnosticCode.trailing(in: q.reason)?.explanation(
          dutch: report.language == .nl)
        {
          out += "<br><span class=\"note\">\(meaning)</span>"
        }
        out += "</td></tr>\n"
      }
      out += "</tbody>\n</table>\n"
    }

    out += "<h3>\(text[.sectionDetectors])</h3>\n<p>\(text[.detectorsIntro])</p>\n"
    out += "<table class=\"detectors\">\n<thead><tr><th scope=\"col\">\(text[.method])</th>"
    out +=
      "<th scope=\"col\">\(text[.settings])</th><th scope=\"col\">\(text[.indicators])</th></tr></thead>\n<tbody>\n"
    for d in m.detectors {
      let settings = d.settings.map { "\($0.key) = \($0.value)" }.joined(separator: ", ")
      out += "<tr><td><code>\(d.method)</code></td><td><code>\(settings)</code></td>"
      out += "<td>\(text.list(d.indicators.map(text.indicatorName)))</td></tr>\n"
    }
    out += "</tbody>\n</table>\n"

    out += "<h3>\(text[.definitionsHeading])</h3>\n<dl class=\"defs\">\n"
    let defs: [(Label, Label)] = [
      (.indexShort, .indexExplanation), (.change, .changeExplanation),
      (.themeTotal, .themeTotalExplanation), (.period, .periodExplanation),
      (.disclosureHeading, .disclosureHeading),
    ]
    for (term, explanation) in defs {
      let body = explanation == .disclosureHeading ? text.disclosureSentence : text[explanation]
      out += "<dt>\(text[term])</dt><dd>\(body)</dd>\n"
    }
    out += "</dl>\n"
    out += indicatorDefinitions()
    return out
  }

  public func indicatorDefinitions() -> HTML {
    var out: HTML =
      "<h3>\(text[.indicatorDefinitions])</h3>\n<table class=\"definitions\">\n<thead><tr>"
    out +=
      "<th scope=\"col\">\(text[.indicator])</th><th scope=\"col\">\(text[.sourcesAndCategories])</th>"
    out +=
      "<th scope=\"col\">\(text[.unit])</th><th scope=\"col\">\(text[.detection])</th></tr></thead>\n<tbody>\n"
    for theme in report.themes {
      out += "<tr class=\"group\"><td colspan=\"4\">\(theme.name)</td></tr>\n"
      for i in theme.indicators {
        let sources = i.sources.map {
          "\($0.partner) (\($0.source)): \($0.categories.joined(separator: ", "))"
        }
        out += "<tr><td>\(i.name)</td><td>\(sources.joined(separator: "; "))</td>"
        out += "<td>\(text.unit(i.unit))</td>"
        out += "<td>\(text.periodKind(i.basePeriod)), \(text.level(i.level))</td></tr>\n"
      }
    }
    out += "</tbody>\n</table>\n"
    return out
  }
}
