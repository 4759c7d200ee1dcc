import ReportBuilder
import Reporting
import SafetyCore

/// The neighbourhood page (a buurt or wijk): where it lies, its figures per theme and
/// indicator with the index against the municipality, every indicator's series with the
/// detector's expectation and alarms, and (with flags) its flags and their history.
struct AreaPage {
  var report: SafetyReport
  var area: AreaReport
  var charts: [AreaChart]
  /// Extra sections (flags) rendered by the caller, placed before the figures.
  var flagsSection: HTML
  /// Codes of areas to colour on the location map, with their fills.
  var mapFills: [String: MapFill]
  /// Indicators with an open flag here: their series are shown open.
  var flaggedIndicators: Set<String> = []
  var language: DisplayLanguage { report.language }

  var text: ReportText { ReportText(report) }
  var renderer: HTMLReportRenderer { HTMLReportRenderer(report) }

  func content() -> HTML {
    var out = header()
    out += "<div class=\"grid two\"><section class=\"card\">\(flagsSection)</section>"
    out +=
      "<section class=\"card map\"><h2>\(text[.areaLocation])</h2>\(locationMap())</section></div>"
    if area.level == .wijk { out += buurtTable() }
    out += figures()
    out += series()
    return out
  }

  func header() -> HTML {
    let t = text
    var crumbs: [HTML] = []
    if let m = report.municipality { crumbs.append("<a href=\"/\">\(m.name)</a>") }
    if area.level == .buurt, let parent = area.parent, let wijk = report.area(parent) {
      crumbs.append("<a href=\"\(Links.areaPath(wijk.code))\">\(wijk.name)</a>")
    }
    var facts: [String] = [t.level(area.level), "\(t[.areaCode]) \(area.code)"]
    if let p = area.population, let n = p.inhabitants {
      facts.append("\(t.integer(n)) \(t[.inhabitants]) (\(p.year))")
    }
    let period = report.period.period
    let prev = Links.build(
      Links.areaPath(area.code), [("period", period.advanced(by: -1).description)])
    let nextPeriod = period.advanced(by: 1)
    let next: HTML =
      nextPeriod.firstDay <= report.runDate
      ? " <a href=\"\(Links.build(Links.areaPath(area.code), [("period", nextPeriod.description)]))\">\(t[.periodNext]) ▶</a>"
      : ""
    return """
      <nav class="crumbs" aria-label="\(t[.area])">\(HTML.join(crumbs, separator: " › "))</nav>\
      <h1>\(area.name)</h1><p class="muted">\(facts.joined(separator: " · "))</p>\
      <p class="periodnav"><a href="\(prev)">◀ \(t[.periodPrevious])</a> \
      <strong>\(t.periods.long(period))</strong>\(next)</p>
      """
  }

  func locationMap() -> HTML {
    // The whole municipality (wijken outlined), this area's wijk tinted, the area itself
    // drawn with a heavy border; every area leads to its page.
    let buurten = report.areas(at: .buurt).filter { report.boundaries[$0.code] != nil }
    let wijken = report.areas(at: .wijk).filter { report.boundaries[$0.code] != nil }
    let shapes = buurten.isEmpty ? wijken : buurten
    func mapArea(_ a: AreaReport) -> AreaMap.Area? {
      report.boundaries[a.code].map { AreaMap.Area(code: a.code, name: a.name, geometry: $0) }
    }
    guard !shapes.isEmpty else { return "<p class=\"muted\">\(text[.legendNoData])</p>" }
    let wijkCode = area.level == .wijk ? area.code : area.parent
    var fills = mapFills
    for s in shapes where fills[s.code] == nil {
      let inWijk = s.code == wijkCode || s.parent == wijkCode
      fills[s.code] = MapFill(
        colour: inWijk ? "#c9dcef" : "#eef1f4", tooltip: text.level(s.level))
    }
    var map = AreaMap(
      title: text[.areaLocation], areas: shapes.compactMap(mapArea), fills: fills, legend: [])
    if !buurten.isEmpty {
      map.outlines = wijken.compactMap(mapArea)
      map.labelOutlines = true
    }
    map.width = 460
    map.links = Dictionary(uniqueKeysWithValues: shapes.map { ($0.code, Links.areaPath($0.code)) })
    map.highlighted = area.code
    return map.svg(language)
  }

  func buurtTable() -> HTML {
    let buurten = report.areas(at: .buurt).filter { $0.parent == area.code }
    guard !buurten.isEmpty else { return "" }
    let rows = [(area, true)] + buurten.map { ($0, false) }
    return "<h2>\(text[.areaBuurten])</h2>"
      + AreaIndexTable(report: report, rows: rows, openFlags: nil).render()
  }

