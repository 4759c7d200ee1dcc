import Foundation
import GRDB
import SafetyCore

/// How a run ended, as stored in its row of `runs`.
public struct RunRecord: Sendable, Hashable {
  public enum Status: String, Sendable, Codable { case ok, failed }
  public var status: Status
  public var finishedAt: String
  public var durationSeconds: Double
  /// The process exit status the run ends with (0, 65, 74, ...).
  public var exitStatus: Int32
  public var filesApplied: Int
  public var filesQuarantined: Int
  public var rowsOk: Int
  public var rowsRejected: Int
  /// The run summary as one JSON object.
  public var summary: String

  public init(
    status: Status, finishedAt: String, durationSeconds: Double, exitStatus: Int32,
    filesApplied: Int, filesQuarantined: Int, rowsOk: Int, rowsRejected: Int, summary: String
  ) {
    self.status = status
    self.finishedAt = finishedAt
    self.durationSeconds = durationSeconds
    self.exitStatus = exitStatus
    self.filesApplied = filesApplied
    self.filesQuarantined = filesQuarantined
    self.rowsOk = rowsOk
    self.rowsRejected = rowsRejected
    self.summary = summary
  }
}

/// One row of `runs`.
public struct StoredRun: Sendable, Hashable, Codable {
  public var id: Int64
  public var startedAt: String
  public var finishedAt: String?
  public var runDate: String
  /// `running`, `ok`, `failed` or `interrupted` (killed: marked by the next run).
  public var status: String
  public var durationSeconds: Double?
  public var exitStatus: Int?
  public var summary: String?
}

/// What the ledger holds over all runs (monitoring counters).
public struct LedgerTotals: Sendable, Hashable, Codable {
  public var exportsApplied = 0
  public var exportsQuarantined = 0
  public var deliveries = 0
  public var rowsOk = 0
  public var rowsRejected = 0
  public var rowsUnknownArea = 0
  public init() {}
}

extension SafetyStore {
  /// Starts a run; runs a killed process left `running` are marked `interrupted` first.
  public func beginRun(startedAt: String, runDate: CivilDate) throws -> Int64 {
    try queue.write { db in
      try db.execute(sql: "UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
      try db.execute(
        sql: "INSERT INTO runs (startedAt, runDate, status) VALUES (?, ?, 'running')",
        arguments: [startedAt, runDate.description])
      checkpoint("store.begin-run.before-commit")
      return db.lastInsertedRowID
    }
  }

  /// Ends a run with its status, figures and JSON summary.
  public func finishRun(_ id: Int64, _ record: RunRecord) throws {
    try queue.write { db in
      try db.execute(
        sql: """
          UPDATE runs SET finishedAt = ?, status = ?, summary = ?, durationSeconds = ?,
            exitStatus = ?, filesApplied = ?, filesQuarantined = ?, rowsOk = ?, rowsRejected = ?
          WHERE id = ?
          """,
        arguments: [
          record.finishedAt, record.status.rawValue, record.summary, record.durationSeconds,
          record.exitStatus, record.filesApplied, record.filesQuarantined, record.rowsOk,
          record.rowsRejected, id,
        ])
      checkpoint("store.finish-run.before-commit")
    }
  }

  /// Ends a run with its status and JSON summary only.
  public func finishRun(_ id: Int64, finishedAt: String, ok: Bool, summary: String) throws {
    try queue.write { db in
      try db.execute(
        sql: "UPDATE runs SET finishedAt = ?, status = ?, summary = ? WHERE id = ?",
        arguments: [finishedAt, ok ? "ok" : "failed", summary, id])
    }
  }

  /// Runs as (id, status), oldest first.
  public func runs() throws -> [(id: Int64, status: String)] {
    try queue.read { db in
      try Row.fetchAll(db, sql: "SELECT id, status FROM runs ORDER BY id").map {
        (id: $0["id"], status: $0["status"])
      }
    }
  }

  /// The last run that finished (`ok`: it went through the whole inbox, whether or not it
  /// quarantined files), or nil.
  public func lastCompletedRun() throws -> StoredRun? {
    try queue.read { db in
      try Row.fetchOne(
        db, sql: "SELECT * FROM runs WHERE status = 'ok' ORDER BY id DESC LIMIT 1"
      ).map(SafetyStore.storedRun)
    }
  }

  /// The most recent runs, newest first.
  public func recentRuns(limit: Int) throws -> [StoredRun] {
    try queue.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM runs ORDER BY id DESC LIMIT ?", arguments: [limit])
        .map(SafetyStore.storedRun)
    }
  }

  static func storedRun(_ row: Row) -> StoredRun {
    let columns = Set(row.columnNames)
    return StoredRun(
      id: row["id"], startedAt: row["startedAt"], finishedAt: row["finishedAt"],
      runDate: row["runDate"], status: row["status"],
      durationSeconds: columns.contains("durationSeconds") ? row["durationSeconds"] : nil,
      exitStatus: columns.contains("exitStatus") ? row["exitStatus"] : nil,
      summary: row["summary"])
  }

  /// Totals of the exports ledger.
  public func ledgerTotals() throws -> LedgerTotals {
    try queue.read { db in
      var t = LedgerTotals()
      if let row = try Row.fetchOne(
        db,
        sql: """
          SELECT COALESCE(SUM(status = 'applied'), 0) AS applied,
            COALESCE(SUM(status = 'quarantined'), 0) AS quarantined,
            COALESCE(SUM(CASE WHEN status = 'applied' THEN rowsOk END), 0) AS ok,
            COALESCE(SUM(CASE WHEN status = 'applied' THEN rowsRejected END), 0) AS rejected,
            COALESCE(SUM(CASE WHEN status = 'applied' THEN rowsUnknownArea END), 0) AS unknown
          FROM exports
          """)
      {
        t.exportsApplied = row["applied"]
        t.exportsQuarantined = row["quarantined"]
        t.rowsOk = row["ok"]
        t.rowsRejected = row["rejected"]
        t.rowsUnknownArea = row["unknown"]
      }
      t.deliveries = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM deliveries") ?? 0
      return t
    }
  }
}
