import Reporting
import SafetyCore
import Store

/// The data page: the exports ledger, so an analyst can trust or question a figure —
/// which files came in, when, how many rows counted, were rejected or named no known
/// area, what was quarantined and why, and which area texts and categories count nowhere.
struct DataPage {
  var model: ExportsModel
  var filter: ExportsModel.Filter
  var sourceIDs: [String]
  var language: DisplayLanguage

  func content() -> HTML {
    let lang = language
    let fmt = NumberFormatting(lang)
    var out: HTML = "<h1>\(lang[.dataTitle])</h1><p class=\"lead\">\(lang[.dataIntro])</p>"
    let applied = model.sources.reduce(0) { $0 + $1.filesApplied }
    let duplicates = model.sources.reduce(0) { $0 + $1.duplicates }
    out += """
      <div class="tiles">\
      <div class="tile"><span class="n">\(fmt.integer(applied))</span><span class="l">\(lang[.dataFiles]) \(lang[.exportsApplied])</span></div>\
      <div class="tile\(model.quarantined.isEmpty ? "" : " esc")"><span class="n">\(fmt.integer(model.quarantined.count))</span><span class="l">\(lang[.dataFiles]) \(lang[.exportsQuarantined])</span></div>\
      <div class="tile"><span class="n">\(fmt.integer(duplicates))</span><span class="l">\(lang[.dataDuplicates])</span></div>\
      \(lastRunTile())</div>
      """
    out += quarantineSection()
    out += perSource()
    out += unknownAreas()
    out += unmapped()
    out += ledger()
    out += runs()
    return out
  }

  func lastRunTile() -> HTML {
    guard let run = model.runs.first else { return "" }
    let lang = language
    return """
      <div class="tile"><span class="n">\(TimeText.day(run.runDate, lang))</span>\
      <span class="l">\(lang[.dataRunDate]) · \(statusBadge(run: run.status))</span></div>
      """
  }

  func quarantineSection() -> HTML {
    let lang = language
    guard !model.quarantined.isEmpty else { return "" }
    let rows = model.quarantined.map { e -> HTML in
      let meaning =
        DiagnosticCode.trailing(in: e.reason ?? "")?.explanation(dutch: lang == .nl)
        .map { text -> HTML in "<div class=\"note\">\(text)</div>" } ?? ""
      return """
        <tr><td>\(TimeText.local(e.receivedAt, lang))</td><td>\(e.partner)<br><span class="muted code">\(e.source)</span></td>\
        <td class="code">\(e.file)</td><td><div class="reason">\(e.reason ?? "")</div>\(meaning)</td></tr>
        """
    }
    return """
      <h2 id="quarantine">\(capitalised(lang[.exportsQuarantined]))</h2>\
      <p class="notice warn">\(lang[.dataQuarantineIntro])</p>\
      <div class="scroll"><table><thead><tr><th>\(lang[.received])</th><th>\(lang[.source])</th>\
      <th>\(lang[.file])</th><th>\(lang[.reason])</th></tr></thead><tbody>\(rows)</tbody></table></div>
      """
  }

  func perSource() -> HTML {
    let lang = language
    let fmt = NumberFormatting(lang)
    guard !model.sources.isEmpty else { return "<p class=\"notice\">\(lang[.dataNoExports])</p>" }
    let rows = model.sources.map { s -> HTML in
      let link = Links.build("/data", [("source", s.source)])
      return """
        <tr><td><a href="\(link)">\(s.partner)</a><br><span class="muted code">\(s.source)</span></td>\
        <td class="num">\(fmt.integer(s.filesApplied))</td>\
        <td class="num">\(fmt.integer(s.filesQuarantined))</td>\
        <td class="num">\(fmt.integer(s.rowsOk))</td><td class="num">\(fmt.integer(s.rowsRejected))</td>\
        <td class="num">\(fmt.integer(s.rowsUnknownArea))</td><td class="num">\(fmt.integer(s.rowsUnmapped))</td>\
        <td class="nowrap">\(periodRange(s.firstPeriod, s.lastPeriod))</td>\
        <td class="nowrap">\(s.lastReceivedAt.map { TimeText.localDay($0, lang) } ?? "–")</td></tr>
        """
    }
    return """
      <h2>\(lang[.dataPerSource])</h2><div class="scroll"><table><thead><tr><th>\(lang[.source])</th>\
      <th class="num">\(lang[.exportsApplied])</th><th class="num">\(lang[.exportsQuarantined])</th>\
      <th class="num">\(lang[.rowsOk])</th><th class="num">\(lang[.rowsRejected])</th>\
      <th class="num">\(lang[.rowsUnknownArea])</th><th class="num">\(lang[.rowsUnmapped])</th>\
      <th>\(lang[.period])</th><th>\(lang[.dataLastReceived])</th></tr></thead><tbody>\(rows)</tbody></table></div>
      """
  }

