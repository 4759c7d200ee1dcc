import FixtureGen
import Foundation
import Testing

@Suite struct FixtureGeneratorTests {
  static func files(_ dir: URL) throws -> [String: Data] {
    var out: [String: Data] = [:]
    let fm = FileManager.default
    guard let e = fm.enumerator(atPath: dir.path) else { return out }
    for case let rel as String in e {
      var isDir: ObjCBool = false
      let url = dir.appendingPathComponent(rel)
      if fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
        out[rel] = try Data(contentsOf: url)
      }
    }
    return out
  }

  static func temp(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "fixturegen-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
  }

  /// Same seed → byte-identical output (two generations in one process).
  @Test func sameSeedSameBytes() throws {
    let config = FixtureConfig(seed: 7, years: 2022...2024)
    let a = Self.temp("det-a")
    let b = Self.temp("det-b")
    defer {
      try? FileManager.default.removeItem(at: a)
      try? FileManager.default.removeItem(at: b)
    }
    try FixtureGenerator(config).write(to: a)
    try FixtureGenerator(config).write(to: b)
    let fa = try Self.files(a)
    let fb = try Self.files(b)
    #expect(fa.count > 100)
    #expect(Set(fa.keys) == Set(fb.keys))
    for (k, v) in fa { #expect(fb[k] == v, "\(k) differs") }
  }

  /// The committed demo is exactly what `make-fixtures --out fixtures/demostad` writes
  /// (so it can be regenerated, and the generator has not drifted from it).
  @Test func committedDemoIsRegenerable() throws {
    let dir = Self.temp("committed")
    defer { try? FileManager.default.removeItem(at: dir) }
    try FixtureGenerator(FixtureConfig()).write(to: dir)
    let generated = try Self.files(dir)
    let committed = try Self.files(Repo.fixtures).filter { $0.key != "README.md" }
    #expect(Set(generated.keys) == Set(committed.keys))
    for (k, v) in generated { #expect(committed[k] == v, "\(k) differs from the committed file") }
  }

  /// Another seed gives a different but equally complete data set.
  @Test func otherSeedDiffersButIsComplete() throws {
    let summary = Generated.summary
    let other = try Self.files(Generated.dir)
    let committed = try Self.files(Repo.fixtures)
    #expect(other["truth.csv"] != committed["truth.csv"])
    #expect(
      other["exports/politie_misdrijven_2024-01.csv"]
        != committed["exports/politie_misdrijven_2024-01.csv"])
    #expect(Set(other.keys) == Set(committed.keys).subtracting(["README.md"]))
    #expect(summary.episodes.count == 24)
    #expect(summary.registry.buurten.count == 40)
    for e in summary.manifest where e.expected == .apply && e.rows > 0 {
      #expect(Double(e.badRows) <= 0.02 * Double(e.rows), "\(e.file)")
    }
  }

  @Test func summaryCountsMatchTheManifest() throws {
    let summary = Generated.summary
    let manifest = try CSVRead.table(Generated.dir.appendingPathComponent("manifest.csv"))
    #expect(manifest.count == summary.manifest.count)
    #expect(
      summary.manifest.filter { $0.expected == .quarantine }.map(\.file) == [
        "politie_misdrijven_2023-06.csv"
      ])
    #expect(
      summary.manifest.filter { $0.expected == .duplicate }.map(\.file) == [
        "mor_2023-W14 (kopie).csv"
      ])
  }

  @Test func withoutAnomaliesNothingIsBrokenOrDuplicated() throws {
    let dir = Self.temp("plain")
    defer { try? FileManager.default.removeItem(at: dir) }
    let summary = try FixtureGenerator(
      FixtureConfig(seed: 3, years: 2023...2024, episodesPerKind: 2, anomalies: .none)
    ).write(to: dir)
    #expect(summary.manifest.allSatisfy { $0.expected == .apply })
  }
}
