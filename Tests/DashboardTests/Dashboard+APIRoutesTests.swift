import Foundation
import HummingbirdTesting
import Testing

@testable import Dashboard

@Suite struct DashboardAPIRoutesTests {
  func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func flagsAndAreasAsJSON() async throws {
    let w = try DashboardWorkspace()
    try w.seedFlags()
    try await w.test(try w.dashboard()) { client in
      let list = try json(try await client.execute(uri: "/api/flags", method: .get).text)
      #expect((list["counts"] as? [String: Int])?["new"] == 1)
      let flags = try #require(list["flags"] as? [[String: Any]])
      #expect(flags.count == 1)
      #expect(flags.first?["id"] as? String == DashboardWorkspace.openFlag)
      #expect((flags.first?["area"] as? [String: String])?["name"] == "<script>alert(1)</script>")
      let all = try json(
        try await client.execute(uri: "/api/flags?status=all&lang=en", method: .get).text)
      #expect((all["flags"] as? [Any])?.count == 2)
      let detail = try await client.execute(
        uri: "/api/flags/\(DashboardWorkspace.openFlag)", method: .get)
      #expect(detail.status == .ok)
      // A count below the minimum cell is "<5", never the number.
      #expect(detail.text.contains("\"observed\":\"<5\""))
      let missing = try await client.execute(uri: "/api/flags/ZZZZZZZZ", method: .get)
      #expect(missing.status == .notFound)
      #expect(try json(missing.text)["error"] != nil)
      let area = try await client.execute(uri: "/api/areas/BU99990101?period=2024Q3", method: .get)
      #expect(area.status == .ok)
      let body = try json(area.text)
      #expect((body["flags"] as? [Any])?.count == 1)
      #expect(((body["series"] as? [Any])?.count ?? 0) > 0)
      #expect(
        try await client.execute(uri: "/api/areas/BU00000000", method: .get).status == .notFound)
      #expect(try await client.execute(uri: "/api/nowhere", method: .get).status == .notFound)
    }
  }
}
