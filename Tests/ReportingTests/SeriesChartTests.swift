import Testing

@testable import Reporting

@Suite struct SeriesChartTests {
  func chart(_ counts: [Int], title: String = "Woninginbraak") -> SeriesChart {
    SeriesChart(
      title: title,
      points: counts.enumerated().map { i, c in
        SeriesPoint(
          label: "W\(i + 1)", observed: c, expected: 6, upperBound: 11, alarm: c > 11)
      })
  }

  @Test func drawsBandLinesPointsAndAlarms() {
    let svg = chart([7, 8, 15, 9]).svg(.nl).rendered
    #expect(svg.hasPrefix("<svg"))
    #expect(svg.hasSuffix("</svg>"))
    #expect(svg.contains("<polygon"))
    #expect(svg.components(separatedBy: "<circle").count - 1 == 4)
    #expect(svg.contains("fill=\"\(SeriesChart.alarmColour)\""))
    #expect(svg.contains("W3: waargenomen 15; verwacht 6,0; bovengrens 11,0; alarm"))
  }

  @Test func neverShowsSmallCountsExactly() {
    let svg = chart([0, 1, 2, 3, 4]).svg(.en).rendered
    for n in 1...4 { #expect(!svg.contains("observed \(n)")) }
    #expect(svg.contains("observed &lt;5"))
    // All small counts sit on one height.
    let cys = Set(
      svg.components(separatedBy: "<circle").dropFirst().compactMap {
        $0.components(separatedBy: "cy=\"").dropFirst().first?.components(separatedBy: "\"").first
      })
    #expect(cys.count == 1)
  }

  @Test func escapesTitles() {
    let svg = chart([7], title: "<script>x</script>").svg(.nl).rendered
    #expect(!svg.contains("<script>"))
    #expect(svg.contains("&lt;script&gt;"))
  }

  @Test func sparklineHidesSmallCounts() {
    #expect(Sparkline.render([0, 4, 10, nil, 20]) == "▁▁▅ █")
    #expect(Sparkline.render([1, 2, 3]) == "▁▁▁")
  }

  @Test func ticksAreNice() {
    #expect(niceTicks(maximum: 23) == [0, 5, 10, 15, 20, 25])
    #expect(niceTicks(maximum: 0.5) == [0, 1])
  }
}
