import Foundation
import SafetyCore
import Testing

@testable import PipelineSpec

@Suite struct LoadedPipelineValidationTests {
  func problems(_ text: String) throws -> [Diagnostic] {
    try LoadedPipeline.parse(text, file: "p.yaml").validate()
  }

  @Test func theSampleIsValid() throws {
    #expect(try problems(samplePipeline).filter { $0.severity == .error }.isEmpty)
  }

  @Test func reportsAnUnknownThemeAtItsPosition() throws {
    let text = samplePipeline.replacingOccurrences(of: "theme: hic", with: "theme: hicc")
    let errors = try problems(text).filter { $0.severity == .error }
    #expect(errors.count == 1)
    #expect(errors[0].message == "unknown theme 'hicc'; known: hic, zorg")
    #expect(errors[0].position?.line == 33)
    // The theme left without indicators is a warning.
    #expect(try problems(text).contains { $0.severity == .warning && $0.message.contains("'hic'") })
  }

  @Test func reportsUnknownSourcesAndSubthemes() throws {
    var text = samplePipeline.replacingOccurrences(
      of: "from: {politie: [\"1.1.1\"]}", with: "from: {polite: [\"1.1.1\"]}")
    text = text.replacingOccurrences(of: "subtheme: verward", with: "subtheme: radicalisering")
    let messages = try problems(text).map(\.message)
    #expect(messages.contains { $0.hasPrefix("unknown source 'polite'") })
    #expect(messages.contains { $0.hasPrefix("unknown subtheme 'radicalisering'") })
  }

  @Test func checksShapes() throws {
    let noKey = samplePipeline.replacingOccurrences(
      of: "    key: registratienummer\n", with: "    shape: records\n")
    #expect(try problems(noKey).contains { $0.message == "record-level sources need a key column" })
    let noCount = samplePipeline.replacingOccurrences(of: "    count: aantal\n", with: "")
    #expect(
      try problems(noCount).contains {
        $0.message.hasPrefix("aggregated sources need a count column")
      })
  }

  @Test func checksWideExports() throws {
    let wide = samplePipeline.replacingOccurrences(
      of: "    category: {value: casus}\n    count: aantal\n",
      with: "    counts: [Casus, Nazorg]\n    missingCounts: [\"\", \"-\"]\n")
    #expect(try problems(wide).filter { $0.severity == .error }.isEmpty)
    let pipeline = try LoadedPipeline.parse(wide, file: "p.yaml")
    #expect(pipeline.spec.sources["welzijn"]?.usedColumns.suffix(2) == ["Casus", "Nazorg"])

    let both = wide.replacingOccurrences(
      of: "    counts: [Casus, Nazorg]\n",
      with: "    counts: [Casus, casus]\n    count: aantal\n    category: {column: soort}\n")
    let messages = try problems(both).map(\.message)
    #expect(
      messages.contains("give either 'count' (one count column) or 'counts' (wide), not both"))
    #expect(messages.contains("with 'counts' every count column is a category; remove 'category'"))
    #expect(messages.contains("column 'casus' appears twice in 'counts'"))

    // An indicator drawing on a category that is no count column is a mistake, not a wait.
    let typo = wide.replacingOccurrences(of: "welzijn: [casus]", with: "welzijn: [casussen]")
    let error = try #require(try problems(typo).first { $0.severity == .error })
    #expect(
      error.message == "'casussen' is not one of source 'welzijn's count columns (Casus, Nazorg)")
    #expect(error.position?.line == 41)  // the indicator's `from`

    // Record-level sources count rows.
    let records = samplePipeline.replacingOccurrences(
      of: "    key: registratienummer\n",
      with: "    key: registratienummer\n    counts: [a]\n    missingCounts: [\"\"]\n")
    let recordMessages = try problems(records).map(\.message)
    #expect(recordMessages.contains("record-level sources count rows; remove 'counts'"))
    #expect(recordMessages.contains("record-level sources count rows; remove 'missingCounts'"))
  }

  @Test func aStarMayOnlyEndACategory() throws {
    func messages(_ list: String) throws -> [String] {
      let text = samplePipeline.replacingOccurrences(
        of: "from: {politie: [\"1.1.1\"]}", with: "from: {politie: \(list)}")
      #expect(text != samplePipeline)
      return try problems(text).filter { $0.severity == .error }.map(\.message)
    }
    #expect(try messages("[\"1.4.*\", \"1.1.1\"]").isEmpty)
    #expect(
      try messages("[\"1.*.1\"]")
        == ["'1.*.1': a `*` may only end a category, after its first letters (`1.4.*`)"])
    #expect(
      try messages("[\"*\"]")
        == ["'*': a `*` may only end a category, after its first letters (`1.4.*`)"])
    #expect(
      try messages("[\"1.4.*\", \"1.4.5\"]") == ["'1.4.5' is already counted through '1.4.*'"])
    #expect(try messages("[\"1.*\", \"1.4.*\"]") == ["'1.4.*' is already counted through '1.*'"])
  }

  @Test func postcodesNeedAPostcodeTable() throws {
    let text = samplePipeline.replacingOccurrences(
      of: "area: {column: wijk}", with: "area: {column: postcode, match: postcode}")
    let error = try #require(try problems(text).first { $0.severity == .error })
    #expect(error.message == "areas has no postcodes table (postcode;code) to match postcodes with")
    let fixed = text.replacingOccurrences(
      of: "  registry: areas/areas.csv\n",
      with: "  registry: areas/areas.csv\n  postcodes: pc.csv\n")
    #expect(fixed != text)
    #expect(try problems(fixed).filter { $0.severity == .error }.isEmpty)
  }

  @Test func rejectsAMonthlySourceForAWeeklyIndicator() throws {
    let text = samplePipeline.replacingOccurrences(of: "    period: month\n", with: "")
    #expect(
      try problems(text).contains {
        $0.message.contains("coarser than the indicator's base period week")
      })
  }

  @Test func rejectsBadPatternsAndDialects() throws {
    var text = samplePipeline.replacingOccurrences(of: "format: dd-MM-yyyy", with: "format: dd-MMM")
    text = text.replacingOccurrences(of: "delimiter: \";\"", with: "delimiter: \";;\"")
    text = text.replacingOccurrences(of: "encoding: utf-8", with: "encoding: ebcdic")
    text = text.replacingOccurrences(of: "format: yyyyMM", with: "format: yyyy-ww")
    let messages = try problems(text).map(\.message)
    #expect(messages.contains { $0.hasPrefix("'dd-MMM' is not a date pattern") })
    #expect(messages.contains { $0.hasPrefix("delimiter must be one character") })
    #expect(messages.contains { $0.hasPrefix("unknown encoding 'ebcdic'") })
    #expect(messages.contains { $0.hasPrefix("'yyyy-ww' is not a month pattern") })
  }

  @Test func forbidsReadingAPersonalColumn() throws {
    let text = samplePipeline.replacingOccurrences(
      of: "personal: [naam, bsn]", with: "personal: [naam, Buurt Code]")
    #expect(
      try problems(text).contains {
        $0.message == "column 'buurtcode' is declared personal and cannot be read"
      })
  }

  @Test func checksRanges() throws {
    let text =
      samplePipeline + "\ningest: {maxBadRowShare: 1.5, maxFields: 0}\ndisclosure: {minCell: 0}\n"
    let messages = try problems(text).map(\.message)
    #expect(messages.contains { $0.hasPrefix("maxBadRowShare must be between 0 and 1") })
    #expect(messages.contains("maxFields must be at least 1"))
    #expect(messages.contains("minCell must be at least 1"))
  }
}
