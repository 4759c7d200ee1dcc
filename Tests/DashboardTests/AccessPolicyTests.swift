import Foundation
import Testing

@testable import Dashboard

@Suite struct AccessPolicyTests {
  func file(_ text: String, mode: Int = 0o600) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "access-\(UUID().uuidString)"
    ).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    return path
  }

  @Test func aTokenFileHoldsOneLongPrivateToken() throws {
    let token = String(repeating: "k", count: 40)
    let loaded = try AccessToken.load(path: try file(token + "\n"))
    #expect(loaded.matches(token))
    #expect(!loaded.matches(token + "k"))
    #expect(throws: AccessFileError.self) { try AccessToken.load(path: try file("short")) }
    let shared = try file(token, mode: 0o644)
    let error = #expect(throws: AccessFileError.self) { try AccessToken.load(path: shared) }
    #expect(error?.description.contains("chmod 600") == true)
    #expect(throws: AccessFileError.self) { try AccessToken.load(path: "/nonexistent/token") }
  }

  @Test func aUsersFileNamesUsersWithHashes() throws {
    let hash = try PasswordHash.make(password: "pa55word!", rounds: 1000).encoded
    let users = try UserDirectory.load(
      path: try file("# analysts\n\nanna:\(hash)\nbert.de-vries@gemeente:\(hash)\n"))
    #expect(users.verify(name: "anna", password: "pa55word!") == "anna")
    #expect(users.verify(name: "anna", password: "pa55word!") == "anna")  // cached
    #expect(users.verify(name: "anna", password: "nope") == nil)
    #expect(users.verify(name: "carla", password: "pa55word!") == nil)
    #expect(users.verify(name: "bert.de-vries@gemeente", password: "pa55word!") != nil)
  }

  @Test func aBadUsersFileSaysWhichLine() throws {
    let hash = try PasswordHash.make(password: "pa55word!", rounds: 1000).encoded
    let cases: [(String, Int?)] = [
      ("anna:\(hash)\nbert:plaintext\n", 2),
      ("anna:\(hash)\nanna:\(hash)\n", 2),
      ("<script>:\(hash)\n", 1),
      ("# nobody\n", nil),
    ]
    for (text, line) in cases {
      let path = try file(text)
      let error = #expect(throws: AccessFileError.self) { try UserDirectory.load(path: path) }
      #expect(error?.line == line)
    }
  }
}
