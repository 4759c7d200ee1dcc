import Foundation
import SafetyCore
import Testing

@testable import Reporting

@Suite struct JSONReportRendererTests {
  static let schemaURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("docs/report.schema.json")

  static let reports: [(String, SafetyReport)] = [
    ("nl", ReportFixture.report()), ("en", ReportFixture.report(language: .en)),
    ("hostile", ReportFixture.report(hostile: true)),
    ("annual", ReportFixture.report(kind: .annualEvaluation)),
    (
      "no flags",
      {
        var r = ReportFixture.report()
        r.flags = nil
        r.municipality = nil
        return r
      }()
    ),
  ]

  @Test(arguments: reports.map(\.0))
  func outputFollowsTheDocumentedSchema(name: String) throws {
    let report = try #require(Self.reports.first { $0.0 == name }?.1)
    let validator = try JSONSchemaValidator(schema: Data(contentsOf: Self.schemaURL))
    let json = try JSONReportRenderer(report).render()
    let errors = try validator.validate(Data(json.utf8))
    #expect(errors.isEmpty, "\(errors.prefix(10))")
  }

  @Test func theSchemaCatchesWhatItDoesNotDescribe() throws {
    let validator = try JSONSchemaValidator(schema: Data(contentsOf: Self.schemaURL))
    var json = try JSONReportRenderer(ReportFixture.report()).render()
    json = json.replacingOccurrences(
      of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 1, \"extra\" : 2")
    json = json.replacingOccurrences(of: "\"count\" : \"<5\"", with: "\"count\" : 3")
    let errors = try validator.validate(Data(json.utf8))
    #expect(errors.contains("$: extra is not in the schema"))
    #expect(errors.contains { $0.contains("matches 0 of oneOf") || $0.contains("below") } == false)
    // A small count written as a number is still a valid count for the schema (it cannot
    // know the minimum cell): the disclosure scans in ReportBuilderTests catch those.
  }

  @Test func readsBackToTheSameModel() throws {
    for (_, report) in Self.reports {
      var expected = report
      expected.boundaries = [:]
      expected.boundaryCRS = nil
      let decoded = try JSONReportRenderer.decode(try JSONReportRenderer(report).render())
      #expect(decoded == expected)
    }
  }

  @Test func smallCountsAreTextAndSuppressedValuesSayWhy() throws {
    let json = try JSONReportRenderer(ReportFixture.report()).render()
    #expect(json.contains("\"count\" : \"<5\""))
    #expect(json.contains("\"rate\" : \"suppressed-count\""))
    #expect(json.contains("\"index\" : \"suppressed-population\""))
    #expect(json.contains("\"status\" : \"incomplete\""))
  }

  @Test func geoJSONHasEveryMappedAreaWithFlatProperties() throws {
    let text = try GeoJSONReportRenderer(ReportFixture.report()).render()
    let root = try JSONNode.parse(Data(text.utf8))
    #expect(root["type"] == .string("FeatureCollection"))
    #expect(root["crs"]?["properties"]?["name"] == .string("urn:ogc:def:crs:EPSG::28992"))
    guard case .array(let features)? = root["features"] else {
      Issue.record("no features")
      return
    }
    #expect(features.count == 4)
    let industry = try #require(
      features.first { $0["properties"]?["code"] == .string("BU99990201") })
    let p = try #require(industry["properties"])
    #expect(p["hic_count"] == .int(6))
    #expect(p["zorg_count"] == .null)  // 0 is below the minimum cell
    #expect(p["zorg_count_text"] == .string("<5"))
    #expect(p["hic_index"] == .null)  // 15 inhabitants
    #expect(p["inhabitants"] == .int(15))
    let centrum = try #require(features.first { $0["properties"]?["code"] == .string("WK999901") })
    #expect(centrum["properties"]?["flag_status"] == .string("escalated"))
    #expect(centrum["properties"]?["flags_open"] == .int(2))
    #expect(centrum["properties"]?["hic_index"] == .double(164.2))
    #expect(centrum["geometry"]?["type"] == .string("Polygon"))
    // Every feature has the same attribute columns (QGIS reads one table).
    let columns = features.compactMap { f -> [String]? in
      if case .object(let o)? = f["properties"] { return o.keys.sorted() }
      return nil
    }
    #expect(Set(columns).count == 1)
  }
}
