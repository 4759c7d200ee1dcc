import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import Dashboard

@Suite struct CSRFMiddlewareTests {
  /// Signs in with a token so `/logout` and `/login` are there to post to.
  static let token = String(repeating: "t0ken-", count: 6)

  @Test func aPostWithoutTheRightTokenChangesNothing() async throws {
    let w = try DashboardWorkspace()
    let dashboard = try w.dashboard(access: .token(AccessToken(secret: Self.token)))
    try await w.test(dashboard) { client in
      let browser = TestBrowser(client)
      let csrf = try #require(TestBrowser.csrfToken(in: try await browser.get("/login").text))
      // No token, a wrong one, one made for another browser.
      let other = SessionKeys(fixed: Array(repeating: 7, count: 32)).csrfToken(
        browserID: SessionKeys.randomID())
      for form in [
        [("token", Self.token)], [("csrf", "AAAA"), ("token", Self.token)],
        [("csrf", other), ("token", Self.token)],
      ] {
        let r = try await browser.post("/login", form: form)
        #expect(r.status == .forbidden)
        #expect(r.text.contains("Dit formulier is verlopen"))
        #expect(r.cookies[SessionMiddleware.sessionCookie] == nil)
      }
      // The right token from another site.
      for headers: HTTPFields in [
        [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"], [.origin: "http://evil.example"],
      ] {
        let r = try await browser.post(
          "/login", form: [("csrf", csrf), ("token", Self.token)], headers: headers)
        #expect(r.status == .forbidden)
      }
      // The right token, same site.
      let ok = try await browser.post(
        "/login", form: [("csrf", csrf), ("token", Self.token)],
        headers: [HTTPField.Name("Sec-Fetch-Site")!: "same-origin", .origin: "http://localhost"])
      #expect(ok.status == .seeOther)
      #expect(ok.cookies[SessionMiddleware.sessionCookie] != nil)
    }
  }

  @Test func aPostFromABrowserWithoutACookieIsRefused() async throws {
    let w = try DashboardWorkspace()
    try await w.test(try w.dashboard()) { client in
      let token = SessionKeys(fixed: Array(repeating: 7, count: 32)).csrfToken(browserID: "x")
      let r = try await client.execute(
        uri: "/logout", method: .post,
        headers: [.contentType: "application/x-www-form-urlencoded"],
        body: ByteBuffer(string: "csrf=\(token)"))
      #expect(r.status == .forbidden)
    }
  }

  @Test func onlyFormBodiesOfAtMost64KiB() async throws {
    let w = try DashboardWorkspace()
    try await w.test(try w.dashboard()) { client in
      let browser = TestBrowser(client)
      try await browser.get("/data")
      let id = try #require(browser.cookies[SessionMiddleware.browserCookie])
      let csrf = SessionKeys(fixed: Array(repeating: 7, count: 32)).csrfToken(browserID: id)
      let json = try await browser.send(
        "/logout", method: .post, headers: [.contentType: "application/json"],
        body: ByteBuffer(string: "{\"csrf\":\"\(csrf)\"}"))
      #expect(json.status == .forbidden)
      let big = try await browser.post(
        "/logout", form: [("csrf", csrf), ("note", String(repeating: "x", count: 70_000))])
      #expect(big.status == .contentTooLarge)
      let ok = try await browser.post("/logout", form: [("csrf", csrf)])
      #expect(ok.status == .seeOther)
    }
  }
}
