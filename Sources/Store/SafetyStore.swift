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
  /// Opened with `readOnly`: nothing is written, not even a migration.
  public let isReadOnly: Bool
  /// Whether the key file was there (a read-only store may be opened without it; its
  /// `hasher` then matches no record and must not be used).
  public let hasKeyFile: Bool
  /// Called at the crash-safety harness's points inside transactions (`CrashPoints`).
  let checkpoint: @Sendable (StaticString) -> Void

  /// The area text of the unknown-area bucket in the store.
  public static let unknownArea = "?"

  /// How a store is opened.
  public enum Mode: Sendable {
    /// Created when missing (mode 0600, with its key file) and migrated to the current
    /// schema. Refuses a store written by a newer version.
    case readWrite
    /// Nothing is written: no migration, no journal change. While no write-ahead log is
    /// present (no other connection is open), the file is opened `immutable`, so SQLite
    /// creates no `-wal`/`-shm` files beside it either. The store must exist.
    case readOnly
    /// Nothing is written, but commits by other processes are seen (never `immutable`):
    /// for long-lived readers such as the dashboard while scheduled runs write. The store
    /// must exist with its key file and be migrated to the current schema.
    case liveReadOnly
  }

  /// Opens the store at `path`, creating it (and its key file and folder) when missing, and
  /// migrates it to the current schema (`.readWrite`); or reads it as it is (`.readOnly`).
  public init(
    path: String, mode: Mode = .readWrite,
    checkpoint: @escaping @Sendable (StaticString) -> Void = { _ in }
  ) throws {
    self.path = path
    self.keyPath = path + ".key"
    self.checkpoint = checkpoint
    isReadOnly = mode != .readWrite
    let fm = FileManager.default
    let storeExists = fm.fileExists(atPath: path)
    if mode == .liveReadOnly {
      guard storeExists else {
        throw StoreError.io("the store \(path) does not exist yet; run the pipeline first")
      }
      hasher = KeyHasher(secret: try SafetyStore.secret(at: keyPath, storeExists: true))
      hasKeyFile = true
      queue = try SafetyStore.openLiveReadOnly(path)
      return
    }
    if mode == .readOnly {
      guard storeExists else { throw StoreError.io("no store at \(path)") }
      let secret = fm.contents(atPath: keyPath).map { [UInt8]($0) }
      hasKeyFile = (secret?.count ?? 0) >= 32
      hasher = KeyHasher(
        secret: hasKeyFile ? secret ?? [] : (0..<32).map { _ in UInt8.random(in: 0...255) })
      queue = try SafetyStore.openReadOnly(path)
      return
    }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
    hasher = KeyHasher(secret: try SafetyStore.secret(at: keyPath, storeExists: storeExists))
    hasKeyFile = true
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
    let unknown = try queue.read { db in
      try StoreSchema.migrator.appliedIdentifiers(db).subtracting(StoreSchema.known)
    }
    guard unknown.isEmpty else {
      throw StoreError.newerSchema(
        "the store \(path) was written by a newer version of safety-monitor (migrations "
          + unknown.sorted().joined(separator: ", ") + "); install that version or newer")
    }
    try StoreSchema.migrator.migrate(queue)
  }

  static func openReadOnly(_ path: String) throws -> DatabaseQueue {
    var config = Configuration()
    config.readonly = true
    config.busyMode = .timeout(10)
    if !FileManager.default.fileExists(atPath: path + "-wal"),
      let escaped = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed),
      let queue = try? DatabaseQueue(path: "file:\(escaped)?immutable=1", configuration: config),
      (try? queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sqlite_master") }) != nil
    {
      return queue
    }
    return try DatabaseQueue(path: path, configuration: config)
  }

  /// A read-only connection that sees other processes' commits (not `immutable`): for
  /// long-lived readers such as the dashboard while cron runs write. The schema must be
  /// current.
  static func openLiveReadOnly(_ path: String) throws -> DatabaseQueue {
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
    return queue
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

  /// The migrations this version of the program knows, oldest first.
  public static var knownMigrations: [String] { StoreSchema.known }

  /// How the store's schema compares with this program's: applied, pending (a run applies
  /// them) and unknown (written by a newer version).
  public func schemaStatus() throws -> SchemaStatus {
    try queue.read { db in
      let applied = try StoreSchema.migrator.appliedIdentifiers(db)
      return SchemaStatus(
        applied: StoreSchema.known.filter(applied.contains),
        pending: StoreSchema.known.filter { !applied.contains($0) },
        unknown: applied.subtracting(StoreSchema.known).sorted())
    }
  }

  /// Runs `PRAGMA integrity_check`; "ok" when healthy, else its findings, one per line.
  public func integrityCheck() throws -> String {
    try queue.read { db in
      try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n")
    }
  }
}

/// The schema version of a store, as migrations.
public struct SchemaStatus: Sendable, Hashable, Codable {
  public var applied: [String]
  public var pending: [String]
  public var unknown: [String]
  public var isCurrent: Bool { pending.isEmpty && unknown.isEmpty }
}

/// Store failures that are not SQLite errors.
public enum StoreError: Error, CustomStringConvertible, Sendable {
  case io(String)
  case inconsistent(String)
  /// The store holds migrations this version does not know.
  case newerSchema(String)

  public var description: String {
    switch self {
    case .io(let m), .inconsistent(let m), .newerSchema(let m): m
    }
  }
}
