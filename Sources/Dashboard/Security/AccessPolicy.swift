import Crypto
import Foundation

/// Who may use the dashboard.
///
/// - `open`: no sign-in; only allowed on a loopback address (the analyst's own machine).
/// - `token`: one shared access token (a file holding it); browsers sign in with it once,
///   API clients send `Authorization: Bearer TOKEN`.
/// - `users`: named analysts with hashed passwords (a users file); browsers sign in, API
///   clients use HTTP Basic. Acknowledgements then record the signed-in name.
public enum AccessPolicy: Sendable {
  case open
  case token(AccessToken)
  case users(UserDirectory)

  public var requiresSignIn: Bool {
    if case .open = self { return false }
    return true
  }
}

/// A shared access token, kept only as its SHA-256 digest.
public struct AccessToken: Sendable {
  let digest: [UInt8]

  public init(secret: String) { digest = Array(SHA256.hash(data: Array(secret.utf8))) }

  /// Reads the token file: one line, at least 32 characters, not readable by group or
  /// others (like ssh keys).
  public static func load(path: String) throws(AccessFileError) -> AccessToken {
    let text = try readPrivateFile(path)
    let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard token.count >= 32, !token.contains(where: \.isWhitespace) else {
      throw AccessFileError(
        path: path,
        message: "the token must be one line of at least 32 characters without spaces "
          + "(e.g. `openssl rand -base64 33 > \(path)`)")
    }
    return AccessToken(secret: token)
  }

  public func matches(_ candidate: String) -> Bool {
    constantTimeEqual(Array(SHA256.hash(data: Array(candidate.utf8))), digest)
  }
}

/// Named users with password hashes, from a users file: `name:pbkdf2-sha256$...` per line,
/// `#` comments and blank lines allowed.
public struct UserDirectory: Sendable {
  let hashes: [String: PasswordHash]
  /// Verified (name, password) digests: a client repeating HTTP Basic credentials is not
  /// made to wait for PBKDF2 on every request.
  let verified = VerifiedCredentials()

  public init(hashes: [String: PasswordHash]) { self.hashes = hashes }

  public static func load(path: String) throws(AccessFileError) -> UserDirectory {
    let text = try readPrivateFile(path)
    var hashes: [String: PasswordHash] = [:]
    for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      guard let colon = line.firstIndex(of: ":"),
        let hash = PasswordHash(encoded: line[line.index(after: colon)...])
      else {
        throw AccessFileError(
          path: path, line: i + 1,
          message: "expected `name:pbkdf2-sha256$rounds$salt$hash` "
            + "(made by `safety-monitor hash-password NAME`)")
      }
      let name = String(line[..<colon])
      guard UserDirectory.isValidName(name) else {
        throw AccessFileError(
          path: path, line: i + 1,
          message: "user names are 1–64 letters, digits, `.`, `_`, `-` or `@`")
      }
      guard hashes[name] == nil else {
        throw AccessFileError(path: path, line: i + 1, message: "user '\(name)' appears twice")
      }
      hashes[name] = hash
    }
    guard !hashes.isEmpty else {
      throw AccessFileError(path: path, message: "the users file names no user")
    }
    return UserDirectory(hashes: hashes)
  }

  public static func isValidName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 64
      && name.unicodeScalars.allSatisfy {
        ($0.isASCII
          && (CharacterSet.alphanumerics.contains($0) || "._-@".unicodeScalars.contains($0)))
      }
  }

  /// The user's name when the password is right.
  public func verify(name: String, password: String) -> String? {
    guard let hash = hashes[name] else {
      // Spend the same time on unknown names as on known ones.
      _ = hashes.values.first?.verify(password)
      return nil
    }
    let key = Array(SHA256.hash(data: Array("\(name)\u{0}\(password)".utf8)))
    if verified.contains(key) { return name }
    guard hash.verify(password) else { return nil }
    verified.insert(key)
    return name
  }
}

/// A small thread-safe set of credential digests that verified.
final class VerifiedCredentials: @unchecked Sendable {
  private let lock = NSLock()
  private var keys: Set<[UInt8]> = []

  func contains(_ key: [UInt8]) -> Bool { lock.withLock { keys.contains(key) } }
  func insert(_ key: [UInt8]) {
    lock.withLock {
      if keys.count > 1000 { keys.removeAll() }
      keys.insert(key)
    }
  }
}

/// A token or users file that cannot be used, with the reason.
public struct AccessFileError: Error, CustomStringConvertible, Sendable {
  public var path: String
  public var line: Int?
  public var message: String

  public init(path: String, line: Int? = nil, message: String) {
    self.path = path
    self.line = line
    self.message = message
  }

  public var description: String {
    "\(path)\(line.map { ":\($0)" } ?? ""): error: \(message)"
  }
}

/// Reads a secret file, refusing one that group or others may read.
func readPrivateFile(_ path: String) throws(AccessFileError) -> String {
  let fm = FileManager.default
  guard let attributes = try? fm.attributesOfItem(atPath: path),
    let data = fm.contents(atPath: path), let text = String(data: data, encoding: .utf8)
  else { throw AccessFileError(path: path, message: "cannot read the file") }
  if let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 {
    throw AccessFileError(
      path: path,
      message: "the file may be read by others (mode \(String(mode, radix: 8))); "
        + "`chmod 600 \(path)`")
  }
  return text
}
