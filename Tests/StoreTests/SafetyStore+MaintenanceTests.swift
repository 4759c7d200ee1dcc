import Foundation
import GRDB
import Normalise
import Testing

@testable import Store

@Suite struct SafetyStoreMaintenanceTests {
  @Test func opensReadOnlyWithoutWritingOrMigrating() throws {
    let path = temporaryStorePath()
    _ = try SafetyStore(path: path)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let reader = try SafetyStore(path: path, mode: .readOnly)
    #expect(reader.isReadOnly && reader.hasKeyFile)
    #expect(try reader.schemaStatus().isCurrent)
    #expect(try reader.integrityCheck() == "ok")
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        == ["store.sqlite", "store.sqlite.key"])
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    #expect(throws: StoreError.self) {
      try SafetyStore(path: folder + "/missing.sqlite", mode: .readOnly)
    }
  }

  @Test func refusesAStoreFromANewerVersion() throws {
    let path = temporaryStorePath()
    _ = try SafetyStore(path: path)
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99: from the future')")
    }
    try queue.close()
    #expect(
      try SafetyStore(path: path, mode: .readOnly).schemaStatus().unknown == [
        "v99: from the future"
      ])
    do {
      _ = try SafetyStore(path: path)
      Issue.record("a newer store was opened for writing")
    } catch let StoreError.newerSchema(message) {
      #expect(message.contains("v99: from the future"))
    }
  }

  @Test func reportsPendingMigrations() throws {
    let path = temporaryStorePath()
    _ = try SafetyStore(path: path)
    let queue = try DatabaseQueue(path: path)
    let last = try #require(SafetyStore.knownMigrations.last)
    try queue.write { db in
      try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [last])
    }
    try queue.close()
    #expect(try SafetyStore(path: path, mode: .readOnly).schemaStatus().pending == [last])
  }

  @Test func backsUpToOneCheckedFileWithItsKey() throws {
    let path = temporaryStorePath()
    let store = try SafetyStore(path: path)
    try store.recordQuarantine(receipt("q"), stats: RowStats(), reason: "broken")
    let out = URL(fileURLWithPath: path).deletingLastPathComponent().path + "/backup.sqlite"
    let result = try SafetyStore(path: path, mode: .readOnly).backup(to: out)
    #expect(result.migrations == SafetyStore.knownMigrations)
    #expect(
      FileManager.default.contents(atPath: out + ".key")
        == FileManager.default.contents(atPath: path + ".key"))
    let copy = try SafetyStore(path: out, mode: .readOnly)
    #expect(try copy.dataFingerprint() == (try store.dataFingerprint()))
    #expect(try copy.ledger().count == 1)
    #expect(!FileManager.default.fileExists(atPath: out + ".partial"))
  }
}
