import Foundation
import SafetyCore
import Testing

@testable import PipelineSpec

@Suite struct StrictYAMLDecoderTests {
  func decodeError(_ text: String) -> Diagnostic? {
    do {
      _ = try StrictYAMLDecoder.decode(Pipeline.self, from: text, file: "p.yaml")
      return nil
    } catch {
      return error
    }
  }

  @Test func decodesTheSampleInFileOrder() throws {
    let (p, locations) = try StrictYAMLDecoder.decode(
      Pipeline.self, from: samplePipeline, file: "p.yaml")
    #expect(p.name == "testdorp")
    #expect(p.sources.keys == ["politie", "welzijn"])
    #expect(p.indicators.keys == ["woninginbraak", "verward"])
    #expect(p.sources["welzijn"]?.period?.kind == .month)
    #expect(p.indicators["verward"]?.from["politie"] == ["E33"])
    let pos = locations.position(["sources", "politie", "date", "format"])
    #expect(pos.line == 19)
    #expect(pos.column == 40)
  }

  @Test func rejectsAnUnknownKeyWithPositionAndSuggestion() throws {
    let text = samplePipeline.replacingOccurrences(
      of: "date: {column: pleegdatum, format: dd-MM-yyyy}",
      with: "date: {column: pleegdatum, formaat: dd-MM-yyyy}")
    let d = try #require(decodeError(text))
    #expect(d.code == .unknownKey)
    #expect(d.position?.line == 19)
    #expect(d.position?.column == 32)
    #expect(d.message.contains("unknown key 'formaat' for 'sources.politie.date'"))
    #expect(d.message.contains("did you mean 'format'?"))
    #expect(d.description.hasPrefix("p.yaml:19:32: error: "))
  }

  @Test func rejectsAnUnknownTopLevelKey() throws {
    let d = try #require(decodeError(samplePipeline + "\nextra: 1\n"))
    #expect(d.message.contains("unknown key 'extra'"))
    #expect(d.message.contains("expected one of:"))
  }

  @Test func namesTheAllowedValuesOfAnEnum() throws {
    let text = samplePipeline.replacingOccurrences(
      of: "unit: per1000Dwellings", with: "unit: perWoning")
    let d = try #require(decodeError(text))
    #expect(d.position?.line == 35)
    #expect(
      d.message
        == "expected one of: count, per1000Inhabitants, per1000Dwellings, per1000Households "
        + "for 'indicators.woninginbraak.unit', found 'perWoning'")
  }

  @Test func reportsAMissingKeyAtItsMapping() throws {
    let text = samplePipeline.replacingOccurrences(of: "    partner: Welzijn\n", with: "")
    let d = try #require(decodeError(text))
    #expect(d.message == "missing key 'partner' for 'sources.welzijn'")
    #expect(d.position?.line == 24)
  }

  @Test func reportsWrongTypes() throws {
    let d1 = try #require(
      decodeError(
        samplePipeline.replacingOccurrences(
          of: "version: 1", with: "version: one")))
    #expect(d1.message == "expected an integer for 'version', found 'one'")
    #expect(d1.position?.line == 1)
    let d2 = try #require(
      decodeError(
        samplePipeline.replacingOccurrences(
          of: "personal: [naam, bsn]", with: "personal: naam")))
    #expect(d2.message.contains("expected a list for 'sources.politie.personal'"))
    let d3 = try #require(decodeError(samplePipeline + "\ningest: {maxBadRowShare: veel}\n"))
    #expect(d3.message == "expected a number for 'ingest.maxBadRowShare', found 'veel'")
  }

  @Test func reportsInvalidYAMLWithPosition() throws {
    let d = try #require(decodeError("version: 1\nname: [unclosed\n"))
    #expect(d.code == .configError)
    #expect(d.message.hasPrefix("invalid YAML"))
    #expect(d.position != nil)
  }

  @Test func reportsDuplicateKeys() throws {
    let d = try #require(decodeError("version: 1\nversion: 2\n"))
    #expect(d.message.contains("duplicate key"))
  }

  @Test func rejectsAnEmptyFile() throws {
    let d = try #require(decodeError(""))
    #expect(d.message.contains("empty"))
  }

  @Test func suggestsNearKeysOnly() {
    #expect(editDistance("formaat", "format") == 1)
    #expect(editDistance("", "abc") == 3)
    #expect(editDistance("kitten", "sitting") == 3)
  }
}
