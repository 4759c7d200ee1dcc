import Foundation
import HummingbirdTesting
import Testing

@testable import Dashboard

@Suite struct DataPageTests {
  @Test func showsTheLedgerQuarantineReasonsAndUnknownAreasEscaped() async throws {
    let w = try DashboardWorkspace()
    try await w.test(try w.dashboard()) { client in
      let r = try await client.execute(uri: "/data", method: .get)
      #expect(r.status == .ok)
      #expect(r.headers[.contentType] == "text/html; charset=utf-8")
      let page = r.text
      #expect(page.contains("<html lang=\"nl\">"))
      #expect(page.contains("Aanleveringen"))
      #expect(page.contains("politie_2024-09.csv"))
      // The quarantined file, with its reason; its name is text, not markup.
      #expect(page.contains("politie_&lt;img src=x&gt;.csv"))
      #expect(page.contains("unterminated-quote"))
      // ... explained in the reader's language beside the technical message.
      #expect(
        page.contains("<div class=\"note\">een veld tussen aanhalingstekens wordt niet afgesloten"))
      #expect(!page.contains("<img src=x>"))
      // The unknown area text from the data, escaped, and its count below 5 shown as <5.
      #expect(
        page.contains("&lt;script&gt;unknown()&lt;/script&gt;</td><td class=\"num\">&lt;5</td>"))
      #expect(!page.contains("<script>unknown"))
      // Partner and title from the pipeline are escaped too.
      #expect(page.contains("Politie &lt;i&gt;Oost&lt;/i&gt;"))
      #expect(page.contains("Teststad &lt;b&gt;monitor&lt;/b&gt;"))
      // The unmapped category.
      #expect(page.contains("9.9.9"))
      // Rows: 14 in the applied file, 12 counted in a known area.
      #expect(page.contains("<td class=\"num\">14</td>"))
    }
  }

  @Test func filtersByStatusInTheURL() async throws {
    let w = try DashboardWorkspace()
    try await w.test(try w.dashboard()) { client in
      let r = try await client.execute(
        uri: "/data?status=quarantined&lang=en", method: .get)
      #expect(r.status == .ok)
      let ledger = try #require(r.text.components(separatedBy: "id=\"ledger\"").last)
      #expect(ledger.contains("politie_&lt;img src=x&gt;.csv"))
      #expect(!ledger.contains("politie_2024-09.csv"))
      #expect(ledger.contains("<option value=\"quarantined\" selected>quarantined</option>"))
      #expect(r.text.contains("<html lang=\"en\">"))
    }
  }

  @Test func theExportsAPIMirrorsThePage() async throws {
    let w = try DashboardWorkspace()
    try await w.test(try w.dashboard()) { client in
      let r = try await client.execute(uri: "/api/exports", method: .get)
      #expect(r.status == .ok)
      #expect(r.headers[.contentType] == "application/json; charset=utf-8")
      struct Body: Decodable {
        struct Export: Decodable {
          var file: String
          var status: String
          var rowsTotal: Int
          var reason: String?
        }
        var exports: [Export]
        var quarantined: [Export]
      }
      let body = try JSONDecoder().decode(Body.self, from: Data(r.text.utf8))
      #expect(body.exports.count == 2)
      #expect(body.quarantined.map(\.file) == ["politie_<img src=x>.csv"])
      #expect(body.exports.first { $0.status == "applied" }?.rowsTotal == 14)
    }
  }
}
