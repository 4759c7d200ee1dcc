import Testing

@testable import Aggregate

@Suite struct CellKeyTests {
  @Test func packsAndUnpacks() {
    for (s, a, p) in [(0, -1, 0), (65535, CellKey.maxArea, CellKey.maxPeriod), (7, 13_999, 2_890)] {
      let k = CellKey(series: s, area: a, period: p)
      #expect(k.series == s)
      #expect(k.area == a)
      #expect(k.period == p)
    }
  }

  @Test func sortsBySeriesAreaPeriod() {
    let keys = [
      CellKey(series: 1, area: 0, period: 0), CellKey(series: 0, area: 5, period: 1),
      CellKey(series: 0, area: -1, period: 9), CellKey(series: 0, area: 5, period: 0),
    ]
    #expect(
      keys.sorted().map { [$0.series, $0.area, $0.period] }
        == [[0, -1, 9], [0, 5, 0], [0, 5, 1], [1, 0, 0]])
  }
}
