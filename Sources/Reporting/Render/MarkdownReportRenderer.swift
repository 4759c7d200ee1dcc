import SafetyCore

/// Renders the report's summary as Markdown (CommonMark with GFM tables): key messages,
/// the themes, the flags, the wijken and where the data came from. Text from input is
/// escaped, so it can neither become markup nor break a table.
public struct MarkdownReportRenderer: Sendable {
  public let report: SafetyReport
  let text: ReportText

  public init(_ report: SafetyReport) {
    self.report = report
    text = ReportText(report)
  }

  /// Escapes Markdown punctuation and HTML in text that came from input.
  public static func escape(_ s: String) -> String {
    var out = ""
    for ch in s.unicodeScalars {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "!", "{", "}": out += "\\" + String(ch)
      case "\n", "\r": out += " "
      default: out.unicodeScalars.append(ch)
      }
    }
    return out
  }

  func e(_ s: String) -> String { Self.escape(s) }

  public func render() -> String {
    var lines: [String] = []
    lines.append(
      "# \(e(text.documentTitle)) \(e(text.placeName)) — \(e(text.periods.long(report.period.period)))"
    )
    lines.append("")
    var meta = [e(text.periods.days(of: report.period.period))]
    if !report.comparisons.isEmpty {
      meta.append(e(text.format(.comparedWithSentence, text.comparedWith)))
    }
    meta.append(e("\(text[.generatedOn]) \(text.periods.date(report.runDate))"))
    lines.append(meta.joined(separator: " · "))
    lines.append("")
    if report.syntheticData { lines += ["> \(e(text[.syntheticDataNotice]))", ""] }
    if !report.periodComplete {
      lines += ["> \(e(text.format(.periodNotEnded, text.periods.date(report.runDate))))", ""]
    }
    lines += ["## \(e(text[.sectionSummary]))", ""]
    for sentence in ReportHighlights(report).sentences(text) { lines.append("- \(e(sentence))") }
    lines.append("")
    lines += themeTable()
    if let flags = report.flags { lines += flagLines(flags) }
    lines += wijkTable()
    lines += dataLines()
    return lines.joined(separator: "\n") + "\n"
  }

  func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }

  func header(_ cells: [String], numericFrom: Int) -> [String] {
    header(cells, numeric: Set(numericFrom..<max(numericFrom, cells.count)))
  }

  func header(_ cells: [String], numeric: Set<Int>) -> [String] {
    [row(cells), row(cells.indices.map { numeric.contains($0) ? "---:" : "---" })]
  }

  func comparisonHeaders() -> [String] {
    report.comparisons.flatMap { [e(text.periodShort($0.period)), e(text[.change])] }
  }

  func comparisonCells(_ f: Figures?) -> [String] {
    report.comparisons.indices.flatMap { i -> [String] in
      guard let f, i < f.compared.count else { return ["–", "–"] }
      let c = f.compared[i]
      let arrow = c.significant ? ((c.change.number ?? 0) > 0 ? "▲ " : "▼ ") : ""
      return [e(text.count(c.count)), arrow + e(text.change(c.change))]
    }
  }

  func themeTable() -> [String] {
    var lines = ["## \(e(text[.sectionThemes]))", ""]
    lines += header(
      [e(text[.theme]), e(text.periodShort(report.period))] + comparisonHeaders()
        + [e(text.unit(.per1000Inhabitants))], numericFrom: 1)
    for theme in report.themes {
      lines.append(
        row(
          [e(theme.name), e(text.count(theme.totals?.count))] + comparisonCells(theme.totals)
            + [e(text.rate(theme.ratePerThousandInhabitants))]))
    }
    lines.append("")
    for theme in report.themes {
      lines += ["### \(e(theme.name))", ""]
      lines += header(
        [e(text[.indicator]), e(text.periodShort(report.period))] + comparisonHeaders(),
        numericFrom: 1)
      for i in theme.indicators {
        var name = e(i.name)
        if let note = text.availability(i.availability) { name += " (\(e(note)))" }
        lines.append(row([name, e(text.count(i.figures?.count))] + comparisonCells(i.figures)))
      }
      lines.append("")
    }
    lines.append(e(text[.significanceNote]) + " " + e(text.disclosureSentence))
    lines.append("")
    return lines
  }

  func flagLines(_ flags: FlagReport) -> [String] {
    var lines = ["## \(e(text[.sectionFlags]))", ""]
    if flags.flags.isEmpty {
      return lines + [
        e(text.format(.noFlagsInPeriod, text.periods.long(report.period.period))), "",
      ]
    }
    let groups: [(String, [FlagItem])] =
      report.kind == .annualEvaluation
      ? [
        (text.format(.flagsRaisedIn, text.periods.long(report.period.period)), flags.new),
        (text[.flagsCarriedOver], flags.flags.filter { !$0.raisedInPeriod }),
      ]
      : [
        (text[.newFlags], flags.new), (text[.escalatedFlags], flags.escalated),
        (text[.stillOpenFlags], flags.stillOpen),
      ]
    for (title, items) in groups {
      lines += ["### \(e(title)) (\(items.count))", ""]
      for flag in items {
        var head =
          "- **\(e(flag.area.name))** — \(e(text.themeName(flag.theme))): \(e(text.kind(flag.kind))), "
          + "\(e(text.status(flag.status))), \(e(text[.firstSeen])) \(e(text.periods.short(flag.firstSeen)))"
        if let d = flag.review { head += ", \(e(text.review(d)))" }
        lines.append(head)
        lines.append("  \(e(text.explanation(flag)))")
        for note in flag.notes {
          let what = note.review.map { text.review($0) } ?? text[.note]
          lines.append(
            "  - \(e(what)) \(e(text[.by])) \(e(note.by)), \(e(note.at)): \(e(note.note))")
        }
      }
      lines.append("")
    }
    return lines
  }

  func wijkTable() -> [String] {
    var lines = ["## \(e(text[.sectionWijken]))", "", e(text[.wijkTableCaption]), ""]
    var head = [e(text[.wijk]), e(text[.inhabitants])] + report.themes.map { e($0.name) }
    if report.flags != nil { head.append(e(text[.openFlags])) }
    lines += header(head, numericFrom: 1)
    let ci =
      report.comparisons.firstIndex { $0.role == .chosen }
      ?? report.comparisons.firstIndex { $0.role == .sameLastYear }
    for area in report.areas(at: .wijk) {
      var cells = [e(area.name), e(text.integer(area.population?.inhabitants))]
      for theme in report.themes {
        guard let t = area.theme(theme.id) else {
          cells.append("–")
          continue
        }
        var cell = "\(text.index(t.index)) (\(text.count(t.figures.count))"
        if let ci, ci < t.figures.compared.count, t.figures.compared[ci].change.number != nil {
          cell += " · \(text.change(t.figures.compared[ci].change))"
        }
        cells.append(e(cell + ")"))
      }
      if report.flags != nil { cells.append(String(area.flags.open)) }
      lines.append(row(cells))
    }
    lines += ["", e(text[.indexExplanation]) + " " + e(text[.dashExplanation]), ""]
    return lines
  }

  func dataLines() -> [String] {
    let m = report.methods
    var lines = ["## \(e(text[.sectionMethods]))", ""]
    lines.append(e(text.format(.exportsIntro, text.periods.days(m.window.first, m.window.last))))
    lines.append("")
    lines += header(
      [
        e(text[.partner]), e(text[.source]), e(text[.exportsUsed]), e(text[.coverage]),
        e(text[.rowsRejected]), e(text[.rowsUnknownArea]),
      ], numeric: [2, 4, 5])
    for s in m.sources {
      lines.append(
        row([
          e(s.partner), e(s.id), String(s.exportsUsed.count),
          e(s.coverage.map { text.periods.days($0.first, $0.last) } ?? text[.noDataYet]),
          String(s.rowsRejected), String(s.rowsUnknownArea),
        ]))
    }
    lines.append("")
    if !m.quarantined.isEmpty {
      lines += ["### \(e(text[.quarantineHeading]))", ""]
      for q in m.quarantined {
        var line = "- \(e(q.name)) (\(e(q.source))): \(e(q.reason))"
        if let meaning = DiagnosticCode.trailing(in: q.reason)?.explanation(
          dutch: report.language == .nl)
        {
          line += " — \(e(meaning))"
        }
        lines.append(line)
      }
      lines.append("")
    }
    lines += ["### \(e(text[.sectionDetectors]))", ""]
    for d in m.detectors {
      let settings = d.settings.map { "\($0.key) = \($0.value)" }.joined(separator: ", ")
      lines.append(
        "- \(e(d.method)) (\(e(settings))): \(e(text.list(d.indicators.map(text.indicatorName))))")
    }
    lines.append("")
    return lines
  }
}
