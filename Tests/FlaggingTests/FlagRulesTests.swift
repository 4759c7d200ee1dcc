import Detection
import SafetyCore
import Testing

@testable import Flagging

@Suite struct FlagRulesTests {
  @Test func defaultsApplyWithoutAFlagsSection() throws {
    let rules = try testRules()
    #expect(rules.evaluationWeeks == 104)
    #expect(rules.resolveAfterWeeks == 4)
    let plan = try #require(rules.indicator("inbraak"))
    #expect(plan.kinds == [.spike, .rising, .elevated, .convergent])
    #expect(plan.spike.minCases == 3)
    #expect(plan.rising == RisingParameters())
    #expect(plan.elevated == ElevatedParameters())
    #expect(plan.period == .week && plan.level == .buurt)
    #expect(plan.methods == [.farringtonFlexible])
    #expect(plan.reference.alpha == 0.001)
    #expect(plan.reference.noPeriods == 10)
    let monthly = try #require(rules.indicator("drugs"))
    #expect(monthly.frequency == 12)
    #expect(monthly.rising.window == 12)
    #expect(monthly.elevated.window == 3 && monthly.elevated.periods == 2)
    // The indicator's own settings over detection.default.
    #expect(monthly.reference.w == 2 && monthly.reference.b == 4 && monthly.reference.noPeriods == 4)
    #expect(rules.theme("overlast")?.convergence == ConvergenceParameters())
  }

  @Test func indicatorRulesWinOverThemeRulesOverTheSection() throws {
    let rules = try testRules(
      """
      flags:
        evaluationWeeks: 52
        spike: {minCases: 4}
        rising: {alpha: 0.005}
        themes:
          hic: {spike: {minCases: 5}, kinds: [spike, rising], convergent: {alpha: 0.0001}}
        indicators:
          inbraak: {spike: {minCases: 6}, detectors: [{}, {method: glrpois, cARL: 8}]}
      """)
    #expect(rules.evaluationWeeks == 52)
    let inbraak = try #require(rules.indicator("inbraak"))
    #expect(inbraak.spike.minCases == 6)
    #expect(inbraak.rising.alpha == 0.005)
    #expect(inbraak.kinds == [.spike, .rising])
    #expect(inbraak.methods == [.farringtonFlexible, .glrpois])
    #expect(inbraak.detectors.last == .glrpois(GLRPoisson.Settings(cARL: 8)))
    let overlast = try #require(rules.indicator("overlastPolitie"))
    #expect(overlast.spike.minCases == 4)
    #expect(rules.theme("hic")?.convergence.alpha == 0.0001)
    #expect(rules.theme("overlast")?.convergence.alpha == 0.001)
  }

  @Test func partnersFollowTheSources() throws {
    let rules = try testRules()
    let plan = try #require(rules.indicator("woonoverlast"))
    #expect(plan.sources.map(\.id) == ["woonpunt", "politie"])
    #expect(plan.partners == ["Woonpunt", "Politie"])
  }
}
