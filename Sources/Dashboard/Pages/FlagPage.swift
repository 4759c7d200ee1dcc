import Flagging
import ReportBuilder
import Reporting
import SafetyCore
import Store

/// The flag page: what the flag says and why — the indicators and partners behind it,
/// observed against expected, since when — the series it was raised on, its history and
/// the analysts' reviews, and the form to acknowledge or dismiss it.
struct FlagPage {
  var record: FlagRecord
  var views: FlagViews
  /// The series behind the flag: per contributing indicator and area.
  var charts: [(title: String, chart: AreaChart)]
  var names: DeskNames { views.names }
  var language: DisplayLanguage { views.language }

  func content() -> HTML {
    let f = record.flag
    let lang = language
    var out: HTML = """
      <nav class="crumbs"><a href="/#flags">\(lang[.flagsList])</a> › \
      <a href="\(Links.areaPath(f.area))">\(names.area(f.area))</a></nav>\
      <h1>\(capitalised(names.kind(f.kind))): \(names.area(f.area)) <span class="sub">\(names.theme(f.theme)) · \
      \(lang.format(.flagPageTitle, f.id))</span></h1>
      """
    if let resolved = f.resolved {
      out += "<p class=\"notice\">\(lang.format(.flagResolvedNotice, views.week(resolved)))</p>"
    }
    out +=
      "<div class=\"grid two\"><section class=\"card\"><h2>\(lang[.flagWhat])</h2>\(facts())</section>"
    out += "<section class=\"card\" id=\"review\">\(reviewPlaceholder)</section></div>"
    out += evidence()
    out += series()
    out += history()
    return out
  }

  /// Replaced per request with the review form (it carries the CSRF token).
  static let reviewMarker = "<!--review-form-->"
  var reviewPlaceholder: HTML { HTML(unescaped: Self.reviewMarker) }

  func facts() -> HTML {
    let f = record.flag
    let lang = language
    var rows: [(String, HTML)] = [
      (lang[.status], views.statusBadge(record.status)),
      (lang[.severity], "\(views.severity(f)) \(FlagText.band(f.band, lang))"),
      (lang[.kind], views.kindText(f)),
      (lang[.openSince], "\(views.week(f.firstSeen))"),
      (lang[.lastSeen], "\(views.week(f.lastSeen))"),
    ]
    if let resolved = f.resolved { rows.append((lang[.resolvedOn], "\(views.week(resolved))")) }
    rows.append(
      (lang[.indicator], "\(f.explanation.indicators.map(names.indicator).joined(separator: ", "))")
    )
    rows.append((lang[.partners], "\(f.explanation.partners.joined(separator: ", "))"))
    if !f.explanation.members.isEmpty {
      let links = f.explanation.members.map { code -> HTML in
        "<a href=\"\(Links.areaPath(code))\">\(names.area(code))</a>"
      }
      rows.append((lang[.members], HTML.join(links, separator: ", ")))
    }
    rows.append((lang[.review], views.reviewText(record)))
    let items = rows.map { k, v -> HTML in "<dt>\(k)</dt><dd>\(v)</dd>" }
    return "<dl class=\"facts\">\(items)</dl>"
  }

  func evidence() -> HTML {
    let f = record.flag
    let lang = language
    let fmt = NumberFormatting(lang)
    func decimal(_ x: Double?, _ places: Int = 1) -> String {
      guard let x, x.isFinite else { return "–" }
      return fmt.decimal(x, places: places)
    }
    func p(_ x: Double?) -> String {
      guard let x else { return "–" }
      return x < 0.0001
        ? "< " + fmt.decimal(0.0001, places: 4) : fmt.decimal(x, places: x < 0.01 ? 4 : 3)
    }
    var rows = HTML.empty
    for c in f.explanation.contributions {
      rows += """
        <tr><td>\(names.indicator(c.indicator))<span class="sub">\(c.partners.joined(separator: ", "))</span></td>\
        <td><a href="\(Links.areaPath(c.area))">\(names.area(c.area))</a></td>\
        <td>\(c.kinds.map(names.kind).joined(separator: ", "))</td>\
        <td class="nowrap">\(views.week(c.firstSignal)) – \(views.week(c.lastSignal))<span class="sub">\(lang[.peak]) \(views.week(c.peak))</span></td>\
        <td class="num">\(views.disclosure.count(c.observed).text(fmt))</td><td class="num">\(decimal(c.expected))</td>\
        <td class="num">\(decimal(c.upperbound))</td><td class="num">\(p(c.pvalue))</td>\
        <td class="num">\(decimal(c.slopePerYear))</td><td class="num">\(decimal(c.index, 0))</td></tr>
        """
    }
    var out: HTML = """
      <h2>\(lang[.flagEvidence])</h2><div class="scroll"><table><thead><tr><th>\(lang[.indicator])</th>\
      <th>\(lang[.area])</th><th>\(lang[.kind])</th><th>\(lang[.period])</th><th class="num">\(lang[.observed])</th>\
      <th class="num">\(lang[.expected])</th><th class="num">\(lang[.upperBound])</th>\
      <th class="num">\(lang[.pValue])</th><th class="num">\(lang[.trendSlope])</th>\
      <th class="num">\(lang[.indexShort])</th></tr></thead><tbody>\(rows)</tbody></table></div>
      """
    if let c = f.explanation.convergence {
      out += """
        <h3>\(lang[.flagConvergence])</h3><dl class="facts"><dt>\(lang[.period])</dt><dd>\(views.week(c.week))</dd>\
        <dt>\(lang[.indicator])</dt><dd>\(c.indicators.map(names.indicator).joined(separator: ", "))</dd>\
        <dt>\(lang[.partners])</dt><dd>\(c.partners.joined(separator: ", "))</dd>\
        <dt>\(lang[.observed]) / \(lang[.expected])</dt><dd>\(views.disclosure.count(c.observed).text(fmt)) / \(decimal(c.expected))</dd>\
        <dt>\(lang[.combinedPValue])</dt><dd>\(p(c.combinedPValue))</dd></dl>
        """
    }
    return out
  }

