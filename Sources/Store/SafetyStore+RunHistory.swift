import GRDB

/// One run as recorded in the store.
public struct RunRecord: Sendable, Hashable, Codable {
  public var id: Int64
  public var startedAt: String
  public var finishedAt: String?
  /// The day the run was for (`yyyy-MM-dd`).
  public var runDate: String
  /// `running`, `ok`, `failed` or `interrupted`.
  public var status: String
  /// The run's JSON summary, when it finished.
  public var summary: String?
}

extension SafetyStore {
  /// The latest `limit` runs, newest first.
  public func runRecords(limit: Int = 50) throws -> [RunRecord] {
    try queue.read { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM runs ORDER BY id DESC LIMIT ?", arguments: [max(0, limit)]
      ).map {
        RunRecord(
          id: $0["id"], startedAt: $0["startedAt"], finishedAt: $0["finishedAt"],
          runDate: $0["runDate"], status: $0["status"], summary: $0["summary"])
      }
    }
  }

  /// Per export (ledger id), how often the same content was delivered again and skipped.
  public func duplicateDeliveriesByExport() throws -> [Int64: Int] {
    try queue.read { db in
      var out: [Int64: Int] = [:]
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT exportId, COUNT(*) AS n FROM deliveries WHERE outcome = 'duplicate'
          GROUP BY exportId
          """)
      {
        out[row["exportId"]] = row["n"]
      }
      return out
    }
  }
}
