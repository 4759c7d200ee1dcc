import Flagging
import Foundation
import SafetyCore

/// One row of a flag list, as `flags --json` and `--csv` write it and the terminal table
/// shows it: what an analyst needs to pick a flag, no counts (those are in `flags show`,
/// under disclosure control).
public struct FlagListItem: Sendable, Codable, Equatable {
  public var id: String
  public var area: String
  public var areaName: String
  public var wijk: String?
  public var theme: String
  public var themeName: String
  public var kind: FlagKind
  public var kinds: [FlagKind]
  public var status: FlagStatus
  public var severity: Int
  public var band: SeverityBand
  public var firstSeen: String
  public var lastSeen: String
  public var resolved: String?
  public var indicators: [String]
  public var partners: [String]
  public var members: [String]
  public var review: FlagReview?
  public var reviewedBy: String?
  public var reviewedAt: String?
  public var reviewNote: String?

  public init(
    flag: DerivedFlag, status: FlagStatus, review: (FlagReview, String, String, String)?,
    context c: FlagDisplayContext
  ) {
    id = flag.id
    area = flag.area
    areaName = c.area(flag.area)
    wijk = c.wijk(flag.area)
    theme = flag.theme
    themeName = c.theme(flag.theme)
    kind = flag.kind
    kinds = flag.kinds
    self.status = status
    severity = flag.severity
    band = flag.band
    firstSeen = flag.firstSeen.description
    lastSeen = flag.lastSeen.description
    resolved = flag.resolved?.description
    indicators = flag.explanation.indicators
    partners = flag.explanation.partners
    members = flag.explanation.members
    self.review = review?.0
    reviewNote = review?.1
    reviewedBy = review?.2
    reviewedAt = review?.3
  }
}

/// `flags PIPELINE` output: a terminal table, JSON, or CSV for Dutch Excel.
public enum FlagListText {
  public static func table(_ items: [FlagListItem], context c: FlagDisplayContext) -> String {
    let lang = c.language
    guard !items.isEmpty else { return lang[.noFlagsMatch] }
    var t = TerminalTable([
      .init(lang[.flagID]), .init(lang[.area], maxWidth: 20), .init(lang[.theme], maxWidth: 18),
      .init(lang[.kind], maxWidth: 12), .init(lang[.status], maxWidth: 10),
      .init(lang[.severity], .right), .init(lang[.since]), .init(lang[.lastSeen]),
      .init(lang[.review], maxWidth: 16),
    ])
    for i in items {
      t.row([
        i.id, i.areaName, i.themeName, FlagText.kind(i.kind, lang), FlagText.status(i.status, lang),
        FlagText.severity(i.severity, i.band, lang), i.firstSeen, i.lastSeen,
        i.review.map { FlagText.review($0, lang) } ?? "",
      ])
    }
    return t.render() + "\n" + "\(c.format.integer(items.count)) \(lang[.flagsShown])"
  }

  public static func json(_ items: [FlagListItem]) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let data = try? encoder.encode(items) else { return "[]" }
    return String(decoding: data, as: UTF8.self)
  }

  public static func csv(_ items: [FlagListItem], context c: FlagDisplayContext) -> ExcelCSVWriter {
    let lang = c.language
    var w = ExcelCSVWriter(language: lang)
    w.header([
      lang[.flagID], lang[.area], lang[.area], lang[.wijk], lang[.theme], lang[.kind],
      lang[.status], lang[.severity], lang[.severity], lang[.firstSeen], lang[.lastSeen],
      lang[.statusResolved], lang[.indicator], lang[.partners], lang[.members], lang[.review],
      lang[.by], lang[.when], lang[.note],
    ])
    for i in items {
      w.row([
        .text(i.id), .text(i.area), .text(i.areaName), .text(i.wijk ?? ""), .text(i.themeName),
        .text(i.kinds.map { FlagText.kind($0, lang) }.joined(separator: ", ")),
        .text(FlagText.status(i.status, lang)), .integer(i.severity),
        .text(FlagText.band(i.band, lang)), .text(i.firstSeen), .text(i.lastSeen),
        .text(i.resolved ?? ""), .text(i.indicators.map(c.indicator).joined(separator: ", ")),
        .text(i.partners.joined(separator: ", ")), .text(i.members.joined(separator: ", ")),
        .text(i.review.map { FlagText.review($0, lang) } ?? ""), .text(i.reviewedBy ?? ""),
        .text(i.reviewedAt ?? ""), .text(i.reviewNote ?? ""),
      ])
    }
    return w
  }
}
