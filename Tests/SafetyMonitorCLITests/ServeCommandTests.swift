import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite struct ServeCommandTests {
  /// A workspace whose store exists (one run).
  func ranWorkspace() throws -> CLIWorkspace {
    let w = try CLIWorkspace()
    try w.drop("politie_1.csv", "naam;nr;datum;buurt;code\nJan;1;02-09-2024;BU99990101;1.1.1\n")
    #expect(try safetyMonitor(["run", w.pipeline, "--run-date", "2024-09-30"]).status == 0)
    return w
  }

  func privateFile(_ text: String, mode: Int = 0o600) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "serve-\(UUID().uuidString)"
    ).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    return path
  }

  @Test func refusesANonLoopbackAddressWithoutSignIn() throws {
    let w = try ranWorkspace()
    let r = try safetyMonitor(["serve", w.pipeline, "--host", "0.0.0.0", "--port", "0"])
    #expect(r.status == 78)
    #expect(r.stderr.contains("refusing to listen on 0.0.0.0"))
    #expect(r.stderr.contains("--token-file"))
  }

  @Test func refusesAccessFilesOthersCanRead() throws {
    let w = try ranWorkspace()
    let token = try privateFile(String(repeating: "x", count: 40), mode: 0o644)
    let r = try safetyMonitor(["serve", w.pipeline, "--token-file", token, "--port", "0"])
    #expect(r.status == 78)
    #expect(r.stderr.contains("chmod 600"))
    let both = try safetyMonitor(
      ["serve", w.pipeline, "--token-file", token, "--users-file", token])
    #expect(both.status == 64)
  }

  @Test func saysWhenThereIsNoStoreYet() throws {
    let w = try CLIWorkspace()
    let r = try safetyMonitor(["serve", w.pipeline, "--port", "0"])
    #expect(r.status == 74)
    #expect(r.stderr.contains("run the pipeline first"))
  }

  @Test func servesUntilStopped() async throws {
    let w = try ranWorkspace()
    let token = String(repeating: "k", count: 40)
    let tokenFile = try privateFile(token)
    let server = try ServerProcess(
      ["serve", w.pipeline, "--host", "0.0.0.0", "--port", "0", "--token-file", tokenFile])
    defer { server.stop() }
    let base = try #require(server.address).replacingOccurrences(of: "0.0.0.0", with: "127.0.0.1")
    let (_, health) = try await URLSession.shared.data(from: URL(string: base + "healthz")!)
    #expect((health as? HTTPURLResponse)?.statusCode == 200)
    let (_, refused) = try await URLSession.shared.data(from: URL(string: base + "api/exports")!)
    #expect((refused as? HTTPURLResponse)?.statusCode == 401)
    var request = URLRequest(url: URL(string: base + "api/exports")!)
    request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    let (body, ok) = try await URLSession.shared.data(for: request)
    #expect((ok as? HTTPURLResponse)?.statusCode == 200)
    #expect(String(decoding: body, as: UTF8.self).contains("politie_1.csv"))
    #expect(server.stop() == 0)
  }

  @Test func hashPasswordPrintsAUsersFileLine() throws {
    let process = Process()
    process.executableURL = safetyMonitorBinary
    process.arguments = ["hash-password", "anna"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data("correct horse battery\n".utf8))
    try input.fileHandleForWriting.close()
    let line = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(line.hasPrefix("anna:pbkdf2-sha256$600000$"))
  }
}

/// The built binary running as a server; `address` is what it printed on start.
final class ServerProcess: @unchecked Sendable {
  let process = Process()
  let output = Pipe()
  private(set) var address: String?

  init(_ arguments: [String]) throws {
    process.executableURL = safetyMonitorBinary
    process.arguments = arguments
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    var text = ""
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      text += String(decoding: chunk, as: UTF8.self)
      if let r = text.range(of: "SafetyMonitor: "),
        let end = text[r.upperBound...].firstIndex(of: " ")
      {
        address = String(text[r.upperBound..<end])
        break
      }
    }
  }

  /// Sends SIGTERM and returns the exit status.
  @discardableResult
  func stop() -> Int32 {
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    return process.terminationStatus
  }
}
