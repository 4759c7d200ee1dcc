import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a backup wrote.
public struct BackupResult: Sendable, Hashable {
  public var path: String
  public var keyPath: String
  public var bytes: Int
  public var migrations: [String]
}

extension SafetyStore {
  /// Copies the store to `destination` with SQLite's online backup API (a consistent
  /// snapshot even while others read it), then its key file to `<destination>.key`. Both
  /// are written under a temporary name (mode 0600), synced, checked (`integrity_check`)
  /// and renamed into place, so an existing backup is replaced only by a complete one.
  /// The copy is a single file (rollback journal); the first run on a restored copy turns
  /// the write-ahead log on again.
  public func backup(to destination: String) throws -> BackupResult {
    let fm = FileManager.default
    let temporary = destination + ".partial"
    try? fm.removeItem(atPath: temporary)
    guard fm.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600])
    else { throw StoreError.io("cannot create \(temporary)") }
    do {
      let copy = try DatabaseQueue(path: temporary)
      try queue.backup(to: copy)
      try copy.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA journal_mode = DELETE")
      }
      let check = try copy.read { db in
        try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n")
      }
      guard check == "ok" else { throw StoreError.inconsistent("the copy fails integrity_check") }
      try copy.close()
    } catch {
      try? fm.removeItem(atPath: temporary)
      throw error
    }
    try SafetyStore.sync(temporary)
    guard rename(temporary, destination) == 0 else {
      throw StoreError.io("cannot rename \(temporary) to \(destination)")
    }
    guard let key = fm.contents(atPath: keyPath) else {
      throw StoreError.io("cannot read the key file \(keyPath)")
    }
    let keyCopy = destination + ".key"
    let keyTemporary = keyCopy + ".partial"
    try? fm.removeItem(atPath: keyTemporary)
    guard fm.createFile(atPath: keyTemporary, contents: key, attributes: [.posixPermissions: 0o600])
    else { throw StoreError.io("cannot write \(keyTemporary)") }
    try SafetyStore.sync(keyTemporary)
    guard rename(keyTemporary, keyCopy) == 0 else {
      throw StoreError.io("cannot rename \(keyTemporary) to \(keyCopy)")
    }
    SafetyStore.syncFolder(of: destination)
    let bytes = (try? fm.attributesOfItem(atPath: destination)[.size] as? Int) ?? 0
    return BackupResult(
      path: destination, keyPath: keyCopy, bytes: bytes, migrations: try appliedMigrations())
  }

  static func sync(_ path: String) throws {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw StoreError.io("cannot open \(path) to sync it") }
    defer { close(fd) }
    guard fsync(fd) == 0 else { throw StoreError.io("cannot sync \(path)") }
  }

  static func syncFolder(of path: String) {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    let fd = open(folder, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }

  /// Ledger entries with where their files are kept, for checking the archive.
  public func keptFiles() throws -> [(
    hash: String, keptAt: String?, bytes: Int, receivedAt: String, status: String
  )] {
    try queue.read { db in
      try Row.fetchAll(
        db,
        sql: "SELECT contentHash, archivePath, bytes, receivedAt, status FROM exports ORDER BY id"
      ).map { ($0["contentHash"], $0["archivePath"], $0["bytes"], $0["receivedAt"], $0["status"]) }
    }
  }
}

extension SafetyStore {
  /// The store's data as sorted text rows per table, leaving out what differs between two
  /// stores that hold the same data: the `runs` table, run ids, timestamps (columns ending
  /// in `At`) and inbox-file identities. Two stores fed the same exports — one by an
  /// uninterrupted run, one by runs killed and finished — give equal fingerprints (the
  /// crash-safety harness compares them).
  public func dataFingerprint() throws -> [String: [String]] {
    try queue.read { db in
      let tables = try String.fetchAll(
        db,
        sql: """
          SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
            AND name NOT IN ('runs', 'grdb_migrations') ORDER BY name
          """)
      var out: [String: [String]] = [:]
      for table in tables {
        let columns = try db.columns(in: table).map(\.name).filter { name in
          !(name == "runId" || name.hasSuffix("RunId") || name.hasSuffix("At")
            || name == "fileIdentity")
        }
        guard !columns.isEmpty else { continue }
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let rows = try Row.fetchAll(db, sql: "SELECT \(list) FROM \"\(table)\"")
        out[table] = rows.map { row in
          columns.indices.map { i -> String in
            let value = row[i] as DatabaseValue
            switch value.storage {
            case .null: return "∅"
            case .int64(let v): return String(v)
            case .double(let v): return String(v)
            case .string(let v): return v
            case .blob(let v): return v.map { String(format: "%02x", $0) }.joined()
            }
          }.joined(separator: "|")
        }.sorted()
      }
      return out
    }
  }
}
