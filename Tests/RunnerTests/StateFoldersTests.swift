import Foundation
import Testing

@testable import Runner

@Suite struct StateFoldersTests {
  func folders() throws -> StateFolders {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "folders-\(UUID().uuidString)"
    ).path
    let f = StateFolders(
      state: root, inbox: root + "/inbox", archive: root + "/archive",
      quarantine: root + "/quarantine")
    try f.create()
    return f
  }

  @Test func createsPrivateArchiveAndQuarantine() throws {
    let f = try folders()
    for dir in [f.archive, f.quarantine] {
      let mode = try FileManager.default.attributesOfItem(atPath: dir)[.posixPermissions]
      #expect((mode as? NSNumber)?.intValue == 0o700)
    }
  }

  @Test func listsOnlyFinishedFilesInNameOrder() throws {
    let f = try folders()
    for name in ["b.csv", "a.csv", ".hidden.csv", "c.csv.part", "d.tmp"] {
      try "x".write(toFile: f.inbox + "/" + name, atomically: true, encoding: .utf8)
    }
    #expect(try f.inboxFiles() == ["a.csv", "b.csv"])
  }

  @Test func movesByContentAndKeepsOneCopy() throws {
    let f = try folders()
    try "same".write(toFile: f.inbox + "/a.csv", atomically: true, encoding: .utf8)
    let hash = try StateFolders.sha256(ofFile: f.inbox + "/a.csv")
    #expect(hash == "0967115f2813a3541eaef77de9d9d5773f1c0c04314b0bbfe4ff3b3b1c55b5d5")
    let target = f.archivePath(source: "politie", hash: hash, originalName: "a.CSV")
    #expect(target == "archive/politie/\(hash).csv")
    try f.move(inboxName: "a.csv", to: target, hash: hash)
    try "same".write(toFile: f.inbox + "/b.csv", atomically: true, encoding: .utf8)
    try f.move(inboxName: "b.csv", to: target, hash: hash)
    #expect(try f.inboxFiles().isEmpty)
    #expect(try String(contentsOfFile: f.absolute(target), encoding: .utf8) == "same")
    // Other bytes under a taken name are refused and stay in the inbox.
    try "other".write(toFile: f.inbox + "/c.csv", atomically: true, encoding: .utf8)
    #expect(throws: RunnerError.self) { try f.move(inboxName: "c.csv", to: target, hash: "x") }
    #expect(try f.inboxFiles() == ["c.csv"])
  }

  @Test func quarantineNamesDoNotCollide() throws {
    let f = try folders()
    try "one".write(toFile: f.quarantine + "/x.csv", atomically: true, encoding: .utf8)
    let other = f.quarantinePath(originalName: "x.csv", hash: "abcdef0123456789")
    #expect(other == "quarantine/x.abcdef012345.csv")
    let oneHash = try StateFolders.sha256(ofFile: f.quarantine + "/x.csv")
    #expect(f.quarantinePath(originalName: "x.csv", hash: oneHash) == "quarantine/x.csv")
  }
}
