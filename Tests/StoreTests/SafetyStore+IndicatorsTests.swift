import Normalise
import PipelineSpec
import SafetyCore
import Testing

@testable import Store

@Suite struct SafetyStoreIndicatorsTests {
  @Test func sumsCategoriesAndRollsAreasUp() throws {
    let store = try SafetyStore(path: temporaryStorePath())
    let reg = registry()
    var export = NormalisedExport(source: "politie", periodKind: .week)
    export.categories = ["1.1.1", "1.4.5", "9.9.9"]
    let rows: [(String, Int32, Int32)] = [("a", 0, 2), ("b", 1, 3), ("c", 2, 3), ("d", 0, -1)]
    for (key, category, area) in rows {
      export.records.append(
        NormalisedRecord(
          key: store.hasher.digest(source: "politie", key: key), category: category, area: area,
          day: day(2024, 9, 2)))
    }
    _ = try store.apply(export, receipt: receipt("x"), registry: reg)
    var indicator = Indicator(
      name: "Inbraak en geweld", theme: "hic",
      from: KeyedList([(key: "politie", value: ["1.1.1 ", "1.4.5"])]))
    indicator.unit = .count
    #expect(SafetyStore.categories(of: indicator).map(\.name) == ["1.1.1", "1.4.5"])
    let w36 = Period.week(ISOWeek(year: 2024, week: 36)!)
    let buurten = try store.indicatorSeries(
      indicator, level: .buurt, registry: reg, kind: .week, from: w36, through: w36)
    #expect(buurten == ["BU99990101": [1], "BU99990102": [1], "?": [1]])
    let wijken = try store.indicatorSeries(
      indicator, level: .wijk, registry: reg, kind: .week, from: w36, through: w36)
    #expect(wijken == ["WK999901": [2], "?": [1]])
    let gemeente = try store.indicatorSeries(
      indicator, level: .gemeente, registry: reg, kind: .month,
      from: .month(year: 2024, month: 9), through: .month(year: 2024, month: 9))
    #expect(gemeente == ["GM9999": [2], "?": [1]])
  }

  /// `1.4.*` sums every stored category that begins with `1.4.`, each once.
  @Test func aTrailingStarSumsEveryCategoryItBegins() throws {
    let store = try SafetyStore(path: temporaryStorePath())
    let reg = registry()
    var export = NormalisedExport(source: "politie", periodKind: .week)
    export.categories = ["1.4.1", "1.4.5", "1.1.1", "11.4.1"]
    for (i, category) in [0, 1, 1, 2, 3].enumerated() {
      export.records.append(
        NormalisedRecord(
          key: store.hasher.digest(source: "politie", key: "k\(i)"), category: Int32(category),
          area: 2, day: day(2024, 9, 2)))
    }
    _ = try store.apply(export, receipt: receipt("x"), registry: reg)
    let w36 = Period.week(ISOWeek(year: 2024, week: 36)!)
    func total(_ names: [String]) throws -> Int64 {
      try store.series(
        of: names.map { CategoryRef(source: "politie", name: $0) }, kind: .week, from: w36,
        through: w36
      ).values.reduce(0) { $0 + $1[0] }
    }
    #expect(try total(["1.4.*"]) == 3)
    #expect(try total(["1.4.*", "1.4.5"]) == 3)  // counted once
    #expect(try total(["1.*"]) == 4)  // not 11.4.1
    #expect(try total(["2.*"]) == 0)
    #expect(try total(["*"]) == 5)
  }
}
