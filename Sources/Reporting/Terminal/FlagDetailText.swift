import Flagging
import SafetyCore

/// `flags show PIPELINE AREA`: an area's flags with their explanation and history, and a
/// sparkline per indicator. Counts go through disclosure control (`<5`).
public enum FlagDetailText {
  public static func area(
    _ code: String, records: [FlagRecord], results: [DetectionResultRow],
    context c: FlagDisplayContext, highlight: String? = nil
  ) -> String {
    let lang = c.language
    var out: [String] = []
    var title = "\(c.area(code)) (\(code))"
    if let wijk = c.wijk(code), wijk != code {
      title += " — \(lang[.wijk]) \(c.area(wijk)) (\(wijk))"
    }
    out.append(title)
    out.append(lang[.vroegsignaleringNote])
    out.append("")
    let open = records.filter { $0.flag.isOpen }.count
    if records.isEmpty {
      out.append("\(lang[.flags]): \(lang[.noFlags])")
    } else {
      out.append(
        "\(lang[.flags]): \(c.format.integer(open)) open, "
          + "\(c.format.integer(records.count - open)) \(lang[.statusResolved])")
    }
    for r in records {
      out.append("")
      out += flag(r, context: c, marked: r.flag.id == highlight)
    }
    let series = seriesLines(results, context: c)
    if !series.isEmpty {
      out.append("")
      out.append("\(lang[.series]) (\(lang[.seriesNote]))")
      out += series
    }
    return out.joined(separator: "\n")
  }

  /// One flag: heading, periods, explanation, history, reviews.
  public static func flag(_ r: FlagRecord, context c: FlagDisplayContext, marked: Bool = false)
    -> [String]
  {
    let lang = c.language
    let f = r.flag
    var kinds = FlagText.kind(f.kind, lang)
    let others = f.kinds.filter { $0 != f.kind }.map { FlagText.kind($0, lang) }
    if !others.isEmpty { kinds += " (+ " + others.joined(separator: ", ") + ")" }
    var out: [String] = []
    out.append(
      (marked ? "▶ " : "── ")
        + [
          f.id, c.theme(f.theme), kinds, FlagText.severity(f.severity, f.band, lang),
          FlagText.status(r.status, lang),
        ].joined(separator: " · "))
    var when = "\(lang[.since]) \(f.firstSeen), \(lang[.lastSeen]) \(f.lastSeen)"
    if let resolved = f.resolved { when += "; \(lang[.resolvedOn]) \(resolved)" }
    if f.area != f.explanation.contributions.first?.area,
      let first = f.explanation.contributions.first, f.family != .cluster
    {
      when += " (\(c.area(first.area)))"
    }
    out.append("   " + when)
    if f.family == .cluster {
      out.append(
        "   \(lang[.members]): "
          + f.explanation.members.map { "\(c.area($0)) (\($0))" }
          .joined(separator: ", "))
    }
    let partners = f.explanation.partners.joined(separator: ", ")
    out.append(
      "   \(lang[.partnersAndIndicators]): "
        + f.explanation.indicators.map(c.indicator).joined(separator: "; ")
        + (partners.isEmpty ? "" : " — \(partners)"))
    for contribution in f.explanation.contributions.prefix(8) {
      out.append("   · " + explain(contribution, family: f.family, context: c))
    }
    if f.explanation.contributions.count > 8 {
      out.append("   · …")
    }
    if let conv = f.explanation.convergence {
      out.append(
        "   \(lang[.kindConvergent]): \(lang[.combinedPValue]) \(c.pvalue(conv.combinedPValue)) "
          + "(\(conv.week); \(conv.indicators.map(c.indicator).joined(separator: ", "))"
          + (conv.partners.isEmpty ? "" : "; " + conv.partners.joined(separator: ", ")) + ")")
    }
    let history = r.history.map { h in
      var text =
        "\(h.event.week) \(FlagText.event(h.event.type, lang)) "
        + "\(FlagText.severity(h.event.severity, h.event.band, lang))"
      if h.event.revised { text += " (\(lang[.eventRevised]))" }
      return text
    }
    if !history.isEmpty {
      out.append("   \(lang[.history]): " + history.suffix(6).joined(separator: " · "))
    }
    for review in r.reviews {
      let by = review.action == .acknowledged ? lang[.acknowledgedBy] : lang[.dismissedBy]
      out.append(
        "   \(lang[.review]): \(by) \(review.author), \(review.recordedAt) — \(review.note)")
    }
    return out
  }