  func figures() -> HTML {
    let t = text
    var out: HTML =
      "<p class=\"lead\">\(t.format(.areaFiguresIntro, t.periods.long(report.period.period)))</p>"
    for theme in report.themes {
      let tf = area.theme(theme.id)
      out += "<section class=\"theme\" id=\"theme-\(theme.id)\"><h2>\(theme.name)"
      if let tf { out += " \(renderer.indexBadge(tf.index))" }
      out += "</h2>"
      var rows = HTML.empty
      for indicator in theme.indicators {
        let f = area.indicators.first { $0.indicator == indicator.id }
        var name: HTML = "\(indicator.name)"
        if let sub = indicator.subtheme, let s = theme.subthemes.first(where: { $0.id == sub }) {
          name += "<span class=\"sub\">\(s.name)</span>"
        }
        rows +=
          "<tr><td><a href=\"#series-\(indicator.id)\">\(name)</a></td><td>\(t.list(indicator.partners))</td>"
        rows += "<td class=\"num\"><strong>\(t.count(f?.figures.count))</strong></td>"
        for i in report.comparisons.indices {
          if let f, i < f.figures.compared.count {
            let c = f.figures.compared[i]
            rows +=
              "<td class=\"num\">\(t.count(c.count))</td><td class=\"num\">\(renderer.changeSpan(c))</td>"
          } else {
            rows += "<td class=\"num\">–</td><td class=\"num\">–</td>"
          }
        }
        let rate: HTML =
          indicator.unit == .count
          ? "<span class=\"muted\">–</span>"
          : "\(t.rate(f?.rate))<span class=\"sub\">\(t.unit(indicator.unit))</span>"
        rows +=
          "<td class=\"num\">\(rate)</td><td class=\"num\">\(f.map { renderer.indexBadge($0.index) } ?? "–")</td></tr>"
      }
      if let tf {
        rows +=
          "<tr class=\"group\"><td>\(t[.themeTotal])</td><td></td><td class=\"num\">\(t.count(tf.figures.count))</td>"
        for i in report.comparisons.indices {
          if i < tf.figures.compared.count {
            let c = tf.figures.compared[i]
            rows +=
              "<td class=\"num\">\(t.count(c.count))</td><td class=\"num\">\(renderer.changeSpan(c))</td>"
          } else {
            rows += "<td class=\"num\">–</td><td class=\"num\">–</td>"
          }
        }
        rows +=
          "<td class=\"num\">\(t.rate(tf.ratePerThousandInhabitants))<span class=\"sub\">\(t.unit(.per1000Inhabitants))</span></td>"
        rows += "<td class=\"num\">\(renderer.indexBadge(tf.index))</td></tr>"
      }
      var head: HTML =
        "<th>\(t[.indicator])</th><th>\(t[.partners])</th><th class=\"num\">\(t.periodShort(report.period))</th>"
      for c in report.comparisons {
        head +=
          "<th class=\"num\">\(t.periodShort(c.period))</th><th class=\"num\">\(t[.change])</th>"
      }
      head += "<th class=\"num\">\(t[.rate])</th><th class=\"num\">\(t[.indexShort])</th>"
      out +=
        "<div class=\"scroll\"><table class=\"indicators\"><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table></div></section>"
    }
    out += "<p class=\"note\">\(t[.significanceNote]) \(t.disclosureSentence)</p>"
    return out
  }

  func series() -> HTML {
    let t = text
    var out: HTML =
      "<h2 id=\"series\">\(t[.areaSeries])</h2><p class=\"lead\">\(t[.areaSeriesIntro])</p>"
    for theme in report.themes {
      let items = theme.indicators.compactMap { i in
        charts.first { $0.indicator == i.id }.map { (i, $0) }
      }
      guard !items.isEmpty else { continue }
      out += "<h3>\(theme.name)</h3><div class=\"charts\">"
      for (indicator, chart) in items {
        let range = highlight(chart.series)
        let alarmed = range.map { chart.series.points[$0].contains(where: \.alarm) } ?? false
        let open = alarmed || flaggedIndicators.contains(indicator.id)
        var notes: [String] = [t.periodKind(chart.series.kind)]
        if chart.series.aggregatedFrom != nil { notes.append(t[.chartAggregatedShort]) }
        if chart.area != area.code {
          notes.append(t.format(.areaChartWijkNote, t.areaName(chart.area)))
        } else if area.level == .wijk, indicator.level == .buurt {
          notes.append(t[.areaChartSummedNote])
        }
        if chart.series.basis == .none { notes.append(t[.areaChartNoDetection]) }
        var svg = SeriesChart(
          title: "\(indicator.name) — \(t.areaName(chart.area))",
          points: chart.series.seriesPoints(language), disclosure: report.disclosure)
        svg.width = 560
        svg.height = 200
        svg.highlight = range
        let openAttribute: HTML = open ? " open" : ""
        out += """
          <details class="chart" id="series-\(indicator.id)"\(openAttribute)><summary>\(indicator.name)\
          \(alarmed ? " <span class=\"badge escalated\">\(t[.legendAlarm])</span>" : HTML.empty)\
          <span class="sub">\(notes.joined(separator: " · "))</span></summary>\(svg.svg(language))</details>
          """
      }
      out += "</div>"
    }
    out +=
      """
      <p class="note">\(t[.deskChartNote]) \(t.format(.areaChartPeriodNote, t.periods.long(report.period.period))) \
      \(t.format(.chartSuppressedNote, report.disclosure.minCell))</p>
      """
    return out
  }

  /// The chart points in the page's period (shaded).
  func highlight(_ chart: ChartSeries) -> ClosedRange<Int>? {
    let inPeriod = chart.points.indices.filter {
      chart.points[$0].period.rolled(to: report.period.kind) == report.period.period
    }
    guard let first = inPeriod.first, let last = inPeriod.last else { return nil }
    return first...last
  }
}
