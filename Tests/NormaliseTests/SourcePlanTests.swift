import Foundation
import PipelineSpec
import SafetyCore
import Testing

@testable import Normalise

let testPipelineText = """
  version: 1
  name: teststad
  areas: {registry: areas.csv}
  themes:
    hic: {name: HIC}
    zorg: {name: Zorg}
  sources:
    politie:
      partner: Politie
      files: politie_*.csv
      key: registratienummer
      date: {column: pleegdatum, format: dd-MM-yyyy}
      area: {column: buurtcode}
      category: {column: incidentcode}
      personal: [naam, bsn]
    woonpunt:
      partner: Woonpunt
      files: woonpunt_*.csv
      key: Melding ID
      date: {column: Datum, format: yyyy-MM-dd}
      area: {column: Buurt, match: name}
      category: {column: Soort}
      personal: [Huurder]
    welzijn:
      partner: Welzijn
      files: welzijn_*.csv
      period: {column: maand, kind: month, format: yyyyMM}
      area: {column: wijk}
      category: {value: Casus}
      count: aantal
  indicators:
    inbraak: {name: Inbraak, theme: hic, from: {politie: ["1.1.1"]}}
    geweld: {name: Geweld, theme: hic, from: {politie: ["1.4.5", "1.1.1"]}}
    hennep: {name: Hennep, theme: zorg, from: {woonpunt: [Hennepkwekerij], politie: ["3.1.1"]}}
    zorg: {name: Zorg, theme: zorg, period: month, from: {welzijn: [casus]}}
  """

func testPipeline() throws -> LoadedPipeline {
  try LoadedPipeline.parse(testPipelineText, file: "/tmp/teststad.yaml")
}

@Suite struct SourcePlanTests {
  @Test func aTrailingStarFeedsEveryCategoryItBegins() throws {
    let text = testPipelineText.replacingOccurrences(
      of: "geweld: {name: Geweld, theme: hic, from: {politie: [\"1.4.5\", \"1.1.1\"]}}",
      with: "geweld: {name: Geweld, theme: hic, from: {politie: [\"1.4.*\", \"1.1.1\"]}}")
    #expect(text != testPipelineText)
    let plan = try SourcePlan(id: "politie", in: try LoadedPipeline.parse(text, file: "p.yaml"))
    #expect(plan.indicators(feedBy: "1.4.3") == [1])
    #expect(plan.indicators(feedBy: "1.1.1") == [0, 1])
    #expect(plan.indicators(feedBy: "1.5.1") == [])
    #expect(plan.indicators(feedBy: "3.1.1") == [2])
  }

  @Test func mapsCategoriesToIndicators() throws {
    let plan = try SourcePlan(id: "politie", in: try testPipeline())
    #expect(plan.shape == .records)
    #expect(plan.indicatorsByCategory["1.1.1"] == [0, 1])
    #expect(plan.indicatorsByCategory["3.1.1"] == [2])
    let welzijn = try SourcePlan(id: "welzijn", in: try testPipeline())
    #expect(welzijn.shape == .aggregated)
    #expect(welzijn.periodKind == .month)
    #expect(welzijn.fixedCategory == "Casus")
  }

  @Test func bindsColumnsOrderFreeAndCaseAndSpaceInsensitively() throws {
    let plan = try SourcePlan(id: "woonpunt", in: try testPipeline())
    let columns = try plan.bind(
      header: ["huurder", "SOORT", "buurt ", "MeldingID", "datum"], file: "w.csv")
    #expect(
      columns == SourcePlan.Columns(key: 3, date: 4, period: nil, area: 2, category: 1, count: nil))
    #expect(columns.maxIndex == 4)
  }

  @Test func reportsMissingAndDuplicatedColumns() throws {
    let plan = try SourcePlan(id: "politie", in: try testPipeline())
    #expect {
      try plan.bind(header: ["registratienummer", "buurtcode", "naam"], file: "p.csv")
    } throws: { error in
      let d = error as? Diagnostic
      return d?.code == .missingColumn
        && d?.message == "missing columns pleegdatum, incidentcode for source 'politie'; "
          + "the header row has 3 columns (check the delimiter and header names with "
          + "safety-monitor sniff)"
        && d?.position?.file == "p.csv"
    }
    #expect(throws: Diagnostic.self) {
      try plan.bind(
        header: ["registratienummer", "pleegdatum", "buurtcode", "incidentcode", "Pleegdatum"],
        file: "p.csv")
    }
  }

  @Test func bindsByNumberWithoutAHeader() throws {
    let text = testPipelineText.replacingOccurrences(
      of:
        "key: registratienummer\n    date: {column: pleegdatum, format: dd-MM-yyyy}\n    area: {column: buurtcode}\n    category: {column: incidentcode}",
      with:
        "key: \"1\"\n    date: {column: \"2\", format: dd-MM-yyyy}\n    area: {column: \"3\"}\n    category: {column: \"4\"}"
    )
    let plan = try SourcePlan(id: "politie", in: try LoadedPipeline.parse(text, file: "p.yaml"))
    #expect(
      try plan.bind(header: nil, file: "p.csv")
        == SourcePlan.Columns(key: 0, date: 1, area: 2, category: 3))
  }
}
