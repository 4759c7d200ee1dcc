import Detection
import SafetyCore
import Testing

@testable import Flagging

@Suite struct SignalBuilderTests {
  @Test func theScanTakesTheMostSignificantRecentWindowWithBonferroni() throws {
    let rules = try testRules()
    let plan = try #require(rules.indicator("inbraak"))
    let convergence = ConvergenceParameters()
    #expect(SignalBuilder.scanLengths(plan, convergence) == [1, 2, 4])
    let s = [0, 0, 0, 0, 3, 4].map { PeriodSignal(observed: $0, expected: 0.5, phi: 1) }
    let scan = try #require(SignalBuilder.scan(s, at: 5, plan: plan, convergence))
    // Last two weeks: 7 against 1.0 (Poisson), times three scans.
    let p2 = Poisson.upperTail(6, lambda: 1.0)
    #expect(scan.periods == 2)
    #expect(scan.observed == 7)
    #expect(abs(scan.pvalue - 3 * p2) < 1e-12)
  }

  @Test func overDispersionUsesTheNegativeBinomial() {
    let p = SignalBuilder.upperTail(5, mean: 1, phi: 2)
    #expect(abs(p - NegativeBinomial.upperTail(4, size: 1, prob: 0.5)) < 1e-12)
    #expect(SignalBuilder.upperTail(5, mean: 1, phi: 1) == Poisson.upperTail(4, lambda: 1))
    #expect(SignalBuilder.upperTail(0, mean: 0, phi: 1) == 1)
  }

  @Test func monthlyScansFitTheWindow() throws {
    let rules = try testRules()
    let plan = try #require(rules.indicator("drugs"))
    #expect(SignalBuilder.scanLengths(plan, ConvergenceParameters(windowWeeks: 4)) == [1])
    #expect(SignalBuilder.scanLengths(plan, ConvergenceParameters(windowWeeks: 9)) == [1, 2])
  }

  @Test func aSpikeNeedsTheMinimumCount() throws {
    let rules = try testRules("flags: {spike: {minCases: 12}}")
    let input = testInput(
      rules, extra: ["inbraak|BU99990101": burst(week(2024, 20), weeks: 1, count: 9)])
    let outcome = FlagEngine(rules: rules).run(input)
    let inbraak = try #require(outcome.signals.first { $0.plan.id == "inbraak" })
    let list = try #require(inbraak.byArea["BU99990101"])
    let i = week(2024, 20).ordinal - inbraak.start.ordinal
    #expect(list[i].alarm)
    #expect(!list[i].spike)
  }
}
