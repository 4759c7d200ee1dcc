import Flagging
import SafetyCore
import Store

/// The flag part of a run's summary: what changed, and what is open now.
public struct FlagRunSummary: Sendable, Codable, Equatable {
  /// One flag in the summary.
  public struct Line: Sendable, Codable, Equatable {
    public var id: String
    public var area: String
    public var areaName: String
    public var theme: String
    /// The theme's name in the pipeline's language (`name` or `nameEn`).
    public var themeName: String
    public var kind: FlagKind
    public var kinds: [FlagKind]
    public var severity: Int
    public var band: SeverityBand
    public var firstSeen: String
  }

  /// The replayed weeks.
  public var from: String
  public var through: String
  /// Whether this run wrote anything about flags (false: same data, nothing changed).
  public var changed: Bool
  /// Raised by this run, and open.
  public var new: [Line]
  /// Escalated by this run (band up, or became convergent), and open.
  public var escalated: [Line]
  /// Flags by what this run did to them: raised and still open; escalated, de-escalated or
  /// resolved (flags raised before this run); raised and resolved again within the
  /// replayed weeks (history a first run fills in).
  public var newCount: Int
  public var escalatedCount: Int
  public var deescalatedCount: Int
  public var resolvedCount: Int
  public var raisedAndResolvedCount: Int
  /// Events appended for revised data.
  public var revisedCount: Int
  /// Open flags now, in total and per kind.
  public var open: Int
  public var openByKind: [String: Int]
  /// Detector result rows written.
  public var resultsWritten: Int

  init(
    from: Period, through: Period, written: FlagWriteSummary, resultsWritten: Int,
    records: [FlagRecord], areas: AreaMap, themeNames: [String: String]
  ) {
    self.from = from.description
    self.through = through.description
    changed = written.eventsAppended > 0 || written.rowsWritten > 0 || resultsWritten > 0
    let byID = Dictionary(records.map { ($0.flag.id, $0) }, uniquingKeysWith: { a, _ in a })
    func lines(_ ids: [String]) -> [Line] {
      ids.compactMap { byID[$0] }.filter { $0.flag.isOpen }.sorted {
        ($0.flag.severity, $1.flag.id) > ($1.flag.severity, $0.flag.id)
      }.map { r in
        Line(
          id: r.flag.id, area: r.flag.area, areaName: areas.name(r.flag.area),
          theme: r.flag.theme, themeName: themeNames[r.flag.theme] ?? r.flag.theme,
          kind: r.flag.kind, kinds: r.flag.kinds,
          severity: r.flag.severity, band: r.flag.band, firstSeen: r.flag.firstSeen.description)
      }
    }
    let opened = Set(written.opened)
    let isOpen = { (id: String) in byID[id]?.flag.isOpen ?? false }
    new = lines(written.opened)
    escalated = lines(written.escalated.filter { !opened.contains($0) })
    newCount = written.opened.filter(isOpen).count
    escalatedCount = written.escalated.filter { !opened.contains($0) && isOpen($0) }.count
    deescalatedCount = written.deescalated.filter { !opened.contains($0) && isOpen($0) }.count
    resolvedCount = written.resolved.filter { !opened.contains($0) }.count
    raisedAndResolvedCount = written.opened.filter { !isOpen($0) }.count
    revisedCount = written.revised
    let openRecords = records.filter { $0.flag.isOpen }
    open = openRecords.count
    var byKind: [String: Int] = [:]
    for r in openRecords { byKind[r.flag.kind.rawValue, default: 0] += 1 }
    openByKind = byKind
    self.resultsWritten = resultsWritten
  }
}
