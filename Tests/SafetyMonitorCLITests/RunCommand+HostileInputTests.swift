import Foundation
import Store
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The hostile-input suite, through the binary: every case of `HostileExports` in one
/// inbox (with a pipe and a link beside them), one run. Each file must end as expected with
/// a clear message, the store must stay consistent (nothing lost, nothing counted twice),
/// and no planted value may reach a log line, the summary, a reason file or the store.
@Suite struct RunCommandHostileInputTests {
  static let pipelineText = """
    version: 1
    name: hostile
    language: en
    areas: {registry: areas.csv}
    themes:
      hic: {name: HIC}
    sources:
      politie:
        partner: Politie
        files: politie_*.csv
        dialect: {delimiter: ";", encoding: utf-8}
        key: registratienummer
        date: {column: pleegdatum, format: dd-MM-yyyy}
        area: {column: buurtcode}
        category: {column: incidentcode}
        personal: [naam, bsn]
      welzijn:
        partner: Welzijn
        files: welzijn_*.csv
        dialect: {delimiter: ","}
        period: {column: maand, kind: month, format: yyyy-MM}
        area: {column: wijk}
        category: {value: casus}
        count: aantal
    indicators:
      inbraak: {name: Inbraak, theme: hic, from: {politie: ["1.1.1"]}}
    """

  struct Outcome {
    var root: String
    var run: CLIResult
    var again: CLIResult
    var summary: [String: Any]
    var exports: [String: [String: Any]]
  }

  /// One run over the whole suite (computed once per test: each test builds its own).
  static func runSuite(format: String = "json") throws -> Outcome {
    let root = scratchFolder("hostile")
    let inbox = root + "/state/inbox"
    try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
    try """
    code;name;parent
    GM9999;Teststad;
    WK999901;Centrum;GM9999
    BU99990101;Markt;WK999901
    BU99990102;Haven;WK999901

    """.write(toFile: root + "/areas.csv", atomically: true, encoding: .utf8)
    try pipelineText.write(toFile: root + "/hostile.yaml", atomically: true, encoding: .utf8)
    for c in HostileExports.cases {
      try Data(c.bytes).write(to: URL(fileURLWithPath: inbox + "/" + c.name))
    }
    // A pipe (reading it would block the run forever) and a link to a file outside.
    #expect(mkfifo(inbox + "/politie_pipe.csv", 0o600) == 0)
    try "ZQSECRET;1\n".write(toFile: root + "/secret.csv", atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(
      atPath: inbox + "/politie_link.csv", withDestinationPath: root + "/secret.csv")
    let arguments = [
      "run", root + "/hostile.yaml", "--run-date", "2024-09-30", "--json", "--log-format", format,
      "--log-level", "debug",
    ]
    let run = try safetyMonitor(arguments, environment: [:])
    let again = try safetyMonitor(arguments, environment: [:])
    let summary =
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any] ?? [:]
    var exports: [String: [String: Any]] = [:]
    for e in summary["exports"] as? [[String: Any]] ?? [] {
      if let name = e["name"] as? String { exports[name] = e }
    }
    return Outcome(root: root, run: run, again: again, summary: summary, exports: exports)
  }

