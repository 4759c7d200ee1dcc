import SafetyCore
import Testing

@testable import Flagging

@Suite struct LevelTestTests {
  @Test func anAreaWellAboveTheMunicipalRateIsElevatedAfterFourQualifyingWeeks() throws {
    let rules = try testRules()
    let plan = try #require(rules.indicator("inbraak"))
    let n = 60
    let areas = [
      AreaSeries(area: "BU99990101", counts: Array(repeating: 4, count: n), denominator: Array(repeating: 1000, count: n)),
      AreaSeries(area: "BU99990102", counts: Array(repeating: 1, count: n), denominator: Array(repeating: 1000, count: n)),
      AreaSeries(area: "BU99990103", counts: Array(repeating: 1, count: n), denominator: Array(repeating: 1000, count: n)),
      // Too few inhabitants for a rate: no level.
      AreaSeries(area: "BU99990104", counts: Array(repeating: 1, count: n), denominator: Array(repeating: 50, count: n)),
    ]
    let data = IndicatorData(plan: plan, first: week(2024, 1), areas: areas)
    var signals = IndicatorSignals(
      plan: plan, start: week(2024, 1),
      byArea: Dictionary(uniqueKeysWithValues: areas.map { a in (a.area, a.counts.map { PeriodSignal(observed: $0) }) }),
      bySource: [:], historicShares: [:])
    LevelTest.apply(to: &signals, data: data, from: 0, minPopulation: 100)
    let high = try #require(signals.byArea["BU99990101"])
    // 13-week window: 52 registrations against 91 × 1000/3050 ≈ 29.8 expected: index ≈ 174.
    let level = try #require(high[20].level)
    #expect(abs(level.index - 100 * 52 / (91.0 * 1000 / 3050)) < 1e-9)
    #expect(level.qualifies)
    #expect(high[20].elevated)
    // The first window has 4 against 2.3: too few registrations (minimum 10).
    #expect(high[0].level?.qualifies == false)
    #expect(signals.byArea["BU99990102"]?[20].elevated == false)
    #expect(signals.byArea["BU99990104"]?[20].level == nil)
    // Elevated only after four qualifying weeks in a row.
    let firstQualifying = try #require(high.firstIndex { $0.level?.qualifies == true })
    let firstElevated = try #require(high.firstIndex { $0.elevated })
    #expect(firstElevated == firstQualifying + 3)
  }
}