  /// `Woninginbraak (Politie), 2024-W36: waargenomen 7, verwacht 0,4, bovengrens 3, p 0,0001`.
  static func explain(_ x: Contribution, family: FlagFamily, context c: FlagDisplayContext)
    -> String
  {
    let lang = c.language
    var parts: [String] = []
    parts.append("\(lang[.observed]) \(c.count(x.observed))")
    if let e = x.expected {
      let level = x.kinds.contains(.elevated) && x.index != nil && x.upperbound == nil
      parts.append(
        "\(lang[.expected]) \(c.decimal(e))" + (level ? " (\(lang[.atMunicipalRate]))" : ""))
    }
    if let u = x.upperbound { parts.append("\(lang[.upperBound]) \(c.decimal(u))") }
    if let p = x.pvalue { parts.append("\(lang[.pValue]) \(c.pvalue(p))") }
    if let s = x.slopePerYear {
      let per: Label =
        switch x.peak.kind {
        case .week: .perWeek
        case .month: .perMonth
        case .quarter, .year: .perQuarter
        }
      parts.append("\(lang[.trendSlope]) +\(c.decimal(s)) \(lang[per]) \(lang[.perYear])")
    }
    if let i = x.index { parts.append("\(lang[.index]) \(c.format.integer(Int(i.rounded())))") }
    var head = c.indicator(x.indicator)
    if !x.partners.isEmpty { head += " (\(x.partners.joined(separator: ", ")))" }
    if family == .cluster { head = "\(c.area(x.area)): " + head }
    let kinds = x.kinds.map { FlagText.kind($0, lang) }.joined(separator: ", ")
    var when = x.peak.description
    if x.periods > 1 {
      let unit: Label =
        switch x.peak.kind {
        case .week: .weeks
        case .month: .monthsUnit
        case .quarter: .quartersUnit
        case .year: .yearsUnit
        }
      when += " (\(x.periods) \(lang[unit]))"
    }
    return "\(head), \(when) [\(kinds)]: " + parts.joined(separator: ", ")
  }

  /// A sparkline per indicator over the last two years — weekly series in blocks of four
  /// weeks, so small weekly counts still make a line under disclosure control — with the
  /// latest period's count (disclosed) and expectation, and the number of alarms.
  static func seriesLines(_ rows: [DetectionResultRow], context c: FlagDisplayContext) -> [String] {
    let lang = c.language
    var byIndicator: [String: [DetectionResultRow]] = [:]
    var order: [String] = []
    for r in rows {
      if byIndicator[r.indicator] == nil { order.append(r.indicator) }
      byIndicator[r.indicator, default: []].append(r)
    }
    var t = TerminalTable([
      .init(lang[.indicator], maxWidth: 30), .init(lang[.series], maxWidth: 52),
      .init(lang[.count], .right), .init(lang[.expected], .right),
      .init(lang[.legendAlarm], .right),
    ])
    for id in order {
      guard let list = byIndicator[id]?.sorted(by: { $0.period < $1.period }), let last = list.last
      else { continue }
      let weekly = last.period.kind == .week
      let shown = Array(list.suffix(weekly ? 104 : 24))
      var values: [Int?] = shown.map { $0.observed }
      if weekly {
        // Blocks of four weeks, ending with the latest week.
        var blocks: [Int?] = []
        var end = values.count
        while end > 0 {
          blocks.insert(values[max(0, end - 4)..<end].reduce(0) { $0 + ($1 ?? 0) }, at: 0)
          end -= 4
        }
        values = blocks
      }
      t.row([
        c.indicator(id), Sparkline.render(values, disclosure: c.disclosure),
        c.count(last.observed), c.decimal(last.expected),
        c.format.integer(shown.filter(\.alarm).count),
      ])
    }
    return t.render().split(separator: "\n").map { "  " + $0 }
  }
}
