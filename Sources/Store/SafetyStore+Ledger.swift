import Foundation
import GRDB
import Normalise
import SafetyCore

/// How an export arrived: what the runner knows about the file before applying it.
public struct ExportReceipt: Sendable, Hashable {
  /// SHA-256 of the file's bytes, lower-case hex: the export's identity.
  public var contentHash: String
  public var source: String
  /// The file name it was delivered under.
  public var originalName: String
  /// When the run took it from the inbox (ISO 8601, the run's clock).
  public var receivedAt: String
  public var bytes: Int
  public var runID: Int64?
  /// Where the file is kept (archive or quarantine), relative to the state folder.
  public var keptAt: String?

  public init(
    contentHash: String, source: String, originalName: String, receivedAt: String, bytes: Int,
    runID: Int64?, keptAt: String?
  ) {
    self.contentHash = contentHash
    self.source = source
    self.originalName = originalName
    self.receivedAt = receivedAt
    self.bytes = bytes
    self.runID = runID
    self.keptAt = keptAt
  }
}

/// One line of the exports ledger.
public struct LedgerEntry: Sendable, Hashable, Codable {
  public enum Status: String, Sendable, Codable { case applied, quarantined }
  public var id: Int64
  public var contentHash: String
  public var source: String
  public var originalName: String
  public var receivedAt: String
  public var status: Status
  public var rowsTotal: Int
  public var rowsOk: Int
  public var rowsRejected: Int
  public var rowsUnknownArea: Int
  public var rowsUnmapped: Int
  public var recordsNew: Int
  public var recordsReplaced: Int
  public var recordsUnchanged: Int
  public var periodFirst: String?
  public var periodLast: String?
  public var reason: String?
  /// Where the file is kept, relative to the state folder.
  public var keptAt: String?

  init(row: Row) {
    id = row["id"]
    contentHash = row["contentHash"]
    source = row["source"]
    originalName = row["originalName"]
    receivedAt = row["receivedAt"]
    status = Status(rawValue: row["status"]) ?? .quarantined
    rowsTotal = row["rowsTotal"]
    rowsOk = row["rowsOk"]
    rowsRejected = row["rowsRejected"]
    rowsUnknownArea = row["rowsUnknownArea"]
    rowsUnmapped = row["rowsUnmapped"]
    recordsNew = row["recordsNew"]
    recordsReplaced = row["recordsReplaced"]
    recordsUnchanged = row["recordsUnchanged"]
    periodFirst = row["periodFirst"]
    periodLast = row["periodLast"]
    reason = row["reason"]
    keptAt = row["archivePath"]
  }
}

extension SafetyStore {
  /// The ledger entry of the export with this content hash, if it was seen before.
  public func ledgerEntry(contentHash: String) throws -> LedgerEntry? {
    try queue.read { db in
      try Row.fetchOne(
        db, sql: "SELECT * FROM exports WHERE contentHash = ?", arguments: [contentHash]
      )
      .map(LedgerEntry.init(row:))
    }
  }

  /// The whole ledger, oldest first.
  public func ledger() throws -> [LedgerEntry] {
    try queue.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM exports ORDER BY id").map(LedgerEntry.init(row:))
    }
  }

  /// Records a quarantined export (nothing of it is counted) and its delivery, in one
  /// transaction.
  public func recordQuarantine(_ receipt: ExportReceipt, stats: RowStats, reason: String) throws {
    try queue.write { db in
      try insertLedger(
        db, receipt, status: .quarantined, stats: stats, result: nil, periods: nil, reason: reason)
      try insertDelivery(db, exportID: db.lastInsertedRowID, receipt, outcome: "quarantined")
    }
  }

  /// Records that a file already in the ledger was delivered again (under any name).
  public func recordDuplicate(of entry: LedgerEntry, _ receipt: ExportReceipt) throws {
    try queue.write { db in
      try insertDelivery(db, exportID: entry.id, receipt, outcome: "duplicate")
    }
  }

  /// Deliveries (every file taken from the inbox), as (original name, outcome), oldest first.
  public func deliveries() throws -> [(name: String, outcome: String)] {
    try queue.read { db in
      try Row.fetchAll(db, sql: "SELECT originalName, outcome FROM deliveries ORDER BY id").map {
        (name: $0["originalName"], outcome: $0["outcome"])
      }
    }
  }

  func insertLedger(
    _ db: Database, _ receipt: ExportReceipt, status: LedgerEntry.Status, stats: RowStats,
    result: ApplyResult?, periods: (Period, Period)?, reason: String?
  ) throws {
    try db.execute(
      sql: """
        INSERT INTO exports (contentHash, source, originalName, receivedAt, runId, status, bytes,
          rowsTotal, rowsOk, rowsRejected, rowsUnknownArea, rowsUnmapped, recordsNew,
          recordsReplaced, recordsUnchanged, periodFirst, periodLast, reason, archivePath)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        receipt.contentHash, receipt.source, receipt.originalName, receipt.receivedAt,
        receipt.runID, status.rawValue, receipt.bytes, stats.total, stats.ok, stats.rejected,
        stats.unknownArea, stats.unmappedCategory, result?.recordsNew ?? 0,
        result?.recordsReplaced ?? 0, result?.recordsUnchanged ?? 0,
        periods?.0.description, periods?.1.description, reason, receipt.keptAt,
      ])
  }

  func insertDelivery(_ db: Database, exportID: Int64, _ receipt: ExportReceipt, outcome: String)
    throws
  {
    try db.execute(
      sql: """
        INSERT INTO deliveries (exportId, runId, originalName, receivedAt, outcome)
        VALUES (?, ?, ?, ?, ?)
        """,
      arguments: [exportID, receipt.runID, receipt.originalName, receipt.receivedAt, outcome])
  }

  // MARK: Runs

  /// Starts a run; runs a killed process left `running` are marked `interrupted` first.
  public func beginRun(startedAt: String, runDate: CivilDate) throws -> Int64 {
    try queue.write { db in
      try db.execute(sql: "UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
      try db.execute(
        sql: "INSERT INTO runs (startedAt, runDate, status) VALUES (?, ?, 'running')",
        arguments: [startedAt, runDate.description])
      return db.lastInsertedRowID
    }
  }

  /// Ends a run with its status and JSON summary.
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
}
