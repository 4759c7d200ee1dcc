import Foundation

/// Runs the built `safety-monitor` binary (beside the test bundle) and captures its output.
struct CLIResult {
  var status: Int32
  var stdout: String
  var stderr: String
  /// The signal that ended the process (9 for SIGKILL), or nil when it exited.
  var signal: Int32? = nil
}

/// The built binary's path.
var safetyMonitorBinary: URL {
  let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  let binary = products.appendingPathComponent("safety-monitor")
  if FileManager.default.fileExists(atPath: binary.path) { return binary }
  return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent(".build/debug/safety-monitor")
}

/// Runs the binary with extra environment variables (added to the test's own) and, when
/// given, `directory` as its working folder.
func safetyMonitor(
  _ arguments: [String], environment extra: [String: String], directory: String? = nil
) throws -> CLIResult {
  let process = Process()
  process.executableURL = safetyMonitorBinary
  process.arguments = arguments
  process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
  if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  // Both pipes drained at once: a chatty process must not block on a full pipe.
  let errBox = DataBox()
  let group = DispatchGroup()
  DispatchQueue.global().async(group: group) {
    errBox.data = err.fileHandleForReading.readDataToEndOfFile()
  }
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  group.wait()
  let errData = errBox.data
  process.waitUntilExit()
  let signalled = process.terminationReason == .uncaughtSignal
  return CLIResult(
    status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self),
    signal: signalled ? process.terminationStatus : nil)
}

final class DataBox: @unchecked Sendable {  // written by one thread, read after it is done
  var data = Data()
}

/// Runs the binary with the test's own environment.
func safetyMonitor(_ arguments: [String]) throws -> CLIResult {
  try safetyMonitor(arguments, environment: [:])
}

/// A pipeline with two sources in a temporary folder.
struct CLIWorkspace {
  let root: String
  var pipeline: String { root + "/test.yaml" }
  var inbox: String { root + "/state/inbox" }

  init(pipelineText: String = CLIWorkspace.pipelineText) throws {
    root =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "cli-test-\(UUID().uuidString)"
      ).path
    try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
    try "code;name;parent\nGM9999;Teststad;\nWK999901;Centrum;GM9999\nBU99990101;Markt;WK999901\n"
      .write(toFile: root + "/areas.csv", atomically: true, encoding: .utf8)
    try pipelineText.write(toFile: pipeline, atomically: true, encoding: .utf8)
  }

  func drop(_ name: String, _ text: String) throws {
    try text.write(toFile: inbox + "/" + name, atomically: true, encoding: .utf8)
  }

  static let pipelineText = """
    version: 1
    name: clitest
    language: en
    areas: {registry: areas.csv}
    themes:
      hic: {name: HIC}
    sources:
      politie:
        partner: Politie
        files: politie_*.csv
        key: nr
        date: {column: datum, format: dd-MM-yyyy}
        area: {column: buurt}
        category: {column: code}
        personal: [naam]
    indicators:
      inbraak: {name: Inbraak, theme: hic, from: {politie: ["1.1.1"]}}
    """
}
