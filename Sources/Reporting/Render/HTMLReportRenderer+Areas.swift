import SafetyCore

extension HTMLReportRenderer {
  /// The comparison a wijk cell shows its change against: the chosen one, else last year,
  /// else the previous period.
  var areaComparisonIndex: Int? {
    report.comparisons.firstIndex { $0.role == .chosen }
      ?? report.comparisons.firstIndex { $0.role == .sameLastYear }
      ?? (report.comparisons.isEmpty ? nil : 0)
  }

  public func wijkSection() -> HTML {
    var out: HTML = "<p>\(text[.wijkenIntro])</p>\n"
    out += areaTable(
      rows: report.areas(at: .wijk).map { ($0, false) }, caption: text[.wijkTableCaption])
    out += indexLegend()
    return out
  }

  public func buurtSection() -> HTML {
    var rows: [(AreaReport, Bool)] = []
    for wijk in report.areas(at: .wijk) {
      rows.append((wijk, true))
      for buurt in report.areas(at: .buurt) where buurt.parent == wijk.code {
        rows.append((buurt, false))
      }
    }
    var out: HTML = "<p>\(text[.buurtenIntro])</p>\n"
    let leftOut = report.themes.flatMap(\.leftOutOfBuurten)
    if !leftOut.isEmpty {
      let names = leftOut.map(text.indicatorName)
      out += "<p class=\"note\">\(text.format(.buurtLeftOutNote, text.list(names)))</p>\n"
    }
    out += areaTable(rows: rows, caption: text[.buurtTableCaption])
    return out
  }

  /// One row per area; per theme the index (coloured), the count and the change.
  public func areaTable(rows: [(AreaReport, Bool)], caption: String) -> HTML {
    var out: HTML = "<table class=\"areas\">\n<caption>\(caption)</caption>\n<thead><tr>"
    out +=
      "<th scope=\"col\">\(text[.area])</th><th class=\"num\" scope=\"col\">\(text[.inhabitants])</th>"
    for theme in report.themes {
      out += "<th class=\"num\" scope=\"col\">\(theme.name)</th>"
    }
    if report.flags != nil {
      out += "<th class=\"num\" scope=\"col\">\(text[.openFlags])</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    for (area, isGroup) in rows {
      let cls: HTML =
        isGroup ? " class=\"group\"" : (area.level == .buurt ? " class=\"child\"" : "")
      out += "<tr\(cls)><td>\(area.name)</td>"
      out += "<td class=\"num\">\(text.integer(area.population?.inhabitants))</td>"
      for theme in report.themes {
        out += "<td class=\"num\">\(areaThemeCell(area.theme(theme.id)))</td>"
      }
      if report.flags != nil {
        out += "<td class=\"num\">\(flagCell(area.flags))</td>"
      }
      out += "</tr>\n"
    }
    out += "</tbody>\n</table>\n"
    return out
  }

  func areaThemeCell(_ figures: AreaThemeFigures?) -> HTML {
    guard let figures else { return "–" }
    var out = indexBadge(figures.index)
    var sub = text.count(figures.figures.count)
    if let ci = areaComparisonIndex, ci < figures.figures.compared.count {
      let change = figures.figures.compared[ci].change
      if change.number != nil { sub += " · " + text.change(change) }
    }
    out += "<span class=\"sub\">\(sub)</span>"
    return out
  }

  public func indexBadge(_ index: DisclosedValue) -> HTML {
    guard let value = index.number else {
      return "<span class=\"idx\" title=\"\(suppressionReason(index))\">–</span>"
    }
    let colour = IndexColours.colour(forIndex: value)
    let dark: HTML = IndexColours.isDark(colour) ? " dark" : ""
    return
      "<span class=\"idx\(dark)\" style=\"background:\(colour)\">\(text.index(index))</span>"
  }

  func suppressionReason(_ v: DisclosedValue) -> String {
    switch v {
    case .value: ""
    case .suppressedCount: text[.suppressedSmallCount]
    case .suppressedPopulation: text[.suppressedSmallPopulation]
    case .unavailable: text[.notAvailable]
    }
  }

  func flagCell(_ flags: AreaFlagSummary) -> HTML {
    guard flags.open > 0 else { return "<span class=\"muted\">0</span>" }
    var out: HTML = "<strong>\(flags.open)</strong>"
    if let status = flags.status {
      out += "<span class=\"sub\">\(text.status(status))</span>"
    }
    return out
  }