  func unknownAreas() -> HTML {
    let lang = language
    guard !model.unknownAreas.isEmpty else { return "" }
    let fmt = NumberFormatting(lang)
    let rows = model.unknownAreas.map { u -> HTML in
      "<tr><td>\(sourceCell(u.source))</td><td class=\"code\">\(u.label)</td><td class=\"num\">\(u.rows.text(fmt))</td></tr>"
    }
    return """
      <h2>\(lang[.dataUnknownAreas])</h2><p class="lead">\(lang[.dataUnknownAreasIntro])</p>\
      <div class="scroll"><table><thead><tr><th>\(lang[.source])</th><th>\(lang[.area])</th>\
      <th class="num">\(lang[.dataRowsTotal])</th></tr></thead><tbody>\(rows)</tbody></table></div>
      """
  }

  func unmapped() -> HTML {
    let lang = language
    guard !model.unmappedCategories.isEmpty else { return "" }
    let fmt = NumberFormatting(lang)
    let rows = model.unmappedCategories.map { c -> HTML in
      "<tr><td>\(sourceCell(c.source))</td><td class=\"code\">\(c.category)</td><td class=\"num\">\(c.count.text(fmt))</td></tr>"
    }
    return """
      <h2>\(lang[.dataUnmappedCategories])</h2><p class="lead">\(lang[.dataUnmappedIntro])</p>\
      <div class="scroll"><table><thead><tr><th>\(lang[.source])</th><th>\(lang[.kind])</th>\
      <th class="num">\(lang[.dataRowsTotal])</th></tr></thead><tbody>\(rows)</tbody></table></div>
      """
  }