  func series() -> HTML {
    guard !charts.isEmpty else { return "" }
    let lang = language
    let weeks = Set(record.flag.weeks)
    var out: HTML = "<h2>\(lang[.flagSeries])</h2><div class=\"charts\">"
    for (title, chart) in charts {
      var svg = SeriesChart(
        title: title, points: chart.series.seriesPoints(lang), disclosure: views.disclosure)
      svg.width = 560
      svg.height = 200
      // Shade the periods holding the flag's weeks.
      let inFlag = chart.series.points.indices.filter { i in
        let p = chart.series.points[i].period
        return weeks.contains { $0.rolled(to: p.kind) == p }
      }
      if let a = inFlag.first, let b = inFlag.last { svg.highlight = a...b }
      var notes: [String] = [PeriodKindText.per(chart.series.kind, lang)]
      if chart.series.aggregatedFrom != nil { notes.append(lang[.chartAggregatedShort]) }
      out += """
        <figure class="chart card"><figcaption>\(title) \
        <span class="sub">\(notes.joined(separator: " · "))</span></figcaption>\(svg.svg(lang))</figure>
        """
    }
    out += "</div><p class=\"note\">\(lang[.deskChartNote]) \(lang[.flagWeeksShaded])</p>"
    return out
  }

  func history() -> HTML {
    let lang = language
    // Events and reviews, in the order they were recorded.
    var items: [(at: String, html: HTML)] = []
    for e in record.history {
      var what: HTML =
        "<strong>\(FlagText.event(e.event.type, lang))</strong> · \(names.kind(e.event.kind)) · \(lang[.severity]) \(e.event.severity)"
      if e.event.revised { what += " <span class=\"muted\">(\(lang[.eventRevised]))</span>" }
      items.append(
        (e.recordedAt, "<li><span class=\"when\">\(views.week(e.event.week))</span> \(what)</li>"))
    }
    for r in record.reviews {
      items.append(
        (
          r.recordedAt,
          """
          <li class="review"><span class="when">\(TimeText.local(r.recordedAt, lang))</span> \
          <span class="badge \(r.action.rawValue)">\(names.review(r.action))</span> \(lang[.by]) <strong>\(r.author)</strong>\
          <blockquote>\(r.note)</blockquote></li>
          """
        ))
    }
    items.sort { $0.at < $1.at }
    return
      "<h2 id=\"history\">\(capitalised(lang[.history]))</h2><ol class=\"history\">\(items.map(\.html))</ol>"
  }
}

/// The review form: acknowledge or dismiss, with a note; the name is the signed-in user's
/// or typed (and remembered in a cookie).
struct ReviewForm {
  var flagID: String
  var csrfToken: String
  /// The signed-in analyst (users access): recorded as the author, not editable.
  var signedInUser: String?
  var rememberedName: String?
  var message: HTML
  var language: DisplayLanguage

  func render() -> HTML {
    let lang = language
    let who: HTML
    if let signedInUser {
      who = "<p class=\"muted\">\(lang[.flagReviewBySignedIn]) <strong>\(signedInUser)</strong></p>"
    } else {
      who = """
        <label for="by">\(lang[.yourName])</label>\
        <input id="by" name="by" required maxlength="80" autocomplete="name" value="\(rememberedName ?? "")">
        """
    }
    return """
      <h2>\(lang[.flagReviewHeading])</h2><p class="muted">\(lang[.flagReviewIntro])</p>\(message)\
      <form class="review" method="post" action="\(Links.flagPath(flagID))/review">\
      <input type="hidden" name="csrf" value="\(csrfToken)">\(who)\
      <label for="note">\(lang[.note])</label><textarea id="note" name="note" required maxlength="2000"></textarea>\
      <p class="buttons"><button class="primary" type="submit" name="action" value="acknowledged">\(lang[.acknowledge])</button> \
      <button class="secondary" type="submit" name="action" value="dismissed">\(lang[.dismiss])</button></p></form>
      """
  }
}

/// `piek` → `Piek` (headings start with a capital).
func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

/// Period-kind words for chart captions ("per week", "per maand", ...).
enum PeriodKindText {
  static func per(_ kind: PeriodKind, _ lang: DisplayLanguage) -> String {
    switch kind {
    case .week: lang[.perWeek]
    case .month: lang[.perMonth]
    case .quarter: lang[.perQuarter]
    case .year: lang[.perYear]
    }
  }
}
