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
  /// The inbox file's identity (inode, change time): recorded with the delivery so
  /// that a run killed before moving the file recognises it (`hasDelivery(fileIdentity:)`).
  public var fileIdentity: String?

  public init(
    contentHash: String, source: String, originalName: String, receivedAt: String, bytes: Int,
    runID: Int64?, keptAt: String?, fileIdentity: String? = nil
  ) {
    self.contentHash = contentHash
    self.source = source
    self.originalName = originalName
    self.receivedAt = receivedAt
    self.bytes = bytes
    self.runID = runID
    self.keptAt = keptAt
    self.fileIdentity = fileIdentity
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
      checkpoint("store.quarantine.before-commit")
    }
  }

  /// Records that a file already in the ledger was delivered again (under any name).
  public func recordDuplicate(of entry: LedgerEntry, _ receipt: ExportReceipt) throws {
    try queue.write { db in
      try insertDelivery(db, exportID: entry.id, receipt, outcome: "duplicate")
      checkpoint("store.duplicate.before-commit")
    }
  }

  /// Whether a delivery of this very inbox file (its identity) is recorded: the file is
  /// the leftover of a run killed before moving it, not a new delivery.
  public func hasDelivery(fileIdentity: String) throws -> Bool {
    try queue.read { db in
      try Bool.fetchOne(
        db, sql: "SELECT EXISTS (SELECT 1 FROM deliveries WHERE fileIdentity = ?)",
        arguments: [fileIdentity]) ?? false
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
        INSERT INTO deliveries (exportId, runId, originalName, receivedAt, outcome, fileIdentity)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        exportID, receipt.runID, receipt.originalName, receipt.receivedAt, outcome,
        receipt.fileIdentity,
      ])
  }
}