  func ledger() -> HTML {
    let lang = language
    let fmt = NumberFormatting(lang)
    let sourceOptions =
      ([("", lang[.dataAll])] + sourceIDs.map { ($0, partnerName($0) + " (" + $0 + ")") })
      .map { id, text -> HTML in
        let selected: HTML = (filter.source ?? "") == id ? " selected" : ""
        return "<option value=\"\(id)\"\(selected)>\(text)</option>"
      }
    let statusOptions = [
      ("", lang[.dataAll]), ("applied", lang[.exportsApplied]),
      ("quarantined", lang[.exportsQuarantined]),
    ].map { value, text -> HTML in
      let selected: HTML = (filter.status?.rawValue ?? "") == value ? " selected" : ""
      return "<option value=\"\(value)\"\(selected)>\(text)</option>"
    }
    let rows = model.exports.map { e -> HTML in
      """
      <tr><td class="nowrap">\(TimeText.local(e.receivedAt, lang))</td><td>\(e.partner)</td><td class="code">\(e.file)</td>\
      <td>\(statusBadge(e.status))</td><td class="nowrap">\(periodRange(e.firstPeriod, e.lastPeriod))</td>\
      <td class="num">\(fmt.integer(e.rowsTotal))</td><td class="num">\(fmt.integer(e.rowsOk))</td>\
      <td class="num">\(fmt.integer(e.rowsRejected))</td><td class="num">\(fmt.integer(e.rowsUnknownArea))</td>\
      <td class="num">\(fmt.integer(e.recordsNew)) / \(fmt.integer(e.recordsReplaced)) / \(fmt.integer(e.recordsUnchanged))</td>\
      <td class="num">\(e.duplicates > 0 ? fmt.integer(e.duplicates) : "")</td></tr>
      """
    }
    var showing: HTML =
      "<p class=\"muted\">\(fmt.integer(model.exports.count)) / \(fmt.integer(model.matching)) \(lang[.dataShowing])"
    if model.exports.count < model.matching {
      let href = Links.build(
        "/data",
        [("source", filter.source ?? ""), ("status", filter.status?.rawValue ?? ""), ("all", "1")])
      showing += " · <a href=\"\(href)#ledger\">\(lang[.dataShowAll])</a>"
    }
    showing += "</p>"
    return """
      <h2 id="ledger">\(lang[.dataLedger])</h2>\
      <form class="filters" method="get" action="/data#ledger">\
      <label>\(lang[.source])<select name="source">\(sourceOptions)</select></label>\
      <label>\(lang[.status])<select name="status">\(statusOptions)</select></label>\
      <button class="primary" type="submit">\(lang[.dataFilter])</button></form>\(showing)\
      <div class="scroll"><table><thead><tr><th>\(lang[.received])</th><th>\(lang[.source])</th>\
      <th>\(lang[.file])</th><th>\(lang[.status])</th><th>\(lang[.dataPeriods])</th>\
      <th class="num">\(lang[.dataRowsTotal])</th><th class="num">\(lang[.rowsOk])</th>\
      <th class="num">\(lang[.rowsRejected])</th><th class="num">\(lang[.rowsUnknownArea])</th>\
      <th class="num">\(lang[.dataRecords])</th><th class="num">\(lang[.dataDuplicates])</th></tr></thead>\
      <tbody>\(rows)</tbody></table></div>
      """
  }

  func runs() -> HTML {
    let lang = language
    guard !model.runs.isEmpty else {
      return "<h2>\(lang[.dataRuns])</h2><p>\(lang[.dataNoRuns])</p>"
    }
    let rows = model.runs.map { r -> HTML in
      """
      <tr><td class="num">\(r.id)</td><td>\(TimeText.day(r.runDate, lang))</td>\
      <td>\(TimeText.local(r.startedAt, lang))</td><td>\(r.finishedAt.map { TimeText.local($0, lang) } ?? "–")</td>\
      <td>\(statusBadge(run: r.status))</td></tr>
      """
    }
    return """
      <h2>\(lang[.dataRuns])</h2><div class="scroll"><table><thead><tr><th class="num">#</th>\
      <th>\(lang[.dataRunDate])</th><th>\(lang[.dataRunStarted])</th><th>\(lang[.dataRunFinished])</th>\
      <th>\(lang[.status])</th></tr></thead><tbody>\(rows)</tbody></table></div>
      """
  }

  // MARK: Pieces

  func sourceCell(_ source: String) -> HTML {
    "\(partnerName(source)) <span class=\"muted code\">\(source)</span>"
  }

  func partnerName(_ source: String) -> String {
    model.sources.first { $0.source == source }?.partner ?? source
  }

  func statusBadge(_ status: LedgerEntry.Status) -> HTML {
    let text = status == .applied ? language[.exportsApplied] : language[.exportsQuarantined]
    return "<span class=\"badge \(status.rawValue)\">\(text)</span>"
  }

  func statusBadge(run status: String) -> HTML {
    let label: Label =
      switch status {
      case "ok": .runOk
      case "failed": .runFailed
      case "running": .runRunning
      default: .runInterrupted
      }
    return "<span class=\"badge \(status)\">\(language[label])</span>"
  }

  func periodRange(_ first: String?, _ last: String?) -> String {
    switch (first, last) {
    case (nil, nil): "–"
    case (let a?, nil), (nil, let a?): a
    case (let a?, let b?): a == b ? a : "\(a) – \(b)"
    }
  }
}
