import Flagging
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SafetyCore
import Testing

@testable import Dashboard

@Suite struct DashboardFlagRoutesTests {
  let id = DashboardWorkspace.openFlag

  @Test func theFlagPageExplainsTheFlagEscaped() async throws {
    let w = try DashboardWorkspace()
    try w.seedFlags()
    try await w.test(try w.dashboard()) { client in
      let r = try await client.execute(uri: "/flags/\(id.lowercased())", method: .get)
      #expect(r.status == .ok)
      let page = r.text
      #expect(page.contains("piek: &lt;script&gt;alert(1)&lt;/script&gt;"))
      #expect(!page.contains("<script>alert(1)"))
      #expect(page.contains("Politie &lt;i&gt;Oost&lt;/i&gt;"))
      #expect(page.contains("Onderbouwing per indicator"))
      #expect(page.contains("Inbraak"))
      // Observed 3: below the minimum cell, never exact.
      #expect(
        page.contains(
          "<td class=\"num\">&lt;5</td><td class=\"num\">0,4</td><td class=\"num\">2,5</td>"))
      #expect(page.contains("wk 36 2024"))
      #expect(page.contains("name=\"csrf\""))
      #expect(page.contains("action=\"/flags/\(id)/review\""))
      #expect(page.contains("<span class=\"badge new\">nieuw</span>"))
      let missing = try await client.execute(uri: "/flags/ZZZZZZZZ", method: .get)
      #expect(missing.status == .notFound)
      #expect(missing.text.contains("Niet gevonden"))
    }
  }

  /// Acknowledge from the flag page: the review is stored with name and time, shows on the
  /// flag page, the overview and the API — escaped — and the cached pages follow.
  @Test func acknowledgeRoundTrip() async throws {
    let w = try DashboardWorkspace()
    try w.seedFlags()
    try await w.test(try w.dashboard(cachePages: true)) { client in
      let browser = TestBrowser(client)
      let before = try await browser.get("/")
      #expect(before.text.contains("nog niet beoordeeld"))
      let page = try await browser.get("/flags/\(id)")
      let csrf = try #require(TestBrowser.csrfToken(in: page.text))
      let note = "<script>alert('x')</script> besproken in het buurtoverleg"
      let posted = try await browser.post(
        "/flags/\(id)/review",
        form: [("csrf", csrf), ("action", "acknowledged"), ("note", note), ("by", "Anna <b>")])
      #expect(posted.status == .seeOther)
      #expect(posted.headers[.location] == "/flags/\(id)?recorded=1#history")
      let stored = try w.reviews(id)
      #expect(stored.count == 1)
      #expect(stored.first?.action == .acknowledged)
      #expect(stored.first?.author == "Anna <b>")
      #expect(stored.first?.note == note)
      #expect(stored.first?.recordedAt == "2024-09-30T06:00:00Z")
      let after = try await browser.get("/flags/\(id)?recorded=1")
      #expect(after.text.contains("Uw beoordeling is vastgelegd."))
      #expect(after.text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; besproken"))
      #expect(!after.text.contains("<script>alert('x')"))
      #expect(after.text.contains("<strong>Anna &lt;b&gt;</strong>"))
      // The name is remembered for the next review.
      #expect(after.text.contains("value=\"Anna &lt;b&gt;\""))
      let overview = try await browser.get("/")
      #expect(overview.text.contains("<span class=\"badge acknowledged\">bevestigd</span>"))
      let api = try await browser.get("/api/flags/\(id)")
      #expect(api.text.contains("\"author\":\"Anna <b>\""))
      // A second review is appended; the first stays.
      _ = try await browser.post(
        "/flags/\(id)/review",
        form: [("csrf", csrf), ("action", "dismissed"), ("note", "geen actie"), ("by", "Bert")])
      #expect(try w.reviews(id).map(\.action) == [.acknowledged, .dismissed])
    }
  }

  @Test func aReviewNeedsANoteANameAndTheFormsToken() async throws {
    let w = try DashboardWorkspace()
    try w.seedFlags()
    try await w.test(try w.dashboard()) { client in
      let browser = TestBrowser(client)
      let csrf = try #require(TestBrowser.csrfToken(in: try await browser.get("/flags/\(id)").text))
      let noNote = try await browser.post(
        "/flags/\(id)/review",
        form: [("csrf", csrf), ("action", "acknowledged"), ("note", "  "), ("by", "Anna")])
      #expect(noNote.status == .badRequest)
      #expect(noNote.text.contains("Schrijf een notitie"))
      let noName = try await browser.post(
        "/flags/\(id)/review", form: [("csrf", csrf), ("action", "dismissed"), ("note", "x")])
      #expect(noName.status == .badRequest)
      #expect(noName.text.contains("Vul uw naam in"))
      let badAction = try await browser.post(
        "/flags/\(id)/review",
        form: [("csrf", csrf), ("action", "delete"), ("note", "x"), ("by", "A")])
      #expect(badAction.status == .badRequest)
      let noToken = try await browser.post(
        "/flags/\(id)/review", form: [("action", "acknowledged"), ("note", "x"), ("by", "Anna")])
      #expect(noToken.status == .forbidden)
      let unknown = try await browser.post(
        "/flags/ZZZZZZZZ/review",
        form: [("csrf", csrf), ("action", "acknowledged"), ("note", "x"), ("by", "A")])
      #expect(unknown.status == .notFound)
      #expect(try w.reviews(id).isEmpty)
    }
  }

  @Test func signedInAnalystsAreRecordedByTheirUserName() async throws {
    let w = try DashboardWorkspace()
    try w.seedFlags()
    let users = UserDirectory(hashes: [
      "anna": try PasswordHash.make(password: "pw-anna-1", rounds: 1000)
    ])
    try await w.test(try w.dashboard(access: .users(users))) { client in
      let browser = TestBrowser(client)
      let login = try await browser.get("/login")
      let csrf = try #require(TestBrowser.csrfToken(in: login.text))
      _ = try await browser.post(
        "/login", form: [("csrf", csrf), ("user", "anna"), ("password", "pw-anna-1")])
      let page = try await browser.get("/flags/\(id)")
      #expect(page.text.contains("vastgelegd als <strong>anna</strong>"))
      #expect(!page.text.contains("name=\"by\""))
      let posted = try await browser.post(
        "/flags/\(id)/review",
        form: [
          ("csrf", csrf), ("action", "acknowledged"), ("note", "opgepakt"), ("by", "someone else"),
        ])
      #expect(posted.status == .seeOther)
      #expect(try w.reviews(id).first?.author == "anna")
    }
  }

  @Test func aStoreThatCannotBeWrittenSaysSo() async throws {
    struct Broken: AcknowledgementWriter {
      func review(flagID: String, action: FlagReview, note: String, author: String, at: String)
        throws -> FlagReviewEntry
      { throw CocoaError(.fileWriteNoPermission) }
    }
    let w = try DashboardWorkspace()
    try w.seedFlags()
    let dashboard = try Dashboard(
      reader: try w.reader(), configuration: DashboardConfiguration(cachePages: false),
      keys: SessionKeys(fixed: Array(repeating: 7, count: 32)), writer: Broken(),
      now: { 1_727_676_000 })
    try await w.test(dashboard) { client in
      let browser = TestBrowser(client)
      let csrf = try #require(TestBrowser.csrfToken(in: try await browser.get("/flags/\(id)").text))
      let r = try await browser.post(
        "/flags/\(id)/review",
        form: [("csrf", csrf), ("action", "acknowledged"), ("note", "x"), ("by", "A")])
      #expect(r.status == .serviceUnavailable)
      #expect(r.text.contains("kon niet worden vastgelegd"))
    }
  }
}
