/// How the dashboard listens and whom it lets in.
public struct DashboardConfiguration: Sendable {
  /// The address to bind: loopback by default (only this machine can connect).
  public var host: String
  public var port: Int
  public var access: AccessPolicy
  /// Mark cookies `Secure` (set this when the dashboard sits behind an HTTPS proxy).
  public var secureCookies: Bool
  /// How long a sign-in lasts, in seconds (default 12 hours: one working day).
  public var sessionLifetime: Int
  /// Keep rendered pages until the store changes (on by default; tests may turn it off).
  public var cachePages: Bool

  public init(
    host: String = "127.0.0.1", port: Int = 8080, access: AccessPolicy = .open,
    secureCookies: Bool = false, sessionLifetime: Int = 12 * 3600, cachePages: Bool = true
  ) {
    self.host = host
    self.port = port
    self.access = access
    self.secureCookies = secureCookies
    self.sessionLifetime = sessionLifetime
    self.cachePages = cachePages
  }

  /// Refuses to listen beyond this machine without sign-in.
  public func check() throws(DashboardConfigurationError) {
    guard (0...65535).contains(port) else { throw .badPort(port) }
    if !Loopback.isLoopback(host), !access.requiresSignIn {
      throw .nonLoopbackWithoutAccessControl(host)
    }
  }
}

public enum DashboardConfigurationError: Error, CustomStringConvertible, Sendable, Equatable {
  case nonLoopbackWithoutAccessControl(String)
  case badPort(Int)

  public var description: String {
    switch self {
    case .nonLoopbackWithoutAccessControl(let host):
      "refusing to listen on \(host), which other machines can reach, without sign-in: "
        + "give --token-file FILE or --users-file FILE (see docs/DASHBOARD.md, \"Security\"), "
        + "or listen on 127.0.0.1"
    case .badPort(let port): "--port must be 0–65535, found \(port)"
    }
  }
}

/// Which host names and addresses only reach this machine.
public enum Loopback {
  /// `localhost`, `127.0.0.0/8` and `::1` (bracketed or not).
  public static func isLoopback(_ host: String) -> Bool {
    var h = host.lowercased()
    if h.hasPrefix("["), h.hasSuffix("]") { h = String(h.dropFirst().dropLast()) }
    if h == "localhost" || h.hasSuffix(".localhost") || h == "::1" { return true }
    if h == "0:0:0:0:0:0:0:1" { return true }
    let octets = h.split(separator: ".", omittingEmptySubsequences: false)
    guard octets.count == 4 else { return false }
    let values = octets.compactMap { o -> Int? in
      guard !o.isEmpty, o.count <= 3, o.allSatisfy(\.isNumber), let v = Int(o), v <= 255 else {
        return nil
      }
      return v
    }
    return values.count == 4 && values[0] == 127
  }

  /// The host name of a `Host` header value (`[::1]:8080` → `::1`, `a:80` → `a`).
  public static func hostName(ofHeader value: String) -> String {
    if value.hasPrefix("["), let close = value.firstIndex(of: "]") {
      return String(value[value.index(after: value.startIndex)..<close])
    }
    if let colon = value.lastIndex(of: ":") { return String(value[..<colon]) }
    return value
  }
}
