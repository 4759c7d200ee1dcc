import Foundation
import PipelineSpec
import SafetyCore

@testable import Flagging

/// A small pipeline: two weekly buurt indicators of one theme (one fed by two partners),
/// a weekly indicator of another theme, a monthly wijk indicator.
let testPipeline = """
  version: 1
  name: testdorp
  areas: {registry: areas.csv}
  themes:
    hic: {name: High impact crime, nameEn: HIC}
    overlast: {name: Overlast}
  sources:
    politie: {partner: Politie, files: p_*.csv, key: nr, date: {column: d, format: yyyy-MM-dd}, area: {column: b}, category: {column: c}}
    woonpunt: {partner: Woonpunt, files: w_*.csv, key: nr, date: {column: d, format: yyyy-MM-dd}, area: {column: b}, category: {column: c}}
    mor: {partner: Gemeente, files: m_*.csv, key: nr, date: {column: d, format: yyyy-MM-dd}, area: {column: b}, category: {column: c}}
  indicators:
    inbraak: {name: Inbraak, theme: hic, from: {politie: ["1.1.1"]}, unit: per1000Inhabitants}
    overlastPolitie: {name: Overlast politie, theme: overlast, from: {politie: [E35]}}
    overlastMOR: {name: Overlast MOR, theme: overlast, from: {mor: [Jongeren]}}
    woonoverlast: {name: Woonoverlast, theme: overlast, from: {woonpunt: [buren], politie: [E37]}}
    drugs: {name: Drugs, theme: overlast, from: {politie: ["2.1.1"]}, period: month, level: wijk, detection: {w: 2, pastWeeksNotIncluded: 6, noPeriods: 4, limit54: [3, 2]}}
  detection:
    default: {method: farringtonFlexible, b: 4, w: 3, pastWeeksNotIncluded: 26, noPeriods: 10, thresholdMethod: nbPlugin, alpha: 0.001, limit54: [5, 4]}
  """

func loadTestPipeline(_ extra: String = "") throws -> Pipeline {
  try LoadedPipeline.parse(testPipeline + "\n" + extra, file: "test.yaml").spec
}

func testRules(_ extra: String = "") throws -> FlagRules {
  try FlagRules(pipeline: try loadTestPipeline(extra))
}

/// Uniform and Poisson draws from the shared seeded generator, for reproducible
/// synthetic counts.
extension SplitMix64 {
  mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
  /// Poisson by inversion (small means).
  mutating func poisson(_ mean: Double) -> Int {
    let l = exp(-mean)
    var k = 0
    var p = uniform()
    while p > l {
      k += 1
      p *= uniform()
    }
    return k
  }
}

/// The ISO week `year-Wweek` as a period.
func week(_ year: Int, _ week: Int) -> Period {
  Period.week(ISOWeek(year: year, week: week)!)
}

/// Weekly counts from 2019-W01 through 2024-W52 with a mean, plus extra counts per week.
func weeklySeries(mean: Double, seed: UInt64, extra: [Period: Int] = [:]) -> [Int] {
  let first = week(2019, 1)
  let count = week(2024, 52).ordinal - first.ordinal + 1
  var rng = SplitMix64(seed: seed)
  return (0..<count).map { i in rng.poisson(mean) + (extra[first.advanced(by: i)] ?? 0) }
}

/// Buurten A, B (adjacent), C in wijk W, and a wijk.
let testAreas = AreaMap(
  areas: [
    .init(code: "WK999901", name: "Wijk", level: .wijk, parent: nil),
    .init(code: "BU99990101", name: "Noord", level: .buurt, parent: "WK999901"),
    .init(code: "BU99990102", name: "Zuid", level: .buurt, parent: "WK999901"),
    .init(code: "BU99990103", name: "Oost", level: .buurt, parent: "WK999901"),
  ], adjacency: [("BU99990101", "BU99990102")])

let buurten = ["BU99990101", "BU99990102", "BU99990103"]

/// An input with every weekly indicator in every buurt at `mean`, plus `extra` registrations
/// per (indicator, buurt) and week.
func testInput(
  _ rules: FlagRules, mean: Double = 0.5, extra: [String: [Period: Int]] = [:],
  population: Double = 2000
) -> FlagInput {
  var data: [IndicatorData] = []
  for (n, plan) in rules.indicators.enumerated() where plan.period == .week {
    let areas = buurten.enumerated().map { (k, code) in
      AreaSeries(
        area: code,
        counts: weeklySeries(
          mean: mean, seed: UInt64(100 * n + k + 1), extra: extra["\(plan.id)|\(code)"] ?? [:]),
        denominator: Array(repeating: population, count: 313))
    }
    data.append(IndicatorData(plan: plan, first: week(2019, 1), areas: areas))
  }
  return FlagInput(through: week(2024, 52), indicators: data, areas: testAreas)
}

/// `count` extra registrations in each of `weeks` weeks from `start`.
func burst(_ start: Period, weeks: Int, count: Int) -> [Period: Int] {
  var out: [Period: Int] = [:]
  for i in 0..<weeks { out[start.advanced(by: i)] = count }
  return out
}
