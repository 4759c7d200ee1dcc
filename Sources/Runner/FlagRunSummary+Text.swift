import Reporting
import SafetyCore

extension FlagRunSummary {
  /// Lines for the run's text summary: counts, then the new and escalated open flags, most
  /// severe first (at most `limit`).
  public func text(language code: String, limit: Int = 10) -> [String] {
    let lang: DisplayLanguage = code == "en" ? .en : .nl
    let f = NumberFormatting(lang)
    var out: [String] = []
    let head = "\(lang[.flags]) (\(lang[.period]) \(from) – \(through))"
    var kinds: [String] = []
    for kind in FlagKind.allCases.sorted(by: { $0.precedence > $1.precedence }) {
      if let n = openByKind[kind.rawValue], n > 0 {
        kinds.append("\(f.integer(n)) \(FlagText.kind(kind, lang))")
      }
    }
    let open =
      "\(f.integer(self.open)) open" + (kinds.isEmpty ? "" : " (\(kinds.joined(separator: ", ")))")
    if !changed {
      out.append("\(head): " + (lang == .nl ? "ongewijzigd" : "unchanged") + "; \(open)")
      return out
    }
    out.append(
      "\(head): \(f.integer(newCount)) \(lang[.statusNew]), "
        + "\(f.integer(escalatedCount)) \(lang[.statusEscalated]), "
        + "\(f.integer(deescalatedCount)) \(lang[.statusDeescalated]), "
        + "\(f.integer(resolvedCount)) \(lang[.statusResolved]); \(open)")
    if raisedAndResolvedCount > 0 {
      out.append(
        lang == .nl
          ? "(en \(f.integer(raisedAndResolvedCount)) eerder in deze periode afgegeven en weer opgelost)"
          : "(and \(f.integer(raisedAndResolvedCount)) raised and resolved earlier in these weeks)")
    }
    let shown =
      (new.map { ($0, lang[.statusNew]) } + escalated.map { ($0, lang[.statusEscalated]) })
      .sorted { $0.0.severity > $1.0.severity }
    guard !shown.isEmpty else { return out }
    var t = TerminalTable([
      .init(lang[.status]), .init(lang[.flagID]), .init(lang[.area], maxWidth: 24),
      .init(lang[.theme], maxWidth: 28), .init(lang[.kind]), .init(lang[.severity], .right),
      .init(lang[.since]),
    ])
    for (line, status) in shown.prefix(limit) {
      t.row([
        status, line.id, line.areaName, line.themeName, FlagText.kind(line.kind, lang),
        FlagText.severity(line.severity, line.band, lang), line.firstSeen,
      ])
    }
    out.append(t.render())
    if shown.count > limit {
      out.append(
        lang == .nl
          ? "… en nog \(f.integer(shown.count - limit)); alle signalen: safety-monitor flags PIPELINE"
          : "… and \(f.integer(shown.count - limit)) more; all flags: safety-monitor flags PIPELINE"
      )
    }
    return out
  }
}
