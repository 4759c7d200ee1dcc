import Flagging
import Reporting
import SafetyCore
import Store

/// The pieces flags are shown with: badges, the flags table, the overview's tiles,
/// filters and theme matrix, and an area's flag list.
struct FlagViews {
  var model: FlagsModel
  var names: DeskNames
  var language: DisplayLanguage { names.language }
  var disclosure: DisclosurePolicy

  func statusBadge(_ s: FlagStatus) -> HTML {
    "<span class=\"badge \(s.rawValue)\">\(names.status(s))</span>"
  }

  func kindText(_ f: DerivedFlag) -> HTML {
    var out: HTML = "<strong>\(names.kind(f.kind))</strong>"
    let others = f.kinds.filter { $0 != f.kind }.map(names.kind)
    if !others.isEmpty { out += "<span class=\"sub\">+ \(others.joined(separator: ", "))</span>" }
    return out
  }

  func severity(_ f: DerivedFlag) -> HTML {
    let cls = f.band == .high ? "high" : f.band == .medium ? "medium" : "low"
    return
      "<span class=\"sev \(cls)\" title=\"\(FlagText.band(f.band, language))\">\(f.severity)</span>"
  }

  func reviewText(_ r: FlagRecord) -> HTML {
    guard let review = r.review else {
      return "<span class=\"muted\">\(language[.reviewNone])</span>"
    }
    return """
      <span class="badge \(review.action.rawValue)">\(names.review(review.action))</span>\
      <span class="sub">\(language[.by]) \(review.author), \(TimeText.localDay(review.recordedAt, language))</span>
      """
  }

  /// `2024-W50` as users read it.
  func week(_ p: Period) -> String { PeriodText(language).short(p) }

  // MARK: Overview

  func tiles(_ q: FlagQuery) -> HTML {
    let fmt = NumberFormatting(language)
    let open = model.open
    let new = open.filter { $0.status == .new }.count
    let escalated = open.filter { $0.status == .escalated }.count
    let unreviewed = open.filter { $0.review == nil }.count
    let since: HTML =
      model.lastRunDate.map {
        "<span class=\"sub\">\(language.format(.flagsSinceLastRun, TimeText.day($0, language)))</span>"
      }
      ?? ""
    func link(_ pairs: [(String, String)]) -> String { Links.build("/", pairs) + "#flags" }
    return """
      <div class="tiles">\
      <a class="tile" href="\(link([]))"><span class="n">\(fmt.integer(open.count))</span><span class="l">\(language[.openFlags])</span></a>\
      <a class="tile\(new > 0 ? " new" : "")" href="\(link([("status", "new")]))"><span class="n">\(fmt.integer(new))</span><span class="l">\(language[.newFlags])</span>\(since)</a>\
      <a class="tile\(escalated > 0 ? " esc" : "")" href="\(link([("status", "escalated")]))"><span class="n">\(fmt.integer(escalated))</span><span class="l">\(language[.escalatedFlags])</span>\(since)</a>\
      <a class="tile" href="\(link([("review", "unreviewed")]))"><span class="n">\(fmt.integer(unreviewed))</span><span class="l">\(language[.reviewNone])</span></a>\
      </div>
      """
  }

  /// Open flags per theme (rows) by status, and by kind; every count links to the list
  /// filtered on it.
  func themeMatrix(themes: [String]) -> HTML {
    let open = model.open
    func table(_ columns: [(String, String, (FlagRecord) -> Bool)]) -> HTML {
      var head: HTML = "<th>\(language[.theme])</th><th class=\"num\">\(language[.total])</th>"
      for c in columns { head += "<th class=\"num\">\(c.1)</th>" }
      var rows = HTML.empty
      for theme in themes {
        let inTheme = open.filter { $0.flag.theme == theme }
        func cell(_ n: Int, _ pairs: [(String, String)]) -> HTML {
          guard n > 0 else { return "<td class=\"num muted\">0</td>" }
          let href = Links.build("/", [("theme", theme)] + pairs) + "#flags"
          return "<td class=\"num\"><a href=\"\(href)\"><strong>\(n)</strong></a></td>"
        }
        rows += "<tr><td>\(names.theme(theme))</td>\(cell(inTheme.count, []))"
        for (key, _, test) in columns {
          let pair = key.split(separator: "=").map(String.init)
          rows += cell(inTheme.filter(test).count, [(pair[0], pair[1])])
        }
        rows += "</tr>"
      }
      return """
        <div class="scroll"><table class="matrix"><thead><tr>\(head)</tr></thead>\
        <tbody>\(rows)</tbody></table></div>
        """
    }
    let statuses: [FlagStatus] = [.new, .escalated, .ongoing, .deescalated]
    let byStatus = table(
      statuses.map { s in ("status=\(s.rawValue)", names.status(s), { $0.status == s }) })
    let byKind = table(
      FlagKind.allCases.map { k in
        ("kind=\(k.rawValue)", names.kind(k), { $0.flag.kinds.contains(k) })
      })
    return "<h2>\(language[.flagsByTheme])</h2>\(byStatus)<p></p>\(byKind)"
  }

