import Detection
import Testing

@Suite struct CUSUMTests {
  @Test func constantMeanRecursion() throws {
    let history = Array(repeating: 4.0, count: 20)
    let y = history + [4, 9, 10, 4]
    let r = CUSUM().detect(CountSeries(id: "c", observed: y), range: 21...24)
    var s = 0.0
    for (i, o) in r.outcomes.enumerated() {
      let upper = (2.0 * (2.26 + 1.04 - s) + 4).rounded(.up)
      #expect(o.upperbound == upper)
      s = max(0, s + (y[20 + i] - 4) / 2 - 1.04)
      #expect(abs(try #require(o.statistic) - s) < 1e-12)
      #expect(o.alarm == (s >= 2.26))
      #expect(o.expected == 4)
    }
    #expect(r.outcomes[2].alarm == true)
  }

  @Test func zeroHistoryHasNoThreshold() throws {
    let y = Array(repeating: 0.0, count: 30)
    let r = CUSUM().detect(CountSeries(id: "c", observed: y), range: 21...30)
    #expect(
      r.outcomes.allSatisfy {
        $0.upperbound == nil && $0.alarm == nil && $0.reason == .zeroVariance
      })
  }

  @Test func missingValuesAreNotGuessed() throws {
    var y = Array(repeating: 3.0, count: 30)
    y[5] = .nan
    let r = CUSUM().detect(CountSeries(id: "c", observed: y), range: 21...30)
    #expect(r.outcomes.allSatisfy { $0.reason == .missingObservation && $0.alarm == nil })
  }

  @Test func rangeBeyondTheSeriesIsOutOfRange() throws {
    let y = Array(repeating: 4.0, count: 30)
    let r = CUSUM().detect(CountSeries(id: "c", observed: y), range: 25...33)
    #expect(r.outcomes.map(\.timeIndex) == Array(25...33))
    #expect(r.outcomes.prefix(6).allSatisfy { $0.reason == nil && $0.upperbound != nil })
    #expect(r.outcomes.suffix(3).allSatisfy { $0.reason == .outOfRange && $0.observed == nil })
    let g = GLRPoisson().detect(CountSeries(id: "c", observed: y), range: 25...33)
    #expect(g.outcomes.suffix(3).allSatisfy { $0.reason == .outOfRange })
    #expect(g.outcomes.prefix(6).allSatisfy { $0.upperbound != nil })
  }
}
