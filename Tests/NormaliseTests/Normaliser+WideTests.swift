import PipelineSpec
import SafetyCore
import Testing

@testable import Normalise

/// A welfare organisation's spreadsheet export: one row per wijk and month, one count
/// column per kind of case, with blanks and dashes where there is no figure.
let widePipelineText = """
  version: 1
  name: breedstad
  areas: {registry: areas.csv}
  themes:
    zorg: {name: Zorg}
  sources:
    welzijn:
      partner: Welzijn
      files: welzijn_*.csv
      period: {column: Maand, kind: month, format: MM-yyyy}
      area: {column: Wijk, match: name}
      counts: [Huiselijk geweld, Jeugd, Verward gedrag]
      missingCounts: ["", "-"]
      personal: [Contactpersoon]
  indicators:
    hg: {name: Huiselijk geweld, theme: zorg, period: month, from: {welzijn: [huiselijk geweld]}}
    verward: {name: Verward, theme: zorg, period: month, from: {welzijn: [Verward gedrag, Jeugd]}}
  """

@Suite struct NormaliserWideTests {
  let registry = testRegistry()
  let runDate = CivilDate(year: 2024, month: 9, day: 30)!
  static let header = [
    "Contactpersoon", "Wijk", "Maand", "Jeugd", "Verward Gedrag", "Huiselijk geweld",
  ]

  func normaliser(_ text: String = widePipelineText) throws -> Normaliser {
    let pipeline = try LoadedPipeline.parse(text, file: "/tmp/breedstad.yaml")
    let plan = try SourcePlan(id: "welzijn", in: pipeline)
    let columns = try plan.bind(header: Self.header, file: "welzijn.csv")
    return Normaliser(
      plan: plan, registry: registry, columns: columns, file: "welzijn.csv", runDate: runDate,
      hasher: nil)
  }

  func count(_ category: Int32, _ n: Int64, month: Int = 8, area: Int32 = 1) -> NormalisedCount {
    NormalisedCount(
      period: .month(year: 2024, month: month), category: category, area: area, count: n)
  }

  @Test func bindsTheCountColumnsByNameInDeclaredOrder() throws {
    let plan = try SourcePlan(
      id: "welzijn",
      in: try LoadedPipeline.parse(
        widePipelineText, file: "/tmp/breedstad.yaml"))
    #expect(plan.countColumns == ["Huiselijk geweld", "Jeugd", "Verward gedrag"])
    let columns = try plan.bind(header: Self.header, file: "welzijn.csv")
    #expect(columns.counts == [5, 3, 4])
    #expect(columns.category == nil && columns.count == nil)
    #expect(columns.maxIndex == 5)
  }

  @Test func oneRowGivesACountPerColumnWithAFigure() throws {
    var n = try normaliser()
    // Categories are the columns as declared (normalised); indicators map through them.
    #expect(n.categories == ["huiselijk geweld", "jeugd", "verward gedrag"])
    #expect(n.categoryIndicators == [[0], [1], [1]])
    #expect(
      n.normalise(row("Anna de Vries;Centrum;08-2024;4;0;7"))
        == .counts([count(0, 7), count(1, 4), count(2, 0)]))
    // Blank and dash cells have no figure: nothing is counted, the row is fine.
    #expect(n.normalise(row("x;Noord;07-2024; - ;;2")) == .counts([count(0, 2, month: 7, area: 2)]))
    #expect(n.normalise(row("x;Noord;06-2024;-;;")) == .counts([]))
    #expect(n.stats.ok == 3 && n.stats.rejected == 0)
    #expect(n.stats.unmappedCategory == 1)  // the row without any figure
    let personal = row("Anna de Vries;Centrum;08-2024;1;1;1")
    _ = n.normalise(personal)
    #expect(!personal.touched.contains(0))
  }

  @Test func aBadCellRejectsTheWholeRowAndNamesItsColumn() throws {
    var n = try normaliser()
    #expect(n.normalise(row("x;Centrum;08-2024;3;n.v.t.;1", line: 9)) == .rejected)
    #expect(n.stats.rejected == 1 && n.stats.ok == 0)
    let d = try #require(n.diagnostics.first)
    #expect(d.code == .typeError)
    #expect(d.position?.line == 9 && d.position?.column == 41)
    #expect(d.message.contains("'Verward gedrag'"))
    #expect(!d.description.contains("n.v.t."))  // values are never repeated
  }

  @Test func theOtherColumnsStillApply() throws {
    var n = try normaliser()
    #expect(n.normalise(row("x;Nergenshuizen;08-2024;1;1;1")) != .rejected)
    #expect(n.stats.unknownArea == 1 && n.unknownAreaLabels == ["Nergenshuizen": 1])
    #expect(n.normalise(row("x;Centrum;10-2024;1;1;1")) == .rejected)  // after the run date
    #expect(n.normalise(row("x;Centrum;2024-08;1;1;1")) == .rejected)
    #expect(n.normalise(row("x;Centrum;08-2024;1;1")) == .rejected)  // short row
    #expect(n.diagnosticCounts == [.futureDate: 1, .typeError: 1, .missingCell: 1])
  }

  @Test func missingMarkersAlsoApplyToOneCountColumn() throws {
    let text = """
      version: 1
      name: smalstad
      areas: {registry: areas.csv}
      themes: {zorg: {name: Zorg}}
      sources:
        vt:
          partner: Veilig Thuis
          files: vt_*.csv
          period: {column: maand, kind: month, format: yyyyMM}
          area: {column: wijk}
          category: {value: meldingen}
          count: aantal
          missingCounts: ["."]
      indicators:
        hg: {name: HG, theme: zorg, period: month, from: {vt: [meldingen]}}
      """
    let plan = try SourcePlan(id: "vt", in: try LoadedPipeline.parse(text, file: "/tmp/s.yaml"))
    let columns = try plan.bind(header: ["maand", "wijk", "aantal"], file: "vt.csv")
    var n = Normaliser(
      plan: plan, registry: registry, columns: columns, file: "vt.csv", runDate: runDate,
      hasher: nil)
    #expect(n.normalise(row("202408;WK999901; . ")) == .counts([]))
    #expect(n.normalise(row("202408;WK999901;")) == .rejected)  // blank is not a marker here
    #expect(n.normalise(row("202408;WK999901;3")) == .count(count(0, 3)))
  }
}