  func filters(_ q: FlagQuery, themes: [String], wijken: [(String, String)]) -> HTML {
    func options(_ items: [(String, String)], _ selected: String) -> HTML {
      HTML.join(
        items.map { value, text -> HTML in
          let sel: HTML = value == selected ? " selected" : ""
          return "<option value=\"\(value)\"\(sel)>\(text)</option>"
        })
    }
    let all = language[.dataAll]
    let themeOptions = options([("", all)] + themes.map { ($0, names.theme($0)) }, q.theme ?? "")
    let kindOptions = options(
      [("", all)] + FlagKind.allCases.map { ($0.rawValue, names.kind($0)) }, q.kind?.rawValue ?? "")
    let statusOptions = options(
      [("", language[.flagsOpenOnly])]
        + FlagStatus.allCases.map { ($0.rawValue, names.status($0)) }
        + [("all", language[.flagsAllStatuses])], q.statusValue)
    let wijkOptions = options([("", all)] + wijken, q.wijk ?? "")
    let reviewOptions = options(
      [
        ("", all), ("unreviewed", language[.reviewNone]),
        ("acknowledged", names.review(.acknowledged)), ("dismissed", names.review(.dismissed)),
      ], q.review?.rawValue ?? "")
    return """
      <form class="filters" method="get" action="/#flags">\
      <label>\(language[.theme])<select name="theme">\(themeOptions)</select></label>\
      <label>\(language[.kind])<select name="kind">\(kindOptions)</select></label>\
      <label>\(language[.status])<select name="status">\(statusOptions)</select></label>\
      <label>\(language[.wijk])<select name="wijk">\(wijkOptions)</select></label>\
      <label>\(language[.review])<select name="review">\(reviewOptions)</select></label>\
      <button class="primary" type="submit">\(language[.dataFilter])</button></form>
      """
  }

  /// The flags table: severity, area, theme, kind, status, since, indicators and partners,
  /// review.
  func table(_ records: [FlagRecord], showArea: Bool = true) -> HTML {
    guard !records.isEmpty else { return "<p class=\"notice\">\(language[.noFlagsMatch])</p>" }
    var rows = HTML.empty
    for r in records {
      let f = r.flag
      var area: HTML = ""
      if showArea {
        area = "<td><a href=\"\(Links.areaPath(f.area))\">\(names.area(f.area))</a>"
        if let w = names.wijk(of: f.area), w != f.area {
          area += "<span class=\"sub\">\(names.area(w))</span>"
        }
        area += "</td>"
      }
      let indicators = f.explanation.indicators.map(names.indicator).joined(separator: ", ")
      let since: HTML =
        f.resolved.map { "\(week(f.firstSeen)) – \(week($0))" }.map { HTML("\($0)") }
        ?? HTML("\(week(f.firstSeen))")
      rows += """
        <tr><td class="num">\(severity(f))</td>\(area)<td>\(names.theme(f.theme))</td><td>\(kindText(f))</td>\
        <td>\(statusBadge(r.status))</td><td class="nowrap">\(since)</td>\
        <td>\(indicators)<span class="sub">\(f.explanation.partners.joined(separator: ", "))</span></td>\
        <td>\(reviewText(r))</td><td><a class="button small" href="\(Links.flagPath(f.id))">\(language[.view])</a></td></tr>
        """
    }
    let areaHead: HTML = showArea ? "<th>\(language[.area])</th>" : ""
    return """
      <div class="scroll"><table class="flags"><thead><tr><th class="num">\(language[.severity])</th>\(areaHead)\
      <th>\(language[.theme])</th><th>\(language[.kind])</th><th>\(language[.status])</th>\
      <th>\(language[.since])</th><th>\(language[.partnersAndIndicators])</th><th>\(language[.review])</th>\
      <th></th></tr></thead><tbody>\(rows)</tbody></table></div>
      """
  }

  /// Map fills by the most pressing open flag status per area.
  func mapFills(areaCodes: [String]) -> [String: MapFill] {
    let byArea = model.openByArea()
    var fills: [String: MapFill] = [:]
    for code in areaCodes {
      // A buurt shows its own flags and, when more pressing, its wijk's.
      var entry = byArea[code]
      if let w = names.wijk(of: code), w != code, let wijk = byArea[w],
        wijk.status.urgency > (entry?.status.urgency ?? -1)
      {
        entry = (wijk.status, (entry?.count ?? 0) + wijk.count)
      }
      fills[code] = MapFill(
        colour: FlagColours.colour(entry?.status),
        tooltip: entry.map { "\(names.status($0.status)) (\($0.count) \(language[.openFlags]))" }
          ?? language[.noFlags])
    }
    return fills
  }

  var mapLegend: [(colour: String, text: String)] {
    FlagColours.legend.map { status, colour in
      (colour, status.map(names.status) ?? language[.noFlags])
    }
  }
}
