import Foundation
import Operations
import Store
import Testing

/// `run` as cron uses it: dry run, lock, quiet, logs, summary and metrics files.
@Suite struct RunCommandOperationsTests {
  static let good =
    "naam;nr;datum;buurt;code\nJan;1;02-09-2024;BU99990101;1.1.1\nPiet;2;03-09-2024;BU99990101;1.1.1\n"
  static let broken = "naam;nummer\nJan;1\n"

  /// Every file under `folder` (recursively) with its bytes, and the folder's entries.
  static func tree(_ folder: String) -> [String: Data] {
    var out: [String: Data] = [:]
    let walker = FileManager.default.enumerator(atPath: folder)
    while let name = walker?.nextObject() as? String {
      let path = folder + "/" + name
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      out[name] =
        isDirectory.boolValue ? Data("<dir>".utf8) : FileManager.default.contents(atPath: path)
    }
    return out
  }

  @Test func aDryRunWritesNothing() throws {
    let w = try CLIWorkspace()
    let state = w.root + "/state"
    try w.drop("politie_1.csv", Self.good)
    // Before any run: no store, archive or quarantine is created.
    let first = try safetyMonitor(["run", w.pipeline, "--run-date", "2024-09-30", "--dry-run"])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("dry run: nothing was written; this is what the run would do"))
    #expect(first.stdout.contains("files: 1 applied"))
    #expect(Set(try FileManager.default.contentsOfDirectory(atPath: state)) == ["inbox"])
    // After a run: the next delivery is previewed and nothing changes, bit for bit.
    #expect(try safetyMonitor(["run", w.pipeline, "--run-date", "2024-09-30"]).status == 0)
    try w.drop("politie_2.csv", Self.good.replacingOccurrences(of: "Piet;2", with: "Piet;3"))
    try w.drop("politie_3.csv", Self.broken)
    try w.drop("politie_1_again.csv", Self.good)
    let before = Self.tree(state)
    let dry = try safetyMonitor([
      "run", w.pipeline, "--run-date", "2024-09-30", "--dry-run", "--json",
      "--summary-file", w.root + "/dry.json",
    ])
    #expect(dry.status == 65)  // as the real run will: a file would be quarantined
    #expect(Self.tree(state) == before)
    let json = try JSONSerialization.jsonObject(with: Data(dry.stdout.utf8)) as? [String: Any]
    #expect(json?["dryRun"] as? Bool == true)
    #expect(
      json?["files"] as? [String: Int]
        == ["applied": 1, "skipped": 1, "quarantined": 1, "ignored": 0])
    #expect(dry.stderr.contains("politie_3.csv: would quarantine"))
    #expect(FileManager.default.fileExists(atPath: w.root + "/dry.json"))
    // The real run then does what the dry run said.
    let real = try safetyMonitor(["run", w.pipeline, "--run-date", "2024-09-30", "--json"])
    let done = try JSONSerialization.jsonObject(with: Data(real.stdout.utf8)) as? [String: Any]
    #expect(done?["files"] as? [String: Int] == json?["files"] as? [String: Int])
    // A dry run cannot write metrics.
    let usage = try safetyMonitor([
      "run", w.pipeline, "--dry-run", "--metrics-file", w.root + "/m.prom",
    ])
    #expect(usage.status == 64)
  }

  @Test func oneRunAtATime() throws {
    let w = try CLIWorkspace()
    try w.drop("politie_1.csv", Self.good)
    try FileManager.default.createDirectory(
      atPath: w.root + "/state", withIntermediateDirectories: true)
    let lock = try PipelineLock.acquire(at: w.root + "/state/run.lock")
    let busy = try safetyMonitor([
      "run", w.pipeline, "--run-date", "2024-09-30", "--metrics-file", w.root + "/m.prom",
    ])
    #expect(busy.status == 75)
    #expect(busy.stderr.contains("another run holds the lock"))
    #expect(busy.stderr.contains("pid \(getpid())"))
    // A run that could not start leaves the metrics to the run that holds the lock.
    #expect(!FileManager.default.fileExists(atPath: w.root + "/m.prom"))
    // With --wait, it runs once the other finishes.
    DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { lock.release() }
    let waited = try safetyMonitor(["run", w.pipeline, "--run-date", "2024-09-30", "--wait", "10"])
    #expect(waited.status == 0, "\(waited.stderr)")
    #expect(waited.stdout.contains("files: 1 applied"))
  }

  @Test func writesTheSummaryAndMetricsFilesAndStaysQuiet() throws {
    let w = try CLIWorkspace()
    try w.drop("politie_1.csv", Self.good)
    try w.drop("politie_2.csv", Self.broken)
    let metrics = w.root + "/metrics/safety.prom"
    try FileManager.default.createDirectory(
      atPath: w.root + "/metrics", withIntermediateDirectories: true)
    let r = try safetyMonitor([
      "run", w.pipeline, "--run-date", "2024-09-30", "--quiet", "--summary-file",
      w.root + "/last-run.json", "--metrics-file", metrics,
    ])
    #expect(r.status == 65)
    #expect(r.stdout.isEmpty)
    let summary =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: w.root + "/last-run.json"))) as? [String: Any]
    #expect(summary?["exitStatus"] as? Int == 65)
    #expect(summary?["status"] as? String == "ok")
    #expect((summary?["durationSeconds"] as? Double ?? -1) >= 0)
    #expect((summary?["totals"] as? [String: Int])?["records"] == 2)
    let text = try String(contentsOfFile: metrics, encoding: .utf8)
    for line in [
      "# TYPE safety_monitor_last_success_timestamp_seconds gauge",
      "safety_monitor_last_run_exit_status{pipeline=\"clitest\"} 65",
      "safety_monitor_rows_ingested_total{pipeline=\"clitest\"} 2",
      "safety_monitor_rows_rejected_total{pipeline=\"clitest\"} 0",
      "safety_monitor_exports_quarantined_total{pipeline=\"clitest\"} 1",
      "safety_monitor_last_run_files{pipeline=\"clitest\",outcome=\"quarantined\"} 1",
      "# TYPE safety_monitor_last_run_duration_seconds gauge",
    ] {
      #expect(text.contains(line), "missing: \(line)\n\(text)")
    }
    // Every sample line is `name{labels} value`, as the textfile collector wants.
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      #expect(line.split(separator: " ").count == 2 && Double(line.split(separator: " ")[1]) != nil)
    }
    // The store keeps the run's figures.
    let store = try SafetyStore(path: w.root + "/state/store.sqlite", mode: .readOnly)
    let last = try #require(try store.recentRuns(limit: 1).first)
    #expect(last.status == "ok" && last.exitStatus == 65)
    #expect(last.summary?.contains("\"exitStatus\":65") == true)
    // A configuration error still writes both files, with the exit status.
    try "version: 2\n".write(toFile: w.root + "/bad.yaml", atomically: true, encoding: .utf8)
    let bad = try safetyMonitor([
      "run", w.root + "/bad.yaml", "--summary-file", w.root + "/bad.json", "--metrics-file",
      w.root + "/bad.prom",
    ])
    #expect(bad.status == 78)
    let badMetrics = try String(contentsOfFile: w.root + "/bad.prom", encoding: .utf8)
    #expect(badMetrics.contains("safety_monitor_last_run_exit_status{pipeline=\"bad\"} 78"))
    #expect(
      try String(contentsOfFile: w.root + "/bad.json", encoding: .utf8).contains("\"failed\""))
  }

  @Test func logsAsJSONLinesOrHumanAndByLevel() throws {
    let w = try CLIWorkspace()
    try w.drop(
      "politie_1.csv", Self.good.replacingOccurrences(of: "03-09-2024", with: "31-09-2024"))
    let json = try safetyMonitor(["run", w.pipeline, "--run-date", "2024-09-30", "--dry-run"])
    let lines = json.stderr.split(separator: "\n")
    #expect(!lines.isEmpty)
    for line in lines {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      #expect(object?["level"] != nil && object?["message"] != nil && object?["time"] != nil)
    }
    let diagnostic = try #require(
      lines.compactMap {
        try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
      }.first { $0["code"] as? String == "invalid-date" })
    #expect(diagnostic["file"] as? String == "politie_1.csv")
    #expect(diagnostic["line"] as? Int == 3 && diagnostic["column"] as? Int == 8)
    let human = try safetyMonitor([
      "run", w.pipeline, "--run-date", "2024-09-30", "--dry-run", "--log-format", "human",
    ])
    #expect(
      human.stderr.contains(
        "error   politie_1.csv:3:8: error: no such date (pattern dd-MM-yyyy) [invalid-date]\n"))
    let quiet = try safetyMonitor([
      "run", w.pipeline, "--run-date", "2024-09-30", "--dry-run", "--log-level", "error",
    ])
    #expect(!quiet.stderr.contains("\"level\":\"info\""))
    #expect(quiet.stderr.contains("\"level\":\"error\""))
    // No progress line when standard error is not a terminal.
    #expect(!json.stderr.contains("\r") && !json.stderr.contains("rows/s"))
  }

  /// On a terminal (a pseudo-terminal from util-linux `script`), progress is drawn on one
  /// line and the final state left as a line.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
  func drawsProgressOnATerminal() throws {
    let w = try CLIWorkspace()
    for i in 1...3 {
      try w.drop("politie_\(i).csv", Self.good.replacingOccurrences(of: ";1;", with: ";1\(i);"))
    }
    let command = [
      safetyMonitorBinary.path, "run", w.pipeline, "--run-date", "2024-09-30", "--quiet",
    ]
    .map { "'\($0)'" }.joined(separator: " ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-qec", command, "/dev/null"]
    let out = Pipe()
    process.standardOutput = out
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(text)")
    // Human log lines (a terminal), then the final progress line.
    #expect(text.contains("info    run started"))
    #expect(text.contains("clitest  100% 0.0/0.0 MB  "), "\(text)")
    #expect(text.contains(" rows/s  ETA 0:00"))
  }
}
