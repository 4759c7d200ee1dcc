import Foundation
import Testing

/// The README's cron line, run exactly as written in cron's environment, and the files
/// under `deploy/` kept in step with it and with the commands' options.
@Suite struct DeployFilesTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  /// The crontab line after the README's `cron-line` marker.
  static func readmeCronLine() throws -> String {
    let readme = try String(contentsOfFile: repository + "/README.md", encoding: .utf8)
    let marker = try #require(readme.range(of: "<!-- cron-line:"))
    let after = readme[marker.upperBound...].split(separator: "\n").dropFirst(2)
    return String(try #require(after.first))
  }

  /// A crontab line's command: everything after the five time fields.
  static func command(of line: String) -> String {
    var rest = Substring(line)
    for _ in 0..<5 {
      rest = rest.drop { $0 == " " }.drop { $0 != " " }
    }
    return String(rest.drop { $0 == " " })
  }

  /// `env -i PATH=/usr/bin:/bin sh -c COMMAND`, in `home`: how cron runs a line.
  static func asCron(_ command: String, in home: String) throws -> CLIResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["-i", "PATH=/usr/bin:/bin", "sh", "-c", command]
    process.currentDirectoryURL = URL(fileURLWithPath: home)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIResult(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  @Test func theReadmeCronLineWorksAsWritten() throws {
    let line = try Self.readmeCronLine()
    #expect(line.hasPrefix("15 2 * * * bin/safety-monitor run "))
    #expect(!line.contains("%"))  // cron would turn it into a newline
    // The service account's home, laid out as docs/OPERATIONS.md says.
    let home = scratchFolder("cron-home")
    defer { try? FileManager.default.removeItem(atPath: home) }
    let fm = FileManager.default
    for dir in ["bin", "pipelines", "log", "metrics", "state/demostad/inbox"] {
      try fm.createDirectory(atPath: home + "/" + dir, withIntermediateDirectories: true)
    }
    try fm.createSymbolicLink(
      atPath: home + "/bin/safety-monitor", withDestinationPath: safetyMonitorBinary.path)
    try fm.copyItem(
      atPath: Self.repository + "/pipelines/demostad.yaml",
      toPath: home + "/pipelines/demostad.yaml")
    try fm.createSymbolicLink(
      atPath: home + "/fixtures", withDestinationPath: Self.repository + "/fixtures")
    let exports = Self.repository + "/fixtures/demostad/exports"
    for name in [
      "politie_misdrijven_2024-09.csv", "welzijn_casussen_2024Q3.csv", "mor_2024-W38.csv",
    ] {
      try fm.copyItem(atPath: exports + "/" + name, toPath: home + "/state/demostad/inbox/" + name)
    }
    let command = Self.command(of: line)
    let quiet = try Self.asCron(command, in: home)
    #expect(quiet.status == 0)
    #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty, "cron would mail: \(quiet.stdout)")
    let metrics = try String(
      contentsOfFile: home + "/metrics/safety_monitor_demostad.prom", encoding: .utf8)
    #expect(
      metrics.contains("safety_monitor_last_run_exit_status{pipeline=\"demostad-veiligheid\"} 0"))
    #expect(
      metrics.contains("safety_monitor_exports_applied_total{pipeline=\"demostad-veiligheid\"} 3"))
    let summary = try String(contentsOfFile: home + "/log/demostad-last-run.json", encoding: .utf8)
    #expect(summary.contains("\"applied\" : 3"))
    let log = try String(contentsOfFile: home + "/log/demostad.log", encoding: .utf8)
    #expect(log.contains("\"message\":\"run finished\""))
    // A broken delivery: one line on stdout, so cron mails it.
    try "kapot\n".write(
      toFile: home + "/state/demostad/inbox/politie_misdrijven_2024-10.csv", atomically: true,
      encoding: .utf8)
    let loud = try Self.asCron(command, in: home)
    #expect(loud.stdout == "safety-monitor run demostad exited 65 (see log/demostad.log)\n")
  }

  @Test func deployFilesAgreeWithTheReadmeAndTheOptions() throws {
    let crontab = try String(
      contentsOfFile: Self.repository + "/deploy/crontab.example", encoding: .utf8)
    let lines = crontab.split(separator: "\n").filter { $0.first?.isNumber == true }
    #expect(lines.first.map(String.init) == (try Self.readmeCronLine()))
    // Every option the deploy files use exists on its command.
    let helps = try [["run"], ["store", "check"], ["store", "backup"]].map { command in
      (command, try safetyMonitor(command + ["--help"]).stdout)
    }
    let units = try FileManager.default.contentsOfDirectory(
      atPath: Self.repository + "/deploy/systemd"
    ).map { try String(contentsOfFile: Self.repository + "/deploy/systemd/" + $0, encoding: .utf8) }
    for text in [crontab] + units {
      // Each command of a line (lines chain commands with && and ||).
      let segments = text.replacingOccurrences(of: "\\\n", with: " ").split(separator: "\n")
        .filter { !$0.hasPrefix("#") }
        .flatMap { $0.replacingOccurrences(of: "||", with: "&&").components(separatedBy: "&&") }
      for line in segments {
        for (command, help) in helps
        where line.contains("safety-monitor " + command.joined(separator: " ") + " ") {
          let options = line.split(separator: " ").filter { $0.hasPrefix("--") }
          for option in options {
            #expect(
              help.contains(option + " ") || help.contains(option + "\n"), "\(option) in: \(line)")
          }
        }
      }
    }
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze")))
  func systemdUnitsVerify() throws {
    let folder = scratchFolder("units")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let source = Self.repository + "/deploy/systemd"
    var units: [String] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: source) {
      let text = try String(contentsOfFile: source + "/" + name, encoding: .utf8)
        .replacingOccurrences(
          of: "/var/lib/safety-monitor/bin/safety-monitor", with: safetyMonitorBinary.path)
      let instance = name.replacingOccurrences(of: "@.", with: "@demostad.")
      try text.write(toFile: folder + "/" + instance, atomically: true, encoding: .utf8)
      units.append(folder + "/" + instance)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/systemd-analyze")
    process.arguments = ["verify", "--man=no"] + units
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(message)")
  }
}
