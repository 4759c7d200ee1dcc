import GRDB

extension SafetyStore {
  /// Per source, how many deliveries were the same content delivered again (skipped).
  public func duplicateDeliveriesBySource() throws -> [String: Int] {
    try queue.read { db in
      var out: [String: Int] = [:]
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT e.source AS source, COUNT(*) AS n FROM deliveries d
          JOIN exports e ON e.id = d.exportId WHERE d.outcome = 'duplicate' GROUP BY e.source
          """)
      for row in rows { out[row["source"]] = row["n"] }
      return out
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
