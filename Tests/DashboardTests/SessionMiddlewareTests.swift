import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import Dashboard

@Suite struct SessionMiddlewareTests {
  static let token = String(repeating: "s3cr3t-", count: 6)

  @Test func withoutSignInEveryPageIsOpenOnLoopback() async throws {
    let w = try DashboardWorkspace()
    try await w.test(try w.dashboard()) { client in
      let r = try await client.execute(uri: "/data", method: .get)
      #expect(r.status == .ok)
      #expect(!r.text.contains("/logout"))
      // The browser gets its CSRF id on the first visit.
      #expect(r.cookies[SessionMiddleware.browserCookie]?.count == 32)
    }
  }

  @Test func aTokenIsNeededForPagesAndTheAPI() async throws {
    let w = try DashboardWorkspace()
    let dashboard = try w.dashboard(access: .token(AccessToken(secret: Self.token)))
    try await w.test(dashboard) { client in
      let page = try await client.execute(uri: "/data?status=applied", method: .get)
      #expect(page.status == .seeOther)
      #expect(page.headers[.location] == "/login?next=%2Fdata%3Fstatus%3Dapplied")
      #expect(!page.text.contains("politie_2024-09.csv"))
      let api = try await client.execute(uri: "/api/exports", method: .get)
      #expect(api.status == .unauthorized)
      #expect(api.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
      #expect(api.text.contains("\"code\":\"unauthorised\""))
      #expect(!api.text.contains("politie"))
      let wrong = try await client.execute(
        uri: "/api/exports", method: .get, headers: [.authorization: "Bearer nope"])
      #expect(wrong.status == .unauthorized)
      let right = try await client.execute(
        uri: "/api/exports", method: .get, headers: [.authorization: "Bearer \(Self.token)"])
      #expect(right.status == .ok)
      #expect(right.text.contains("politie_2024-09.csv"))
      // The health check tells nothing and needs nothing.
      let health = try await client.execute(uri: "/healthz", method: .get)
      #expect(health.status == .ok)
    }
  }

  @Test func signingInWithTheTokenAndOut() async throws {
    let w = try DashboardWorkspace()
    let dashboard = try w.dashboard(access: .token(AccessToken(secret: Self.token)))
    try await w.test(dashboard) { client in
      let browser = TestBrowser(client)
      let form = try await browser.get("/login?next=/data")
      #expect(form.status == .ok)
      let csrf = try #require(TestBrowser.csrfToken(in: form.text))
      let failed = try await browser.post(
        "/login", form: [("csrf", csrf), ("next", "/data"), ("token", "wrong")])
      #expect(failed.status == .unauthorized)
      #expect(failed.text.contains("Aanmelden is niet gelukt"))
      #expect(browser.cookies[SessionMiddleware.sessionCookie] == nil)
      let ok = try await browser.post(
        "/login", form: [("csrf", csrf), ("next", "/data"), ("token", Self.token)])
      #expect(ok.status == .seeOther)
      #expect(ok.headers[.location] == "/data")
      let page = try await browser.get("/data")
      #expect(page.status == .ok)
      #expect(page.text.contains("politie_2024-09.csv"))
      let out = try await browser.post("/logout", form: [("csrf", csrf)])
      #expect(out.status == .seeOther)
      #expect(browser.cookies[SessionMiddleware.sessionCookie] == nil)
      #expect(try await browser.get("/data").status == .seeOther)
    }
  }

  @Test func aSignInGoesNowhereButThisSite() async throws {
    let w = try DashboardWorkspace()
    let dashboard = try w.dashboard(access: .token(AccessToken(secret: Self.token)))
    try await w.test(dashboard) { client in
      let browser = TestBrowser(client)
      let csrf = try #require(TestBrowser.csrfToken(in: try await browser.get("/login").text))
      for next in ["https://evil.example/", "//evil.example/", "/\\evil.example"] {
        let r = try await browser.post(
          "/login", form: [("csrf", csrf), ("next", next), ("token", Self.token)])
        #expect(r.headers[.location] == "/")
      }
    }
  }

  @Test func expiredOrForgedSessionsAreRefused() async throws {
    let w = try DashboardWorkspace()
    let dashboard = try w.dashboard(access: .token(AccessToken(secret: Self.token)))
    let keys = SessionKeys(fixed: Array(repeating: 7, count: 32))
    let expired = keys.session(user: "token", expires: 1_727_675_999)
    let forged = SessionKeys(fixed: Array(repeating: 8, count: 32)).session(
      user: "token", expires: 1_900_000_000)
    let valid = keys.session(user: "token", expires: 1_727_676_001)
    try await w.test(dashboard) { client in
      for (cookie, status) in [(expired, 303), (forged, 303), (valid, 200)] {
        let r = try await client.execute(
          uri: "/data", method: .get, headers: [.cookie: "sm_session=\(cookie)"])
        #expect(r.status.code == status)
      }
    }
  }

  @Test func namedUsersSignInAndUseBasicAuthentication() async throws {
    let w = try DashboardWorkspace()
    let users = UserDirectory(hashes: [
      "anna": try PasswordHash.make(password: "correct horse", rounds: 1000)
    ])
    try await w.test(try w.dashboard(access: .users(users))) { client in
      let basic = Data("anna:correct horse".utf8).base64EncodedString()
      let ok = try await client.execute(
        uri: "/api/areas", method: .get, headers: [.authorization: "Basic \(basic)"])
      #expect(ok.status == .ok)
      let bad = Data("anna:wrong".utf8).base64EncodedString()
      let refused = try await client.execute(
        uri: "/api/areas", method: .get, headers: [.authorization: "Basic \(bad)"])
      #expect(refused.status == .unauthorized)
      #expect(refused.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)
      let browser = TestBrowser(client)
      let form = try await browser.get("/login")
      #expect(form.text.contains("name=\"password\""))
      let csrf = try #require(TestBrowser.csrfToken(in: form.text))
      let signedIn = try await browser.post(
        "/login", form: [("csrf", csrf), ("user", "anna"), ("password", "correct horse")])
      #expect(signedIn.status == .seeOther)
      #expect(try await browser.get("/data").text.contains("aangemeld als anna"))
    }
  }

  @Test func theLanguageComesFromTheQueryAndIsRemembered() async throws {
    let w = try DashboardWorkspace()
    try await w.test(try w.dashboard()) { client in
      let browser = TestBrowser(client)
      #expect(try await browser.get("/data").text.contains("<html lang=\"nl\">"))
      let en = try await browser.get("/data?lang=en")
      #expect(en.text.contains("<html lang=\"en\">"))
      #expect(en.text.contains("Exports"))
      #expect(browser.cookies[SessionMiddleware.languageCookie] == "en")
      #expect(try await browser.get("/data").text.contains("<html lang=\"en\">"))
    }
  }
}
