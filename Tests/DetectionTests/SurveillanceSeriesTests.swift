import Detection
import Testing

@Suite struct SurveillanceSeriesTests {
  @Test func unitsAreColumns() {
    let m = SurveillanceSeries(
      units: ["a", "b"], columns: [[1, 2, 3], [4, .nan, 6]],
      population: [[10, 10, 10], [20, 20, 20]],
      frequency: 12, startPeriod: 3)
    #expect(m.length == 3)
    let b = m[unit: 1]
    #expect(b.id == "b" && b.count == 3 && b.frequency == 12 && b.startPeriod == 3)
    #expect(b.value(at: 1) == 4 && b.value(at: 2) == nil && b.value(at: 4) == nil)
    #expect(b.population == [20, 20, 20])
    #expect(m.series.map(\.id) == ["a", "b"])
    let flat = SurveillanceSeries(
      units: ["a", "b"], length: 3, observed: m.observed, population: m.population, frequency: 12,
      startPeriod: 3)
    #expect(flat == m)
  }

  @Test func countsWithMissingValues() {
    let s = CountSeries(id: "x", counts: [3, nil, 0])
    #expect(s.observed[0] == 3 && s.observed[1].isNaN && s.observed[2] == 0)
    #expect(s.value(at: 2) == nil && s.value(at: 3) == 0)
  }
}
