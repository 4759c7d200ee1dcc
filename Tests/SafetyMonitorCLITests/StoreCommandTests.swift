import Foundation
import Store
import Testing

@Suite struct StoreCommandTests {
  static func workspaceAfterARun() throws -> CLIWorkspace {
    let w = try CLIWorkspace()
    try w.drop(
      "politie_1.csv",
      "naam;nr;datum;buurt;code\nJan;1;02-09-2024;BU99990101;1.1.1\nPiet;2;03-09-2024;BU12345678;1.1.1\n"
    )
    try w.drop("politie_2.csv", "kapot\n")
    let r = try safetyMonitor(["run", w.pipeline, "--run-date", "2024-09-30"])
    #expect(r.status == 65)
    return w
  }

  @Test func checksAHealthyStoreAndFindsProblems() throws {
    let w = try Self.workspaceAfterARun()
    let state = w.root + "/state"
    let healthy = try safetyMonitor(["store", "check", w.pipeline])
    #expect(healthy.status == 0, "\(healthy.stdout)\(healthy.stderr)")
    for line in [
      "ok: [integrity] PRAGMA integrity_check: ok",
      "ok: [schema] schema current: \(SafetyStore.knownMigrations.count) migrations",
      "ok: [counts] count cube consistent with records and aggregated counts",
      "ok: [archive] 2 kept file(s) present (size checked)",
      "store healthy",
    ] {
      #expect(healthy.stdout.contains(line), "missing: \(line)\n\(healthy.stdout)")
    }
    // Checking writes nothing next to the store.
    #expect(!FileManager.default.fileExists(atPath: state + "/store.sqlite-wal"))
    // An archived file gone, a quarantined one changed, a stray file, a readable store.
    let archive = state + "/archive/politie"
    let archived = try #require(try FileManager.default.contentsOfDirectory(atPath: archive).first)
    try FileManager.default.moveItem(atPath: archive + "/" + archived, toPath: w.root + "/away.csv")
    try "changed content\n".write(
      toFile: state + "/quarantine/politie_2.csv", atomically: true, encoding: .utf8)
    try "x".write(toFile: archive + "/stray.csv", atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o644], ofItemAtPath: state + "/store.sqlite")
    let sick = try safetyMonitor(["store", "check", w.pipeline, "--json"])
    #expect(sick.status == 65)
    let findings =
      (try JSONSerialization.jsonObject(with: Data(sick.stdout.utf8)) as? [String: Any])?[
        "findings"] as? [[String: String]] ?? []
    let problems = findings.filter { $0["level"] == "problem" }.compactMap { $0["message"] }
    #expect(problems.contains { $0.contains("has mode 644; it must be 600") })
    #expect(
      problems.contains { $0.contains("1 kept file(s) missing: archive/politie/\(archived)") })
    #expect(
      problems.contains { $0.contains("1 kept file(s) differ (size): quarantine/politie_2.csv") })
    #expect(
      problems.contains { $0.contains("the ledger does not know") && $0.contains("stray.csv") })
    // Files removed by the retention policy are not problems.
    try FileManager.default.moveItem(atPath: w.root + "/away.csv", toPath: archive + "/" + archived)
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o600], ofItemAtPath: state + "/store.sqlite")
    try FileManager.default.removeItem(atPath: archive + "/stray.csv")
    try FileManager.default.removeItem(atPath: archive + "/" + archived)
    try "kapot\n".write(
      toFile: state + "/quarantine/politie_2.csv", atomically: true, encoding: .utf8)
    let retained = try safetyMonitor([
      "store", "check", w.pipeline, "--archive-retention-days", "0", "--verify-hashes",
    ])
    #expect(retained.status == 0, "\(retained.stdout)")
    #expect(retained.stdout.contains("1 removed after the retention period"))
  }

  @Test func backsUpAndRestores() throws {
    let w = try Self.workspaceAfterARun()
    let state = w.root + "/state"
    let backup = w.root + "/backups/demo.sqlite"
    try FileManager.default.createDirectory(
      atPath: w.root + "/backups", withIntermediateDirectories: true)
    let r = try safetyMonitor(["store", "backup", w.pipeline, "--out", backup])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("backup: \(backup)"))
    for file in [backup, backup + ".key"] {
      let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
      #expect(mode == 0o600, "\(file)")
    }
    #expect(!FileManager.default.fileExists(atPath: backup + "-wal"))
    let original = try SafetyStore(path: state + "/store.sqlite", mode: .readOnly)
      .dataFingerprint()
    // Restore as docs/OPERATIONS.md says: copy both files back, then check.
    try FileManager.default.removeItem(atPath: state + "/store.sqlite")
    try FileManager.default.removeItem(atPath: state + "/store.sqlite.key")
    try FileManager.default.copyItem(atPath: backup, toPath: state + "/store.sqlite")
    try FileManager.default.copyItem(atPath: backup + ".key", toPath: state + "/store.sqlite.key")
    let check = try safetyMonitor(["store", "check", w.pipeline])
    #expect(check.status == 0, "\(check.stdout)")
    let restored = try SafetyStore(path: state + "/store.sqlite", mode: .readOnly)
    #expect(try restored.dataFingerprint() == original)
    // The restored store takes the next run, and re-delivered files are still recognised
    // (the key file came back with it).
    try w.drop(
      "politie_1_again.csv",
      "naam;nr;datum;buurt;code\nJan;1;02-09-2024;BU99990101;1.1.1\nPiet;2;03-09-2024;BU12345678;1.1.1\n"
    )
    let next = try safetyMonitor(["run", w.pipeline, "--run-date", "2024-09-30", "--json"])
    #expect(next.status == 0)
    #expect(next.stdout.contains("\"changed\":false"))
    // No store: a clear error.
    try FileManager.default.removeItem(atPath: state + "/store.sqlite")
    let none = try safetyMonitor(["store", "backup", w.pipeline, "--out", backup])
    #expect(none.status == 74)
    #expect(none.stderr.contains("no store at"))
  }
}
