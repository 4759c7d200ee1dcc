import Detection
import Testing

@Suite struct GLRPoissonTests {
  /// The upper bound is the smallest count that gives an alarm: one less does not.
  @Test func casesAreTheSmallestAlarmingCount() throws {
    let history = (0..<104).map { Double(5 + ($0 * 37) % 4) }
    let recent: [Double] = [6, 5, 14, 15, 6, 5, 7, 20]
    let y = history + recent
    let glr = GLRPoisson()
    let r = glr.detect(CountSeries(id: "g", observed: y), range: 105...112)
    for (i, o) in r.outcomes.enumerated() {
      let cases = try #require(o.upperbound)
      #expect(o.alarm == (y[104 + i] >= cases))
      // replace the observation by `cases` and by `cases - 1`
      var at = y
      at[104 + i] = cases
      var below = y
      below[104 + i] = max(0, cases - 1)
      let withCases = glr.detect(CountSeries(id: "g", observed: at), range: 105...112).outcomes[i]
      #expect(withCases.alarm == true)
      if cases > 0 {
        let withBelow = glr.detect(CountSeries(id: "g", observed: below), range: 105...112)
          .outcomes[i]
        #expect(withBelow.alarm == false)
      }
    }
    #expect(r.outcomes.contains { $0.alarm == true })
  }

  @Test func restartsAfterAnAlarm() throws {
    let history = Array(repeating: 3.0, count: 52)
    let y = history + [30, 3, 3]
    let r = GLRPoisson().detect(CountSeries(id: "g", observed: y), range: 53...55)
    #expect(r.outcomes[0].alarm == true)
    // the week after the alarm starts a new run: only its own evidence counts
    let fresh = GLRPoisson().detect(
      CountSeries(id: "g", observed: history + [3, 3]), range: 53...54)
    let a = try #require(r.outcomes[1].statistic)
    let b = try #require(fresh.outcomes[0].statistic)
    #expect(abs(a - b) < 1e-9)
  }
}
