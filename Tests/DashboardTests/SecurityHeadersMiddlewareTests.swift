import Crypto
import Foundation
import HummingbirdTesting
import Testing

@testable import Dashboard

@Suite struct SecurityHeadersMiddlewareTests {
  @Test func everyResponseCarriesAStrictPolicy() async throws {
    let w = try DashboardWorkspace()
    try await w.test(try w.dashboard()) { client in
      for uri in ["/data", "/api/exports", "/nowhere", "/api/nowhere", "/healthz"] {
        let r = try await client.execute(uri: uri, method: .get)
        let csp = try #require(r.headers[.contentSecurityPolicy])
        #expect(csp.contains("default-src 'none'"))
        #expect(csp.contains("frame-ancestors 'none'"))
        #expect(csp.contains("form-action 'self'"))
        #expect(csp.contains("script-src 'sha256-"))
        #expect(!csp.contains("unsafe-eval"))
        #expect(r.headers[.xContentTypeOptions] == "nosniff")
        #expect(r.headers[.cacheControl] == "no-store")
      }
    }
  }

  /// The policy allows the page's own inline script by its hash, so the browser runs it —
  /// and no other script.
  @Test func theInlineScriptMatchesThePolicyHash() async throws {
    let w = try DashboardWorkspace()
    try await w.test(try w.dashboard()) { client in
      let r = try await client.execute(uri: "/data", method: .get)
      let page = r.text
      func inline(_ tag: String) throws -> String {
        let open = try #require(page.range(of: "<\(tag)>"))
        let close = try #require(
          page.range(of: "</\(tag)>", range: open.upperBound..<page.endIndex))
        return String(page[open.upperBound..<close.lowerBound])
      }
      func hash(_ text: String) -> String {
        "'sha256-\(Data(SHA256.hash(data: Array(text.utf8))).base64EncodedString())'"
      }
      let csp = try #require(r.headers[.contentSecurityPolicy])
      #expect(csp.contains("script-src \(hash(try inline("script")));"))
    }
  }

  @Test func withoutSignInOnlyLoopbackHostNamesAreAnswered() {
    let open = SecurityHeadersMiddleware(loopbackHostsOnly: true)
    for host in ["localhost:8080", "127.0.0.1:8080", "[::1]:8080", "127.0.0.1", nil] {
      #expect(open.allows(authority: host), "\(host ?? "nil")")
    }
    for host in ["evil.example", "evil.example:8080", "10.0.0.5:8080", "127.0.0.1.evil.example"] {
      #expect(!open.allows(authority: host), "\(host)")
    }
    #expect(
      SecurityHeadersMiddleware(loopbackHostsOnly: false).allows(authority: "desk.gemeente.nl"))
  }
}
