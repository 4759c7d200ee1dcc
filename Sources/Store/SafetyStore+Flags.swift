import Flagging
import Foundation
import GRDB
import SafetyCore

extension SafetyStore {
  // MARK: Writing

  /// Every stored flag with its event log (for `FlagReconciler`).
  public func storedFlags() throws -> [DerivedFlag] {
    try queue.read { db in try Self.loadFlags(db, filterSQL: nil, arguments: []).map(\.0) }
  }

  /// Applies a run's flag updates and records the run's replay window, in one transaction.
  /// Events are appended with the run and its clock; nothing is rewritten.
  @discardableResult
  public func applyFlagUpdates(
    _ updates: [FlagUpdate], runID: Int64?, recordedAt: String, from: Period, through: Period
  ) throws -> FlagWriteSummary {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    var summary = FlagWriteSummary()
    try queue.write { db in
      for u in updates {
        let f = u.flag
        if u.isNew || u.rowChanged {
          let explanation = String(decoding: try encoder.encode(f.explanation), as: UTF8.self)
          let weeks = String(decoding: try encoder.encode(f.weeks), as: UTF8.self)
          let kinds = f.kinds.map(\.rawValue).joined(separator: ",")
          if u.isNew {
            try db.execute(
              sql: """
                INSERT INTO flags (id, family, area, areaLevel, theme, kind, kinds, firstSeen,
                  lastSeen, resolved, severity, band, peakSeverity, explanation, weeks,
                  firstRunId, lastRunId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
              arguments: [
                f.id, f.family.rawValue, f.area, f.areaLevel.rawValue, f.theme, f.kind.rawValue,
                kinds, f.firstSeen.description, f.lastSeen.description, f.resolved?.description,
                f.severity, f.band.rawValue, f.peakSeverity, explanation, weeks, runID, runID,
              ])
          } else {
            try db.execute(
              sql: """
                UPDATE flags SET kind = ?, kinds = ?, firstSeen = ?, lastSeen = ?, resolved = ?,
                  severity = ?, band = ?, peakSeverity = ?, explanation = ?, weeks = ?,
                  lastRunId = ?
                WHERE id = ?
                """,
              arguments: [
                f.kind.rawValue, kinds, f.firstSeen.description, f.lastSeen.description,
                f.resolved?.description, f.severity, f.band.rawValue, f.peakSeverity,
                explanation, weeks, runID, f.id,
              ])
          }
          summary.rowsWritten += 1
        }
        for e in u.events {
          try db.execute(
            sql: """
              INSERT INTO flagEvents (flagId, runId, type, week, severity, band, kind, revised,
                recordedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
              """,
            arguments: [
              f.id, runID, e.type.rawValue, e.week.description, e.severity, e.band.rawValue,
              e.kind.rawValue, e.revised ? 1 : 0, recordedAt,
            ])
          summary.eventsAppended += 1
          if e.revised { summary.revised += 1 }
          switch e.type {
          case .opened where !e.revised: summary.opened.append(f.id)
          case .opened, .escalated: summary.escalated.append(f.id)
          case .deescalated: summary.deescalated.append(f.id)
          case .resolved: summary.resolved.append(f.id)
          }
        }
      }
      checkpoint("store.flags.written")
      for key in [\FlagWriteSummary.opened, \.escalated, \.deescalated, \.resolved] {
        var seen: Set<String> = []
        summary[keyPath: key] = summary[keyPath: key].filter { seen.insert($0).inserted }
      }
      if let runID, !updates.isEmpty {
        try db.execute(
          sql: """
            INSERT OR REPLACE INTO flagRuns (runId, fromWeek, throughWeek, summary)
            VALUES (?, ?, ?, ?)
            """,
          arguments: [
            runID, from.description, through.description,
            String(decoding: try encoder.encode(summary), as: UTF8.self),
          ])
      }
      checkpoint("store.flags.before-commit")
    }
    return summary
  }

  /// Stores detector results, writing only rows that are new or differ (a second run on the
  /// same data writes nothing). Returns the number of rows written.
  @discardableResult
  public func saveDetectionResults(_ signals: [IndicatorSignals]) throws -> Int {
    var written = 0
    try queue.write { db in
      for s in signals {
        let kind = s.plan.period.rawValue
        // What is stored, by (area, period), as the values in `resultColumns` order
        // (read by position: looking columns up by name costs more than the fits).
        var existing: [ResultKey: [DatabaseValue]] = [:]
        let rows = try Row.fetchCursor(
          db,
          sql: """
            SELECT area, period, \(Self.resultColumns.joined(separator: ", "))
            FROM detectionResults WHERE indicator = ? AND periodKind = ?
            """,
          arguments: [s.plan.id, kind])
        while let row = try rows.next() {
          existing[ResultKey(area: row[0], period: row[1])] = (2..<row.count).map { row[$0] }
        }
        let insert = try db.cachedStatement(
          sql: """
            INSERT OR REPLACE INTO detectionResults (indicator, area, periodKind, period,
              observed, expected, upperbound, pvalue, alarm, reason, spike, scanPValue,
              trendPValue, slopePerYear, levelIndex, elevated)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (area, list) in s.byArea {
          for (i, x) in list.enumerated() {
            let period = s.period(i).ordinal
            let values: [DatabaseValue] = [
              x.observed.databaseValue, Self.value(x.expected), Self.value(x.upperbound),
              Self.value(x.pvalue), (x.alarm ? 1 : 0).databaseValue,
              x.reason.map { $0.rawValue.databaseValue } ?? .null,
              (x.spike ? 1 : 0).databaseValue, Self.value(x.scan?.pvalue),
              Self.value(x.rising?.pvalue), Self.value(x.rising?.slopePerYear),
              Self.value(x.level?.index), (x.elevated ? 1 : 0).databaseValue,
            ]
            if existing[ResultKey(area: area, period: period)] == values { continue }
            let key: [DatabaseValue] = [
              s.plan.id.databaseValue, area.databaseValue, kind.databaseValue,
              period.databaseValue,
            ]
            try insert.execute(arguments: StatementArguments(key + values))
            written += 1
          }
        }
      }
      checkpoint("store.results.before-commit")
    }
    return written
  }

  static let resultColumns = [
    "observed", "expected", "upperbound", "pvalue", "alarm", "reason", "spike", "scanPValue",
    "trendPValue", "slopePerYear", "levelIndex", "elevated",
  ]

  struct ResultKey: Hashable {
    var area: String
    var period: Int
  }

  static func value(_ x: Double?) -> DatabaseValue { x?.databaseValue ?? .null }

  // MARK: Reviews

  /// Records an acknowledgement or dismissal (append-only) with its author and time.
  @discardableResult
  public func review(
    flagID: String, action: FlagReview, note: String, author: String, at recordedAt: String
  ) throws -> FlagReviewEntry {
    let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
    let author = author.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !note.isEmpty else { throw FlagStoreError.invalidReview("the note is empty") }
    guard !author.isEmpty else { throw FlagStoreError.invalidReview("the author is empty") }
    return try queue.write { db in
      guard
        try Bool.fetchOne(db, sql: "SELECT 1 FROM flags WHERE id = ?", arguments: [flagID])
          != nil
      else { throw FlagStoreError.unknownFlag(flagID) }
      try db.execute(
        sql: """
          INSERT INTO flagReviews (flagId, action, note, author, recordedAt)
          VALUES (?, ?, ?, ?, ?)
          """, arguments: [flagID, action.rawValue, note, author, recordedAt])
      return FlagReviewEntry(
        flagID: flagID, action: action, note: note, author: author, recordedAt: recordedAt)
    }
  }
}
