import Foundation
import GRDB
import Normalise
import SafetyCore

/// The store of one pipeline: a single SQLite file (created with mode 0600) holding the
/// exports ledger, deduplicated records and aggregated counts (no personal data; partner
/// keys only as keyed hashes), the count cube per source category, area and period, and the
/// runs. The HMAC secret lives in a 0600 key file beside it (`<store>.key`), never in the
/// database, so a copy of the database alone cannot be linked back to partner keys.
///
/// Every export is applied in one transaction: after a crash the store holds an export
/// completely or not at all.
public final class SafetyStore: Sendable {
  public let path: String
  public let keyPath: String
  let queue: DatabaseQueue
  public let hasher: KeyHasher

  /// The area text of the unknown-area bucket in the store.
  public static let unknownArea = "?"

  /// Opens the store at `path`, creating it (and its key file and folder) when missing, and
  /// migrates it to the current schema.
  ///
  /// With `readOnly`, the store must exist and be migrated to the current schema already;
  /// the connection is opened read-only by SQLite, so nothing can be written through it
  /// (the dashboard reads through such a store).
  public init(path: String, readOnly: Bool = false) throws {
    self.path = path
    self.keyPath = path + ".key"
    if readOnly {
      (hasher, queue) = try SafetyStore.openReadOnly(path: path, keyPath: keyPath)
      return
    }
    let fm = FileManager.default
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let storeExists = fm.fileExists(atPath: path)
    hasher = KeyHasher(secret: try SafetyStore.secret(at: keyPath, storeExists: storeExists))
    if !storeExists {
      guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
      else { throw StoreError.io("cannot create the store \(path)") }
    }
    var config = Configuration()
    config.foreignKeysEnabled = true
    config.busyMode = .timeout(10)
    // Write-ahead log: one fsync per committed export instead of several, and readers
    // (analysts' commands) never block a run. synchronous = FULL keeps every committed
    // export durable before its file is moved to the archive. The log is folded back into
    // the database file when the store is closed.
    config.prepareDatabase { db in
      try db.execute(sql: "PRAGMA journal_mode = WAL")
      try db.execute(sql: "PRAGMA synchronous = FULL")
      // 64 MiB of page cache: large exports touch many pages of the records B-tree.
      try db.execute(sql: "PRAGMA cache_size = -65536")
    }
    queue = try DatabaseQueue(path: path, configuration: config)
    try StoreSchema.migrator.migrate(queue)
  }

  static func openReadOnly(path: String, keyPath: String) throws -> (KeyHasher, DatabaseQueue) {
    guard FileManager.default.fileExists(atPath: path) else {
      throw StoreError.io("the store \(path) does not exist yet; run the pipeline first")
    }
    let hasher = KeyHasher(secret: try SafetyStore.secret(at: keyPath, storeExists: true))
    var config = Configuration()
    config.readonly = true
    config.busyMode = .timeout(10)
    config.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -65536") }
    let queue = try DatabaseQueue(path: path, configuration: config)
    let current = try queue.read { db in try StoreSchema.migrator.hasCompletedMigrations(db) }
    guard current else {
      throw StoreError.inconsistent(
        "the store \(path) has an older schema; run the pipeline once to migrate it")
    }
    return (hasher, queue)
  }

  /// A number that changes whenever another connection commits to the store (SQLite's
  /// `PRAGMA data_version`): readers use it to tell whether what they cached is stale.
  public func dataVersion() throws -> Int {
    try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
  }

  /// Reads the key file, or creates it with 32 random bytes for a new store. An existing
  /// store without its key file is refused: its record keys could no longer be matched.
  static func secret(at keyPath: String, storeExists: Bool) throws -> [UInt8] {
    let fm = FileManager.default
    if let data = fm.contents(atPath: keyPath) {
      guard data.count >= 32 else { throw StoreError.io("the key file \(keyPath) is damaged") }
      return [UInt8](data)
    }
    if storeExists {
      throw StoreError.io(
        "the store exists but its key file \(keyPath) is missing; restore it from backup")
    }
    var rng = SystemRandomNumberGenerator()
    let secret = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
    guard
      fm.createFile(
        atPath: keyPath, contents: Data(secret), attributes: [.posixPermissions: 0o600])
    else { throw StoreError.io("cannot create the key file \(keyPath)") }
    return secret
  }

  /// The migrations applied, oldest first.
  public func appliedMigrations() throws -> [String] {
    try queue.read { db in try StoreSchema.migrator.appliedMigrations(db) }
  }

  /// Runs `PRAGMA integrity_check`; "ok" when healthy.
  public func integrityCheck() throws -> String {
    try queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
  }
}

/// Store failures that are not SQLite errors.
public enum StoreError: Error, CustomStringConvertible, Sendable {
  case io(String)
  case inconsistent(String)

  public var description: String {
    switch self {
    case .io(let m), .inconsistent(let m): m
    }
  }
}
