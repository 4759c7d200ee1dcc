import Testing

@testable import Dashboard

@Suite struct PasswordHashTests {
  @Test func verifiesTheRightPasswordOnly() throws {
    let hash = try PasswordHash.make(password: "correct horse", rounds: 1000)
    #expect(hash.verify("correct horse"))
    #expect(!hash.verify("correct horse "))
    #expect(!hash.verify(""))
    let again = try #require(PasswordHash(encoded: Substring(hash.encoded)))
    #expect(again == hash)
    #expect(again.verify("correct horse"))
    // Salted: the same password hashes differently.
    #expect(try PasswordHash.make(password: "correct horse", rounds: 1000).hash != hash.hash)
  }

  /// The PBKDF2-HMAC-SHA256 test vector of RFC 7914 §11 ("Password", "NaCl", 80,000 rounds).
  @Test func matchesThePBKDF2TestVector() throws {
    let derived = try PasswordHash.derive(
      "Password", salt: Array("NaCl".utf8), rounds: 80000)
    let hex = derived.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    #expect(hex.hasPrefix("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"))
  }

  @Test func rejectsMalformedHashes() {
    for text in [
      "", "pbkdf2-sha256$1000$c2FsdHNhbHQ=", "bcrypt$1000$c2FsdHNhbHQ=$AAAA",
      "pbkdf2-sha256$10$c2FsdHNhbHQ=$" + String(repeating: "A", count: 44),
      "pbkdf2-sha256$1000$c2FsdHNhbHQ=$QUJD",
    ] {
      #expect(PasswordHash(encoded: Substring(text)) == nil, "\(text)")
    }
  }
}
