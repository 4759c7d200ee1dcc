import PipelineSpec
import SafetyCore
import Testing

@testable import Normalise

/// A housing corporation that writes the postcode of the dwelling, not the buurt.
@Suite struct NormaliserPostcodeTests {
  @Test func postcodesResolveAndUnknownOnesKeepFourDigitsOnly() throws {
    let text = """
      version: 1
      name: postcodestad
      areas: {registry: areas.csv, postcodes: postcodes.csv}
      themes: {t: {name: T}}
      sources:
        woon:
          partner: Woon
          files: woon_*.csv
          key: id
          date: {column: datum, format: dd-MM-yyyy}
          area: {column: postcode, match: postcode}
          category: {value: overlast}
      indicators:
        i: {name: I, theme: t, from: {woon: [overlast]}}
      """
    let p = SourcePosition(file: "x.csv", line: 2, column: 1)
    var areaRows = testRegistry().areas.map { a in
      [a.code.rawValue, a.name, ""]
    }
    areaRows[0][2] = ""
    let registry = AreaRegistry(
      areas: areaRows.map { AreaRegistry.Row($0, at: p) },
      postcodes: [["1234AB", "BU99990101"], ["1235", "BU99990102"]].map {
        AreaRegistry.Row($0, at: p)
      })
    #expect(registry.diagnostics.isEmpty)
    let plan = try SourcePlan(id: "woon", in: try LoadedPipeline.parse(text, file: "/tmp/p.yaml"))
    var n = Normaliser(
      plan: plan, registry: registry,
      columns: try plan.bind(header: ["id", "datum", "postcode"], file: "woon.csv"),
      file: "woon.csv", runDate: CivilDate(year: 2024, month: 9, day: 30)!, hasher: nil)
    func area(_ outcome: RowOutcome) -> Int32? {
      if case .record(let r) = outcome { return r.area }
      return nil
    }
    #expect(area(n.normalise(row("1;03-09-2024;1234 ab"))) == 3)
    #expect(area(n.normalise(row("2;03-09-2024;1235ZZ"))) == 4)
    #expect(area(n.normalise(row("3;03-09-2024;BU99990101"))) == -1)  // not a postcode
    #expect(area(n.normalise(row("4;03-09-2024;9876 XY"))) == -1)
    #expect(n.unknownAreaLabels == ["BU99990101": 1, "9876": 1])
    #expect(n.stats.unknownArea == 2)
  }
}
