import Testing

@testable import Flagging

@Suite struct TrendTestTests {
  func signals(_ observed: [Int], expected: Double = 1) -> [PeriodSignal] {
    observed.map { PeriodSignal(observed: $0, expected: expected, phi: 1) }
  }

  @Test func aRampAboveTheExpectationIsRising() throws {
    let rules = try testRules()
    let plan = try #require(rules.indicator("inbraak"))
    // 26 weeks: flat at the expectation, then rising to five a week above it.
    let observed = (0..<26).map { $0 < 12 ? 1 : 1 + ($0 - 11) / 3 + 1 }
    let r = try #require(TrendTest.rising(signals(observed), at: 25, plan: plan))
    #expect(r.pvalue < 0.01)
    #expect(r.slopePerYear > 0)
    #expect(r.window == 26)
    #expect(Double(r.recentObserved) - r.recentExpected >= 5)
  }

  @Test func flatOrFallingSeriesAreNot() throws {
    let rules = try testRules()
    let plan = try #require(rules.indicator("inbraak"))
    #expect(TrendTest.rising(signals(Array(repeating: 1, count: 26)), at: 25, plan: plan) == nil)
    let falling = (0..<26).map { max(0, 8 - $0 / 3) }
    #expect(TrendTest.rising(signals(falling), at: 25, plan: plan) == nil)
  }

  @Test func aRiseOnlyIfTheRecentExcessIsStillThere() throws {
    let rules = try testRules()
    let plan = try #require(rules.indicator("inbraak"))
    // Rising residuals, but the last quarter holds only two registrations above expectation.
    let observed = (0..<26).map { $0 < 20 ? 0 : 1 }
    #expect(TrendTest.rising(signals(observed, expected: 0.7), at: 25, plan: plan) == nil)
  }

  @Test func tooShortAWindowIsNoTrend() throws {
    let rules = try testRules()
    let plan = try #require(rules.indicator("inbraak"))
    #expect(TrendTest.rising(signals([1, 2, 3, 4, 5, 6, 7, 8]), at: 7, plan: plan) == nil)
  }
}
