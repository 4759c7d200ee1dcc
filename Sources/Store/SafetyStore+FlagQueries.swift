import Flagging
import Foundation
import GRDB
import SafetyCore

extension SafetyStore {
  // MARK: Reading

  /// Flags matching `filter`, most severe open ones first (then newest).
  public func flagRecords(_ filter: FlagFilter = FlagFilter()) throws -> [FlagRecord] {
    let records = try queue.read { db in try Self.loadRecords(db, filterSQL: nil, arguments: []) }
    return records.filter { Self.matches($0, filter) }.sorted {
      let a = ($0.flag.isOpen ? 0 : 1, -$0.flag.severity, $0.flag.lastSeen.ordinal)
      let b = ($1.flag.isOpen ? 0 : 1, -$1.flag.severity, $1.flag.lastSeen.ordinal)
      if a.0 != b.0 { return a.0 < b.0 }
      if a.1 != b.1 { return a.1 < b.1 }
      if a.2 != b.2 { return a.2 > b.2 }
      return $0.flag.id < $1.flag.id
    }
  }

  /// One flag by id (case-insensitive, Crockford look-alikes allowed), with its history.
  public func flagRecord(id: String) throws -> FlagRecord? {
    let key = FlagID.normalised(id)
    return try queue.read { db in
      try Self.loadRecords(db, filterSQL: "id = ?", arguments: [key]).first
    }
  }

  /// The replay window of the latest run that evaluated flags, and its summary.
  public func latestFlagRun() throws -> (runID: Int64, from: Period, through: Period)? {
    try queue.read { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT runId, fromWeek, throughWeek FROM flagRuns ORDER BY runId DESC LIMIT 1"),
        let from = Period(parsing: row["fromWeek"] as String),
        let through = Period(parsing: row["throughWeek"] as String)
      else { return nil }
      return (row["runId"], from, through)
    }
  }

