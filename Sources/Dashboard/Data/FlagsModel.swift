import Flagging
import Reporting
import SafetyCore
import Store

/// Which flags the overview and `/api/flags` show, from the URL: `theme`, `kind`, `status`
/// (a status, `open` — the default — or `all`), `wijk`, `area`, `review` (`unreviewed`,
/// `acknowledged`, `dismissed`).
struct FlagQuery: Sendable, Hashable {
  enum Statuses: Sendable, Hashable {
    case open
    case all
    case only(FlagStatus)
  }
  enum Review: String, Sendable, Hashable {
    case unreviewed, acknowledged, dismissed
  }

  var theme: String?
  var kind: FlagKind?
  var statuses: Statuses = .open
  var wijk: String?
  var area: String?
  var review: Review?

  init() {}

  init(_ q: FormData) {
    func value(_ key: String) -> String? { q[key].flatMap { $0.isEmpty ? nil : $0 } }
    theme = value("theme")
    kind = value("kind").flatMap(FlagKind.init(rawValue:))
    switch value("status") {
    case "all": statuses = .all
    case let s?: statuses = FlagStatus(rawValue: s).map(Statuses.only) ?? .open
    case nil: statuses = .open
    }
    wijk = value("wijk")?.uppercased()
    area = value("area")?.uppercased()
    review = value("review").flatMap(Review.init(rawValue:))
  }

  var statusValue: String {
    switch statuses {
    case .open: ""
    case .all: "all"
    case .only(let s): s.rawValue
    }
  }

  /// The query as URL pairs (empty values left out by `Links.build`).
  var pairs: [(String, String)] {
    [
      ("theme", theme ?? ""), ("kind", kind?.rawValue ?? ""), ("status", statusValue),
      ("wijk", wijk ?? ""), ("area", area ?? ""), ("review", review?.rawValue ?? ""),
    ]
  }

  var cacheKey: String { pairs.map { "\($0.0)=\($0.1)" }.joined(separator: "&") }

  func matches(_ r: FlagRecord, names: DeskNames) -> Bool {
    let f = r.flag
    if let theme, f.theme != theme { return false }
    if let kind, !f.kinds.contains(kind), f.kind != kind { return false }
    switch statuses {
    case .open: if !f.isOpen { return false }
    case .all: break
    case .only(let s): if r.status != s { return false }
    }
    let areas = [f.area] + f.explanation.members
    if let area, !areas.contains(area) { return false }
    if let wijk, !areas.contains(where: { $0 == wijk || names.wijk(of: $0) == wijk }) {
      return false
    }
    switch review {
    case nil: break
    case .unreviewed: if r.review != nil { return false }
    case .acknowledged: if r.review?.action != .acknowledged { return false }
    case .dismissed: if r.review?.action != .dismissed { return false }
    }
    return true
  }
}

/// The store's flags with what the last run changed.
struct FlagsModel: Sendable {
  var records: [FlagRecord]
  /// Whether detection has ever run (the store has a flag run).
  var detectionRan: Bool
  /// The run date of the latest run that evaluated flags.
  var lastRunDate: String?
  /// The weeks the latest flag run covered.
  var window: (from: Period, through: Period)?

  init(reader: DashboardReader) throws {
    let store = reader.store
    records = try store.flagRecords()
    let latest = try store.latestFlagRun()
    detectionRan = latest != nil
    window = latest.map { ($0.from, $0.through) }
    if let latest {
      lastRunDate = try store.recentRuns(limit: 200).first { $0.id == latest.runID }?.runDate
    }
  }

  var open: [FlagRecord] { records.filter(\.flag.isOpen) }

  func record(_ id: String) -> FlagRecord? {
    let key = FlagID.normalised(id)
    return records.first { $0.flag.id == key }
  }

  /// Per area code, the most pressing status of its open flags and how many there are
  /// (a cluster counts for each member).
  func openByArea() -> [String: (status: FlagStatus, count: Int)] {
    var out: [String: (status: FlagStatus, count: Int)] = [:]
    for r in open {
      for code in Set([r.flag.area] + r.flag.explanation.members) {
        let known = out[code]
        let status =
          (known.map { $0.status.urgency >= r.status.urgency ? $0.status : r.status }) ?? r.status
        out[code] = (status, (known?.count ?? 0) + 1)
      }
    }
    return out
  }
}
