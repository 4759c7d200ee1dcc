import Foundation

/// Runs the built `safety-monitor` binary (beside the test bundle) and captures its output.
struct CLIResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// The path of the built `safety-monitor` binary.
func safetyMonitorBinary() -> String {
  let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  var binary = products.appendingPathComponent("safety-monitor")
  if !FileManager.default.fileExists(atPath: binary.path) {
    // The test bundle may sit one level deeper (.xctest/Contents/MacOS on macOS).
    binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent(".build/debug/safety-monitor")
  }
  return binary.path
}

func safetyMonitor(_ arguments: [String]) throws -> CLIResult {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: safetyMonitorBinary())
  process.arguments = arguments
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
