import Foundation
import Testing

@testable import PipelineSpec

@Suite struct JSONSchemaTests {
  static let schemaFile = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("docs/pipeline.schema.json")

  /// docs/pipeline.schema.json is the schema derived from the types. Regenerate it with
  /// `UPDATE_SCHEMA=1 swift test --filter JSONSchemaTests`.
  @Test func theCommittedSchemaMatchesTheTypes() throws {
    let generated = JSONSchema.pipeline.rendered() + "\n"
    if ProcessInfo.processInfo.environment["UPDATE_SCHEMA"] == "1" {
      try generated.write(to: Self.schemaFile, atomically: true, encoding: .utf8)
    }
    let committed = try String(contentsOf: Self.schemaFile, encoding: .utf8)
    #expect(
      committed == generated,
      "docs/pipeline.schema.json is stale: run UPDATE_SCHEMA=1 swift test --filter JSONSchemaTests")
  }

  @Test func describesKeysTypesAndRequiredness() throws {
    let s = JSONSchema.pipeline
    #expect(s["type"] == .string("object"))
    #expect(s["additionalProperties"] == .bool(false))
    #expect(
      s["required"]
        == .array(
          ["version", "name", "areas", "themes", "sources", "indicators"].map { .string($0) }))
    let sources = try #require(s["properties"]?["sources"])
    let source = try #require(sources["additionalProperties"])
    #expect(
      source["properties"]?["shape"]?["enum"]
        == .array([.string("records"), .string("aggregated")]))
    #expect(source["properties"]?["personal"]?["items"] == .object([("type", .string("string"))]))
    #expect(source["required"] == .array([.string("partner"), .string("files"), .string("area")]))
    let indicator = try #require(s["properties"]?["indicators"]?["additionalProperties"])
    #expect(indicator["properties"]?["from"]?["additionalProperties"]?["type"] == .string("array"))
    #expect(s["properties"]?["municipality"]?["pattern"] != nil)
    #expect(
      s["properties"]?["ingest"]?["properties"]?["maxBadRowShare"]
        == .object([("type", .string("number"))]))
  }

  @Test func rendersValidJSON() throws {
    let text = JSONSchema.pipeline.rendered()
    let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
    #expect(parsed is [String: Any])
    #expect(JSONValue.quote("a\"b\\c\n\u{1}") == "\"a\\\"b\\\\c\\n\\u0001\"")
  }
}
