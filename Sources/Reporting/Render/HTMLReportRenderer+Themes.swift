import SafetyCore

extension HTMLReportRenderer {
  public func themeSections() -> HTML {
    var out: HTML = "<p>\(text.format(.themesIntro, text.periods.long(report.period.period)))</p>\n"
    out += "<p class=\"note\">\(text[.significanceNote])</p>\n"
    for theme in report.themes {
      // The heading stays with its table on paper.
      out += "<div class=\"keep\">\n<h3 id=\"theme-\(theme.id)\">\(theme.name)</h3>\n"
      if !theme.subthemes.isEmpty {
        out +=
          "<p class=\"note\">\(text[.subthemes]): \(text.list(theme.subthemes.map(\.name)))</p>\n"
      }
      out += indicatorTable(theme)
      out += "</div>\n"
      let charts = theme.indicators.filter { $0.chart != nil }
      if !charts.isEmpty {
        out += "<div class=\"charts\">\n"
        for indicator in charts {
          out += chartFigure(indicator)
        }
        out += "</div>\n"
      }
    }
    out += chartLegendNote()
    return out
  }

  func comparisonHeaders() -> HTML {
    var out = HTML.empty
    for c in report.comparisons {
      out +=
        "<th class=\"num\" scope=\"col\">\(text.periodShort(c.period))</th><th class=\"num\" scope=\"col\">\(text[.change])</th>"
    }
    return out
  }

  func comparisonCells(_ figures: Figures?) -> HTML {
    var out = HTML.empty
    for i in report.comparisons.indices {
      guard let figures, i < figures.compared.count else {
        out += "<td class=\"num\">–</td><td class=\"num\">–</td>"
        continue
      }
      let c = figures.compared[i]
      out += "<td class=\"num\">\(text.count(c.count))</td><td class=\"num\">\(changeSpan(c))</td>"
    }
    return out
  }

  public func indicatorTable(_ theme: ThemeReport) -> HTML {
    var out: HTML = "<table class=\"indicators\">\n<thead><tr>"
    out += "<th scope=\"col\">\(text[.indicator])</th><th scope=\"col\">\(text[.partners])</th>"
    out += "<th class=\"num\" scope=\"col\">\(text.periodShort(report.period))</th>"
    out += comparisonHeaders()
    out += "<th class=\"num\" scope=\"col\">\(text[.rate])</th></tr></thead>\n<tbody>\n"
    for indicator in theme.indicators {
      out += "<tr><td>\(indicator.name)"
      if let sub = indicator.subtheme,
        let name = theme.subthemes.first(where: { $0.id == sub })?.name
      {
        out += "<span class=\"sub\">\(name)</span>"
      }
      if let note = text.availability(indicator.availability) {
        out += "<span class=\"sub\">\(note)</span>"
      }
      out += "</td><td>\(text.list(indicator.partners))</td>"
      out += "<td class=\"num\"><strong>\(text.count(indicator.figures?.count))</strong></td>"
      out += comparisonCells(indicator.figures)
      if indicator.unit == .count {
        out += "<td class=\"num muted\">–</td>"
      } else {
        out +=
          "<td class=\"num\">\(text.rate(indicator.rate))<span class=\"sub\">\(text.unit(indicator.unit))</span></td>"
      }
      out += "</tr>\n"
    }
    if let totals = theme.totals {
      out += "<tr class=\"group\"><td>\(text[.themeTotal])</td><td></td>"
      out += "<td class=\"num\">\(text.count(totals.count))</td>"
      out += comparisonCells(totals)
      out +=
        "<td class=\"num\">\(text.rate(theme.ratePerThousandInhabitants))<span class=\"sub\">\(text.unit(.per1000Inhabitants))</span></td></tr>\n"
    }
    out += "</tbody>\n</table>\n"
    return out
  }

  public func chartFigure(_ indicator: IndicatorReport) -> HTML {
    guard let chart = indicator.chart else { return .empty }
    var svg = SeriesChart(
      title: "\(indicator.name) — \(text.areaNameOrMunicipality(chart.area))",
      points: chart.seriesPoints(report.language), disclosure: report.disclosure)
    svg.width = 520
    svg.height = 210
    svg.highlight = highlightRange(chart)
    var caption: HTML = "\(indicator.name)"
    var note = "\(text.areaNameOrMunicipality(chart.area)), \(text.periodKind(chart.kind))"
    if chart.aggregatedFrom != nil { note += ", " + text[.chartAggregatedShort] }
    caption += " <span class=\"note\">(\(note))</span>"
    return "<figure>\n<figcaption>\(caption)</figcaption>\n\(svg.svg(report.language))\n</figure>\n"
  }

  /// The chart points that fall in the report's period (shaded in the chart).
  func highlightRange(_ chart: ChartSeries) -> ClosedRange<Int>? {
    let inPeriod = chart.points.indices.filter {
      chart.points[$0].period.rolled(to: report.period.kind) == report.period.period
    }
    guard let first = inPeriod.first, let last = inPeriod.last else { return nil }
    return first...last
  }

  func chartLegendNote() -> HTML {
    var note = "\(text[.chartExplanation]) \(text[.chartComputedNote]) "
    note += text.format(.chartSuppressedNote, report.disclosure.minCell)
    let aggregated = report.themes.flatMap(\.indicators).contains {
      $0.chart?.aggregatedFrom != nil
    }
    if aggregated { note += " " + text.format(.chartAggregatedNote, text.periodKind(.week)) }
    return "<p class=\"note\">\(note)</p>\n"
  }
}

extension ReportText {
  /// The area's name, or the municipality's for its own code.
  func areaNameOrMunicipality(_ code: String) -> String {
    if let m = report.municipality, m.code == code { return m.name }
    return areaName(code)
  }
}
