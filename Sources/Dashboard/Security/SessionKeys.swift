import Crypto
import Foundation

/// The server's signing key (random per process: restarting the server signs everyone
/// out) and what it signs: sign-in sessions and CSRF tokens.
public struct SessionKeys: Sendable {
  let keyBytes: [UInt8]

  public init() {
    var rng = SystemRandomNumberGenerator()
    keyBytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
  }

  /// A fixed key, for tests.
  public init(fixed bytes: [UInt8]) { keyBytes = bytes }

  func mac(_ text: String) -> [UInt8] {
    Array(
      HMAC<SHA256>.authenticationCode(
        for: Array(text.utf8), using: SymmetricKey(data: keyBytes)))
  }

  // MARK: Sessions

  /// A signed session cookie value for `user`, valid until `expires` (seconds since 1970):
  /// `base64url(payload).base64url(mac)`.
  func session(user: String, expires: Int) -> String {
    let payload = "v1|\(user)|\(expires)"
    return base64URL(Array(payload.utf8)) + "." + base64URL(mac("session|" + payload))
  }

  /// The user of a valid, unexpired session cookie value.
  func sessionUser(_ value: String, now: Int) -> String? {
    let parts = value.split(separator: ".")
    guard parts.count == 2, let payloadBytes = fromBase64URL(parts[0]),
      let sig = fromBase64URL(parts[1]), let payload = String(bytes: payloadBytes, encoding: .utf8)
    else { return nil }
    guard constantTimeEqual(sig, mac("session|" + payload)) else { return nil }
    let fields = payload.split(separator: "|", omittingEmptySubsequences: false)
    guard fields.count == 3, fields[0] == "v1", let expires = Int(fields[2]), expires > now
    else { return nil }
    return String(fields[1])
  }

  // MARK: CSRF

  /// The CSRF token for forms of the browser holding the `sm_csrf` cookie `browserID`.
  func csrfToken(browserID: String) -> String { base64URL(mac("csrf|" + browserID)) }

  func csrfTokenMatches(_ token: String, browserID: String) -> Bool {
    guard let given = fromBase64URL(Substring(token)) else { return false }
    return constantTimeEqual(given, mac("csrf|" + browserID))
  }

  /// A new random browser id for the CSRF cookie.
  static func randomID() -> String {
    var rng = SystemRandomNumberGenerator()
    return base64URL((0..<24).map { _ in UInt8.random(in: 0...255, using: &rng) })
  }
}

func base64URL(_ bytes: [UInt8]) -> String {
  Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
    .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
}

func fromBase64URL(_ text: Substring) -> [UInt8]? {
  guard !text.isEmpty, text.count <= 4096,
    text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
  else { return nil }
  var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
  while s.count % 4 != 0 { s += "=" }
  return Data(base64Encoded: s).map { [UInt8]($0) }
}
