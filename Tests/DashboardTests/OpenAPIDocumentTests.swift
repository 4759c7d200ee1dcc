import Foundation
import HummingbirdTesting
import Testing

@testable import Dashboard

@Suite struct OpenAPIDocumentTests {
  static let docsCopy = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("docs/dashboard-openapi.json")

  @Test func isJSONAndDescribesEveryEndpoint() throws {
    let object = try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8))
    let paths = try #require((object as? [String: Any])?["paths"] as? [String: Any])
    for endpoint in APIIndex().endpoints {
      #expect(paths[endpoint.path] != nil, "\(endpoint.path) is not in the OpenAPI document")
    }
    for path in paths.keys {
      #expect(APIIndex().endpoints.contains { $0.path == path }, "\(path) is not in /api")
    }
  }

  /// `UPDATE_OPENAPI=1 swift test --filter OpenAPIDocumentTests` rewrites the copy.
  @Test func theCopyInDocsIsCurrent() throws {
    if ProcessInfo.processInfo.environment["UPDATE_OPENAPI"] == "1" {
      try OpenAPIDocument.json.write(to: Self.docsCopy, atomically: true, encoding: .utf8)
    }
    #expect(try String(contentsOf: Self.docsCopy, encoding: .utf8) == OpenAPIDocument.json)
  }

  @Test func isServedWithTheIndex() async throws {
    let w = try DashboardWorkspace()
    try await w.test(try w.dashboard()) { client in
      let doc = try await client.execute(uri: "/api/openapi.json", method: .get)
      #expect(doc.status == .ok)
      #expect(doc.text == OpenAPIDocument.json)
      let index = try await client.execute(uri: "/api", method: .get)
      #expect(index.text.contains("\"/api/exports\""))
    }
  }
}
