import ReportBuilder
import Reporting
import SafetyCore
import Testing

@Suite struct ReportBuilderAreaChartsTests {
  let q4 = Period.quarter(year: 2024, quarter: 4)
  let runDate = CivilDate(year: 2024, month: 12, day: 31)!

  func builder() throws -> ReportBuilder {
    ReportBuilder(pipeline: try TestTown.pipeline(), registry: TestTown.registry())
  }

  @Test func aBuurtHasItsOwnSeriesAndItsWijksForWijkIndicators() throws {
    let data = TestTown.data()
    let charts = try builder().areaCharts(
      area: "BU99990101", period: q4, runDate: runDate, from: data)
    #expect(charts.map(\.indicator) == ["inbraak", "geweld", "jeugd"])
    let geweld = try #require(charts.first { $0.indicator == "geweld" })
    #expect(geweld.area == "BU99990101")
    #expect(geweld.series.kind == .week)
    #expect(geweld.series.points.count == 104)
    #expect(geweld.series.points.last?.period == .week(ISOWeek(year: 2024, week: 52)!))
    #expect(geweld.series.basis == .none)
    // Each point is the raw weekly count, disclosed.
    for p in geweld.series.points {
      let raw = TestTown.expected(TestTown.geweld, areas: ["BU99990101"], in: p.period, data: data)
      #expect(p.observed == DisclosurePolicy(minCell: 5).count(raw))
    }
    // Burglary is mostly below 5 per week in one buurt: shown per month.
    let inbraak = try #require(charts.first { $0.indicator == "inbraak" })
    #expect(inbraak.series.kind == .month)
    #expect(inbraak.series.aggregatedFrom == .week)
    // Youth is detected per wijk: the buurt shows its wijk.
    let jeugd = try #require(charts.first { $0.indicator == "jeugd" })
    #expect(jeugd.area == "WK999901")
    #expect(jeugd.level == .wijk)
    #expect(jeugd.series.kind == .month)
    #expect(jeugd.series.points.count == 36)
  }

  @Test func aWijkSumsItsBuurten() throws {
    let data = TestTown.data()
    let charts = try builder().areaCharts(
      area: "WK999901", period: q4, runDate: runDate, from: data)
    let geweld = try #require(charts.first { $0.indicator == "geweld" })
    #expect(geweld.area == "WK999901")
    let last = try #require(geweld.series.points.last)
    let raw = TestTown.expected(
      TestTown.geweld, areas: ["BU99990101", "BU99990102"], in: last.period, data: data)
    #expect(last.observed == .exact(raw))
  }

  @Test func storedDetectionResultsGiveTheBandAndAlarms() throws {
    let data = TestTown.data()
    let w52 = Period.week(ISOWeek(year: 2024, week: 52)!)
    let stored = [
      "geweld": [
        StoredDetection(period: w52, expected: 4.5, upperBound: 9.25, alarm: true),
        StoredDetection(period: w52.advanced(by: -1), expected: 4, upperBound: 9, alarm: false),
      ]
    ]
    let buurt = try builder().areaCharts(
      area: "BU99990101", period: q4, runDate: runDate, from: data,
      stored: { indicator, area in area == "BU99990101" ? stored[indicator] ?? [] : [] })
    let geweld = try #require(buurt.first { $0.indicator == "geweld" })
    #expect(geweld.series.basis == .stored)
    #expect(geweld.series.method == "farringtonFlexible")
    #expect(geweld.series.points.last?.alarm == true)
    #expect(geweld.series.points.last?.upperBound == 9.25)
    #expect(geweld.series.points.filter(\.alarm).count == 1)
    // A wijk's summed series is not what the buurt's results were computed on.
    let wijk = try builder().areaCharts(
      area: "WK999901", period: q4, runDate: runDate, from: data,
      stored: { indicator, _ in stored[indicator] ?? [] })
    #expect(wijk.first { $0.indicator == "geweld" }?.series.basis == ChartSeries.Basis.none)
  }

  @Test func periodsBeforeTheDataAreMissingNotZero() throws {
    var data = TestTown.data()
    data.ledger[0].firstPeriod = .week(ISOWeek(year: 2024, week: 27)!)
    let charts = try builder().areaCharts(
      area: "BU99990101", period: q4, runDate: runDate, from: data)
    let geweld = try #require(charts.first { $0.indicator == "geweld" })
    let missing = geweld.series.points.filter { $0.observed == nil }
    #expect(missing.count == 104 - 26)
    #expect(
      try builder().areaCharts(area: "BU00000000", period: q4, runDate: runDate, from: data).isEmpty
    )
    let one = try builder().areaCharts(
      area: "BU99990101", period: q4, runDate: runDate, from: data, only: ["jeugd"])
    #expect(one.map(\.indicator) == ["jeugd"])
  }
}