  @Test func everyCaseEndsAsExpectedWithAClearMessage() throws {
    let o = try Self.runSuite()
    defer { try? FileManager.default.removeItem(atPath: o.root) }
    #expect(o.run.status == 65, "\(o.run.stderr.suffix(2000))")
    let messages = o.run.stderr.split(separator: "\n").compactMap { line -> String? in
      let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      #expect(object != nil, "not a JSON line: \(line.prefix(200))")
      return object?["message"] as? String
    }
    for c in HostileExports.cases {
      let report = o.exports[c.name]
      #expect(report?["outcome"] as? String == c.outcome.rawValue, "\(c.name): \(report ?? [:])")
      if let expected = c.message {
        #expect(
          messages.contains { Self.matches($0, expected) },
          "\(c.name): no message with \(expected); got: \(messages.filter { $0.contains(c.name) })"
        )
      }
      if let rows = c.rows {
        let r = report?["rows"] as? [String: Int]
        #expect(
          r?["ok"] == rows.ok && r?["rejected"] == rows.rejected
            && r?["unknownArea"] == rows.unknownArea, "\(c.name): rows \(r ?? [:])")
      }
      // Where the file is now: archive, quarantine (with its reason) or still the inbox.
      let state = o.root + "/state/"
      switch c.outcome {
      case .applied:
        let kept = try #require(report?["keptAt"] as? String)
        #expect(kept.hasPrefix("archive/") && FileManager.default.fileExists(atPath: state + kept))
      case .quarantined:
        let kept = try #require(report?["keptAt"] as? String)
        #expect(FileManager.default.fileExists(atPath: state + kept + ".reason.txt"))
        #expect(!FileManager.default.fileExists(atPath: state + "inbox/" + c.name))
      case .ignored:
        #expect(FileManager.default.fileExists(atPath: state + "inbox/" + c.name))
      }
    }
    // The pipe and the link are left alone (and the run did not hang on the pipe).
    let skipped = o.summary["skippedEntries"] as? [String]
    #expect(skipped == ["politie_link.csv", "politie_pipe.csv"])
    #expect(messages.contains { $0.contains("politie_pipe.csv: not a regular file") })
    // The second run changes nothing.
    #expect(o.again.status == 0)
    let again = try JSONSerialization.jsonObject(with: Data(o.again.stdout.utf8)) as? [String: Any]
    #expect(again?["changed"] as? Bool == false)
  }

  @Test func theStoreStaysConsistent() throws {
    let o = try Self.runSuite()
    defer { try? FileManager.default.removeItem(atPath: o.root) }
    let store = try SafetyStore(path: o.root + "/state/store.sqlite", mode: .readOnly)
    #expect(try store.integrityCheck() == "ok")
    #expect(try store.verifyCounts() == 0)
    // Nothing lost, nothing counted twice: every row applied is one record (keys are unique
    // over the suite, but for the one export that repeats a key).
    let applied = HostileExports.cases.filter { $0.outcome == .applied }
    let rowsOk = applied.compactMap(\.rows?.ok).reduce(0, +)
    let totals = try store.totals()
    #expect(totals.records == rowsOk - 1)
    #expect(totals.counted == Int64(rowsOk - 1))
    #expect(totals.aggregates == 0)
    let ledger = try store.ledger()
    #expect(ledger.filter { $0.status == .applied }.count == applied.count)
    #expect(
      ledger.filter { $0.status == .quarantined }.count
        == HostileExports.cases.filter { $0.outcome == .quarantined }.count)
    #expect(ledger.filter { $0.status == .applied }.map(\.rowsOk).reduce(0, +) == rowsOk)
  }

  @Test func noPlantedValueLeaks() throws {
    for format in ["json", "human"] {
      let o = try Self.runSuite(format: format)
      defer { try? FileManager.default.removeItem(atPath: o.root) }
      // Logs and summaries: not one planted value (ZQ...), nor any other cell.
      for (what, text) in [
        ("stdout", o.run.stdout), ("stderr", o.run.stderr), ("second stdout", o.again.stdout),
        ("second stderr", o.again.stderr),
      ] {
        #expect(!text.contains("ZQ"), "\(format) \(what) leaks: \(Self.around("ZQ", in: text))")
        #expect(!text.contains("Jan "), "\(format) \(what) leaks a name")
        #expect(!text.contains("\u{1B}"), "\(format) \(what) holds an escape character")
      }
      // Reason files: positions and codes only.
      let quarantine = o.root + "/state/quarantine"
      for name in try FileManager.default.contentsOfDirectory(atPath: quarantine)
      where name.hasSuffix(".reason.txt") {
        let text = try String(contentsOfFile: quarantine + "/" + name, encoding: .utf8)
        #expect(!text.contains("ZQ"), "\(name) leaks: \(Self.around("ZQ", in: text))")
      }
      // The store: area and category texts are kept as vocabulary (unknown-area bucket,
      // categories); nothing else planted, in any table or in the file's bytes.
      let store = try SafetyStore(path: o.root + "/state/store.sqlite", mode: .readOnly)
      for (table, rows) in try store.dataFingerprint() {
        for row in rows where row.contains("ZQ") {
          let allowed =
            (table == "categories"
              && (row.contains("ZQFORMULA") || row.contains("ZQPLUS")
                || row.contains("ZQMINUS")))
            || (table == "unknownAreas" && row.contains("ZQAREA"))
          #expect(allowed, "store table \(table) holds \(row.prefix(120))")
        }
      }
      var bytes = try Data(contentsOf: URL(fileURLWithPath: o.root + "/state/store.sqlite"))
      if let wal = FileManager.default.contents(atPath: o.root + "/state/store.sqlite-wal") {
        bytes.append(wal)
      }
      for planted in [
        "ZQNAAM", "ZQKEY", "ZQBSN", "ZQNOTE", "ZQDATE", "ZQHUGE", "ZQWIDE", "ZQEXTRA", "ZQDUP",
        "ZQXSS", "ZQANSI", "ZQAT", "ZQCOUNT", "ZQMONTH", "ZQSECRET",
      ] {
        #expect(bytes.range(of: Data(planted.utf8)) == nil, "\(planted) is in the store file")
      }
    }
  }

  @Test func validateShowsOnlyVocabularyEscaped() throws {
    let o = try Self.runSuite()
    defer { try? FileManager.default.removeItem(atPath: o.root) }
    let r = try safetyMonitor(
      ["validate", o.root + "/hostile.yaml", "--run-date", "2024-09-30"], environment: [:])
    let text = r.stdout + r.stderr
    // Area and category texts are what validate is for (aliases and indicator mapping);
    // they come escaped and cut, and nothing else from the data appears.
    #expect(text.contains("ZQAREA"))
    #expect(text.contains("<script>ZQAREA</script>"))
    for planted in ["ZQNAAM", "ZQKEY", "ZQBSN", "ZQNOTE", "ZQDATE", "ZQANSI", "ZQSECRET"] {
      #expect(!text.contains(planted), "validate shows \(planted)")
    }
    #expect(!text.contains("\u{1B}"))
  }

  /// Whether `message` holds the parts of `pattern` (split at `…`) in order.
  static func matches(_ message: String, _ pattern: String) -> Bool {
    var rest = Substring(message)
    for part in pattern.components(separatedBy: "…") where !part.isEmpty {
      guard let range = rest.range(of: part) else { return false }
      rest = rest[range.upperBound...]
    }
    return true
  }

  static func around(_ needle: String, in text: String) -> String {
    guard let range = text.range(of: needle) else { return "" }
    let start =
      text.index(range.lowerBound, offsetBy: -120, limitedBy: text.startIndex) ?? text.startIndex
    let end = text.index(range.upperBound, offsetBy: 80, limitedBy: text.endIndex) ?? text.endIndex
    return String(text[start..<end])
  }
}
