import Foundation
import PipelineSpec
import SafetyCore
import Testing

@testable import Normalise

/// Registry files as other municipalities write them: columns in another order, extra
/// columns, or a header in other words.
@Suite final class AreaRegistryLoadingTests {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
    "registry-\(UUID().uuidString)")

  deinit { try? FileManager.default.removeItem(at: dir) }

  func write(_ name: String, _ text: String) throws -> String {
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  @Test func findsColumnsByNameInAnyOrder() throws {
    let path = try write(
      "areas.csv",
      "Naam gemeente;Parent;Name;CODE\nTeststad;GM9999;Centrum;WK999901\nTeststad;;Teststad;GM9999\n"
    )
    let table = try AreaRegistry.readTable(path, columns: ["code", "name", "parent"])
    #expect(table.problems.isEmpty)
    #expect(
      table.rows.map(\.fields) == [["WK999901", "Centrum", "GM9999"], ["GM9999", "Teststad", ""]])
    #expect(table.rows[1].position.line == 3)
  }

  @Test func anAbsentOptionalColumnReadsAsEmpty() throws {
    let path = try write("aliases.csv", "code;alias\nBU99990101;Markt\n")
    let table = try AreaRegistry.readTable(path, columns: ["alias", "code", "source"])
    #expect(table.rows.map(\.fields) == [["Markt", "BU99990101", ""]])
  }

  @Test func otherHeaderWordsAreReadByPositionWithAWarning() throws {
    let path = try write("areas.csv", "buurtcode;buurtnaam;wijkcode\nWK999901;Centrum;GM9999\n")
    let table = try AreaRegistry.readTable(path, columns: ["code", "name", "parent"])
    #expect(table.rows.map(\.fields) == [["WK999901", "Centrum", "GM9999"]])
    let warning = try #require(table.problems.first)
    #expect(warning.severity == .warning && warning.position?.line == 1)
    #expect(warning.message.hasPrefix("the header does not name the columns code;name;parent"))
  }

  @Test func loadsAPipelinesRegistryWithReorderedColumnsAndPostcodes() throws {
    _ = try write(
      "areas.csv",
      "parent;code;name\n;GM9999;Teststad\nGM9999;WK999901;Centrum\nWK999901;BU99990101;Markt\n")
    _ = try write("postcodes.csv", "gemeente;code;postcode\nTeststad;BU99990101;1234 AB\n")
    let pipelinePath = try write(
      "p.yaml",
      """
      version: 1
      name: x
      areas: {registry: areas.csv, postcodes: postcodes.csv}
      themes: {t: {name: T}}
      sources:
        s: {partner: P, files: "s_*.csv", key: id, date: {column: d, format: yyyy-MM-dd}, area: {column: pc, match: postcode}, category: {value: c}}
      indicators:
        i: {name: I, theme: t, from: {s: [c]}}
      """)
    let registry = try AreaRegistry.load(try LoadedPipeline.load(path: pipelinePath))
    #expect(registry.diagnostics.isEmpty)
    #expect(registry.parents == [-1, 0, 1])
    #expect(registry.resolve("1234ab", match: .postcode) == 2)
  }
}