  public func indexLegend() -> HTML {
    var out: HTML = "<ul class=\"legend\" aria-label=\"\(text[.index])\">"
    for item in IndexColours.legend(report.language, withSuppressed: true) {
      out +=
        "<li><span class=\"swatch\" style=\"background:\(item.colour)\"></span>\(item.text)</li>"
    }
    out += "</ul>\n<p class=\"note\">\(text[.indexExplanation]) \(text[.dashExplanation])</p>\n"
    return out
  }

  public func mapSection() -> HTML {
    let buurten = report.areas(at: .buurt).filter { report.boundaries[$0.code] != nil }
    let wijken = report.areas(at: .wijk).filter { report.boundaries[$0.code] != nil }
    let shapes = buurten.isEmpty ? wijken : buurten
    guard !shapes.isEmpty else { return "<p>\(text[.legendNoData])</p>" }
    let mapAreas = shapes.compactMap { a in
      report.boundaries[a.code].map { AreaMap.Area(code: a.code, name: a.name, geometry: $0) }
    }
    let outlines =
      buurten.isEmpty
      ? []
      : wijken.compactMap { a in
        report.boundaries[a.code].map { AreaMap.Area(code: a.code, name: a.name, geometry: $0) }
      }
    var out: HTML = "<p>\(text.format(.mapIntro, text.level(shapes[0].level)))</p>\n"
    // The first map is large and names the wijken: the flags' map, or an orientation map.
    let overviewTitle = report.flags != nil ? text[.flagMapTitle] : text[.orientationMapTitle]
    let overviewFills =
      report.flags != nil
      ? flagFills(shapes)
      : Dictionary(
        uniqueKeysWithValues: shapes.map {
          ($0.code, MapFill(colour: "#e8eef4", tooltip: text.level($0.level)))
        })
    var overview = AreaMap(title: overviewTitle, areas: mapAreas, fills: overviewFills, legend: [])
    overview.outlines = outlines
    overview.labelOutlines = true
    overview.width = 720
    out += "<figure class=\"overview-map\"><figcaption>\(overviewTitle)</figcaption>"
    out += overview.svg(report.language)
    out += "</figure>\n"
    if report.flags != nil { out += flagLegend() }
    out += "<div class=\"maps\">\n"
    for theme in report.themes {
      var fills: [String: MapFill] = [:]
      for area in shapes {
        guard let t = area.theme(theme.id) else { continue }
        fills[area.code] = MapFill(
          colour: IndexColours.colour(for: t.index),
          tooltip:
            "\(text[.indexShort]) \(text.index(t.index)); \(text[.count]) \(text.count(t.figures.count))"
        )
      }
      var map = AreaMap(
        title: "\(theme.name): \(text[.indexShort])", areas: mapAreas, fills: fills, legend: [])
      map.outlines = outlines
      out += "<figure><figcaption>\(theme.name)</figcaption>\(map.svg(report.language))</figure>\n"
    }
    out += "</div>\n"
    out += indexLegend()
    return out
  }

  func flagFills(_ areas: [AreaReport]) -> [String: MapFill] {
    var fills: [String: MapFill] = [:]
    for area in areas {
      // A buurt takes the most pressing status of its own flags and those raised for its
      // wijk as a whole.
      var summary = area.flags
      if let parent = area.parent, let flags = report.flags {
        for flag in flags.flags where flag.area.code == parent && flag.status.isOpen {
          summary.open += 1
          if (summary.status?.urgency ?? -1) < flag.status.urgency { summary.status = flag.status }
        }
      }
      let status = summary.status
      fills[area.code] = MapFill(
        colour: FlagColours.colour(status),
        tooltip: status.map { "\(text.status($0)) (\(summary.open) \(text[.openFlags]))" }
          ?? text[.noFlags])
    }
    return fills
  }

  public func flagLegend() -> HTML {
    var out: HTML = "<ul class=\"legend\">"
    for (status, colour) in FlagColours.legend {
      let name = status.map { text.status($0) } ?? text[.noFlags]
      out += "<li><span class=\"swatch\" style=\"background:\(colour)\"></span>\(name)</li>"
    }
    out += "</ul>\n"
    return out
  }
}

/// Colours of flag statuses on maps.
public enum FlagColours {
  public static func colour(_ status: FlagStatus?) -> String {
    switch status {
    case .escalated: "#b2182b"
    case .new: "#ef8a62"
    case .ongoing: "#fddbc7"
    case .deescalated: "#d1e5f0"
    case .resolved, nil: "#f7f7f7"
    }
  }

  public static let legend: [(FlagStatus?, String)] = [
    (.escalated, colour(.escalated)), (.new, colour(.new)), (.ongoing, colour(.ongoing)),
    (.deescalated, colour(.deescalated)), (nil, colour(nil)),
  ]
}