  /// Stored detector results of one indicator in one area, oldest period first.
  public func detectionResults(indicator: String, area: String) throws -> [DetectionResultRow] {
    try queue.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT * FROM detectionResults WHERE indicator = ? AND area = ?
          ORDER BY periodKind, period
          """, arguments: [indicator, area]
      ).compactMap { row in
        guard let kind = PeriodKind(rawValue: row["periodKind"]) else { return nil }
        return DetectionResultRow(
          indicator: row["indicator"], area: row["area"],
          period: Period(kind: kind, ordinal: row["period"]), observed: row["observed"],
          expected: row["expected"], upperbound: row["upperbound"], pvalue: row["pvalue"],
          alarm: row["alarm"], reason: row["reason"], spike: row["spike"],
          scanPValue: row["scanPValue"], trendPValue: row["trendPValue"],
          slopePerYear: row["slopePerYear"], levelIndex: row["levelIndex"],
          elevated: row["elevated"])
      }
    }
  }

  /// Indicators with stored results for an area.
  public func detectionIndicators(area: String) throws -> [String] {
    try queue.read { db in
      try String.fetchAll(
        db, sql: "SELECT DISTINCT indicator FROM detectionResults WHERE area = ?",
        arguments: [area])
    }
  }

  static func matches(_ r: FlagRecord, _ f: FlagFilter) -> Bool {
    let flag = r.flag
    if !f.themes.isEmpty, !f.themes.contains(flag.theme) { return false }
    if !f.areas.isEmpty {
      let areas = [flag.area] + flag.explanation.members
      if !areas.contains(where: f.areas.contains) { return false }
    }
    if !f.wijken.isEmpty {
      let areas = [flag.area] + flag.explanation.members
      let inWijk = areas.contains { a in
        f.wijken.contains(a) || (AreaCode(a)?.wijk.map { f.wijken.contains($0.rawValue) } ?? false)
      }
      if !inWijk { return false }
    }
    if !f.kinds.isEmpty, !flag.kinds.contains(where: f.kinds.contains) { return false }
    if !f.statuses.isEmpty, !f.statuses.contains(r.status) { return false }
    if !f.reviews.isEmpty, !(r.review.map { f.reviews.contains($0.action) } ?? false) {
      return false
    }
    if f.unreviewed, r.review != nil { return false }
    return true
  }

  static func loadRecords(_ db: Database, filterSQL: String?, arguments: StatementArguments)
    throws -> [FlagRecord]
  {
    let latest = try Int64.fetchOne(db, sql: "SELECT MAX(runId) FROM flagEvents")
    var reviews: [String: [FlagReviewEntry]] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT * FROM flagReviews ORDER BY id") {
      guard let action = FlagReview(rawValue: row["action"]) else { continue }
      let id: String = row["flagId"]
      reviews[id, default: []].append(
        FlagReviewEntry(
          flagID: id, action: action, note: row["note"], author: row["author"],
          recordedAt: row["recordedAt"]))
    }
    return try loadFlags(db, filterSQL: filterSQL, arguments: arguments).map { flag, history in
      FlagRecord(
        flag: flag, status: FlagRecord.status(history, latestRun: latest), history: history,
        reviews: reviews[flag.id] ?? [])
    }
  }

  static func loadFlags(_ db: Database, filterSQL: String?, arguments: StatementArguments)
    throws -> [(DerivedFlag, [RecordedFlagEvent])]
  {
    let decoder = JSONDecoder()
    var events: [String: [RecordedFlagEvent]] = [:]
    let eventSQL =
      filterSQL == nil
      ? "SELECT * FROM flagEvents ORDER BY id"
      : "SELECT * FROM flagEvents WHERE flagId IN (SELECT id FROM flags WHERE \(filterSQL ?? "")) ORDER BY id"
    for row in try Row.fetchAll(db, sql: eventSQL, arguments: arguments) {
      guard let type = FlagEventType(rawValue: row["type"]),
        let week = Period(parsing: row["week"] as String),
        let band = SeverityBand(rawValue: row["band"]), let kind = FlagKind(rawValue: row["kind"])
      else { continue }
      let id: String = row["flagId"]
      events[id, default: []].append(
        RecordedFlagEvent(
          event: FlagEvent(
            type: type, week: week, severity: row["severity"], band: band, kind: kind,
            revised: row["revised"]), runID: row["runId"], recordedAt: row["recordedAt"]))
    }
    let sql = "SELECT * FROM flags" + (filterSQL.map { " WHERE \($0)" } ?? "") + " ORDER BY id"
    return try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap {
      row -> (DerivedFlag, [RecordedFlagEvent])? in
      guard let family = FlagFamily(rawValue: row["family"]),
        let level = AreaLevel(rawValue: row["areaLevel"]),
        let kind = FlagKind(rawValue: row["kind"]),
        let first = Period(parsing: row["firstSeen"] as String),
        let last = Period(parsing: row["lastSeen"] as String),
        let band = SeverityBand(rawValue: row["band"])
      else { return nil }
      let id: String = row["id"]
      let history = events[id] ?? []
      let explanation = try decoder.decode(
        FlagExplanation.self, from: Data((row["explanation"] as String).utf8))
      let weeks = try decoder.decode([Period].self, from: Data((row["weeks"] as String).utf8))
      let kinds = (row["kinds"] as String).split(separator: ",").compactMap {
        FlagKind(rawValue: String($0))
      }
      let flag = DerivedFlag(
        id: id, family: family, area: row["area"], areaLevel: level, theme: row["theme"],
        kind: kind, kinds: kinds, firstSeen: first, lastSeen: last,
        resolved: (row["resolved"] as String?).flatMap { Period(parsing: $0) },
        severity: row["severity"], band: band, peakSeverity: row["peakSeverity"],
        events: history.map(\.event), explanation: explanation, weeks: weeks)
      return (flag, history)
    }
  }

  /// Open (unresolved) flags per kind, every kind present (zero when none): for monitoring.
  public func openFlagCounts() throws -> [FlagKind: Int] {
    try queue.read { db in
      var out = Dictionary(uniqueKeysWithValues: FlagKind.allCases.map { ($0, 0) })
      for row in try Row.fetchAll(
        db, sql: "SELECT kind, COUNT(*) AS n FROM flags WHERE resolved IS NULL GROUP BY kind")
      {
        if let kind = FlagKind(rawValue: row["kind"]) { out[kind] = row["n"] }
      }
      return out
    }
  }
}
