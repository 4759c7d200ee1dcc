import Crypto
import Foundation
import _CryptoExtras

/// A salted, slow password hash (PBKDF2-HMAC-SHA256) in one text field:
/// `pbkdf2-sha256$ROUNDS$SALT$HASH` with base64 salt and hash. Lines of a users file are
/// `name:` followed by such a field (`safety-monitor hash-password NAME` prints one).
public struct PasswordHash: Sendable, Hashable {
  public static let scheme = "pbkdf2-sha256"
  /// OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256.
  public static let defaultRounds = 600_000

  public let rounds: Int
  public let salt: [UInt8]
  public let hash: [UInt8]

  /// Hashes `password` with a fresh random salt.
  public static func make(password: String, rounds: Int = defaultRounds) throws -> PasswordHash {
    var rng = SystemRandomNumberGenerator()
    let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) }
    return PasswordHash(
      rounds: rounds, salt: salt, hash: try derive(password, salt: salt, rounds: rounds))
  }

  init(rounds: Int, salt: [UInt8], hash: [UInt8]) {
    self.rounds = rounds
    self.salt = salt
    self.hash = hash
  }

  /// Parses `pbkdf2-sha256$ROUNDS$SALT$HASH`; nil for anything else.
  public init?(encoded text: Substring) {
    let parts = text.split(separator: "$", omittingEmptySubsequences: false)
    guard parts.count == 4, parts[0] == Self.scheme, let rounds = Int(parts[1]),
      rounds >= 1000, let salt = Data(base64Encoded: String(parts[2])),
      let hash = Data(base64Encoded: String(parts[3])), salt.count >= 8, hash.count == 32
    else { return nil }
    self.init(rounds: rounds, salt: [UInt8](salt), hash: [UInt8](hash))
  }

  public var encoded: String {
    "\(Self.scheme)$\(rounds)$\(Data(salt).base64EncodedString())$\(Data(hash).base64EncodedString())"
  }

  /// Whether `password` hashes to this hash (compared in constant time).
  public func verify(_ password: String) -> Bool {
    guard let candidate = try? Self.derive(password, salt: salt, rounds: rounds) else {
      return false
    }
    return constantTimeEqual(candidate, hash)
  }

  static func derive(_ password: String, salt: [UInt8], rounds: Int) throws -> [UInt8] {
    let key = try KDF.Insecure.PBKDF2.deriveKey(
      from: Array(password.utf8), salt: salt, using: .sha256, outputByteCount: 32,
      unsafeUncheckedRounds: rounds)
    return key.withUnsafeBytes { Array($0) }
  }
}

/// Compares two byte strings without stopping at the first difference.
func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
  guard a.count == b.count else { return false }
  var diff: UInt8 = 0
  for i in a.indices { diff |= a[i] ^ b[i] }
  return diff == 0
}
