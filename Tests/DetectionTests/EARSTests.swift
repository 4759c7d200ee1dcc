import Detection
import Testing

@Suite struct EARSTests {
  @Test func c1IsMeanPlusZTimesSd() throws {
    let y: [Double] = [4, 6, 5, 7, 3, 5, 6, 20]
    let s = CountSeries(id: "e", observed: y)
    let o = try #require(EARS(settings: .init(method: .c1)).detect(s, range: 8...8).outcomes.first)
    let base = Array(y[0..<7])
    let mean = base.reduce(0, +) / 7
    let sd = (base.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 6).squareRoot()
    let expected = mean + Normal.quantile(0.999) * sd
    #expect(abs(try #require(o.upperbound) - expected) < 1e-12)
    #expect(o.alarm == true)
  }

  @Test func c2SkipsTwoWeeks() throws {
    let y: [Double] = [1, 1, 1, 1, 1, 1, 1, 50, 50, 2]
    let s = CountSeries(id: "e", observed: y)
    let o = try #require(
      EARS(settings: .init(method: .c2)).detect(s, range: 10...10).outcomes.first)
    // baseline y[1..7] is constant: U = mean, alarm since 2 > 1
    #expect(o.upperbound == 1 && o.alarm == true)
  }

  @Test func c3WithZeroSpreadIsNotAvailable() throws {
    let s = CountSeries(id: "e", observed: Array(repeating: 2, count: 20))
    let o = try #require(
      EARS(settings: .init(method: .c3)).detect(s, range: 20...20).outcomes.first)
    #expect(o.upperbound == nil && o.alarm == nil && o.reason == .zeroVariance)
  }

  @Test func tooEarlyIsInsufficientHistory() throws {
    let s = CountSeries(id: "e", observed: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    let r = EARS(settings: .init(method: .c3)).detect(s, range: 10...11)
    #expect(r.outcomes.allSatisfy { $0.reason == .insufficientHistory })
  }
}
