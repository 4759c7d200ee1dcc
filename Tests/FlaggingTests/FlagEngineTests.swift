import SafetyCore
import Testing

@testable import Flagging

@Suite struct FlagEngineTests {
  @Test func aPlantedSpikeIsFlaggedInItsWeekAndResolvedFourWeeksLater() throws {
    let rules = try testRules()
    let input = testInput(
      rules, extra: ["inbraak|BU99990101": burst(week(2024, 20), weeks: 1, count: 9)])
    let outcome = FlagEngine(rules: rules).run(input)
    let flags = outcome.flags.filter { $0.area == "BU99990101" && $0.theme == "hic" }
    let flag = try #require(flags.first { $0.weeks.contains(week(2024, 20)) })
    #expect(flag.family == .acute)
    #expect(flag.kind == .spike)
    #expect(flag.firstSeen == week(2024, 20))
    #expect(flag.events.first?.type == .opened)
    #expect(flag.events.last?.type == .resolved)
    #expect(flag.resolved == flag.lastSeen.advanced(by: 4))
    let c = try #require(flag.explanation.contributions.first)
    #expect(c.indicator == "inbraak")
    #expect(c.partners == ["Politie"])
    #expect(c.observed >= 9)
    #expect((c.pvalue ?? 1) < 0.001)
    #expect(flag.id == FlagID.make(family: .acute, area: "BU99990101", theme: "hic", firstSeen: week(2024, 20)))
  }

  @Test func seriesWithoutAnyRegistrationRaiseNothing() throws {
    let rules = try testRules()
    var input = testInput(rules, mean: 0)
    for i in input.indicators.indices {
      for a in input.indicators[i].areas.indices {
        input.indicators[i].areas[a].counts = Array(repeating: 0, count: 313)
      }
    }
    let outcome = FlagEngine(rules: rules).run(input)
    #expect(outcome.flags.isEmpty)
    #expect(outcome.from == week(2023, 1))
    #expect(outcome.through == week(2024, 52))
  }

  @Test func twoIndicatorsOfAThemeRisingTogetherAreConvergent() throws {
    let rules = try testRules()
    let start = week(2024, 30)
    let input = testInput(
      rules,
      extra: [
        "overlastPolitie|BU99990102": burst(start, weeks: 4, count: 3),
        "overlastMOR|BU99990102": burst(start, weeks: 4, count: 3),
      ])
    let outcome = FlagEngine(rules: rules).run(input)
    let flag = try #require(
      outcome.flags.first {
        $0.area == "BU99990102" && $0.theme == "overlast" && $0.weeks.contains(start.advanced(by: 2))
      })
    #expect(flag.kind == .convergent)
    let c = try #require(flag.explanation.convergence)
    #expect(Set(c.indicators).isSuperset(of: ["overlastPolitie", "overlastMOR"]))
    #expect(Set(c.partners).isSuperset(of: ["Politie", "Gemeente"]))
    #expect(c.combinedPValue <= 0.001)
  }

  @Test func adjacentBuurtenFlaggedForOneThemeFormACluster() throws {
    let rules = try testRules()
    let start = week(2024, 10)
    let input = testInput(
      rules,
      extra: [
        "inbraak|BU99990101": burst(start, weeks: 1, count: 9),
        "inbraak|BU99990102": burst(start, weeks: 1, count: 9),
      ])
    let outcome = FlagEngine(rules: rules).run(input)
    let cluster = try #require(outcome.flags.first { $0.family == .cluster && $0.theme == "hic" })
    #expect(cluster.kind == .cluster)
    #expect(cluster.explanation.members == ["BU99990101", "BU99990102"])
    #expect(cluster.area == "BU99990101")
    #expect(cluster.firstSeen == start)
  }

  @Test func theSameInputGivesTheSameFlags() throws {
    let rules = try testRules()
    let input = testInput(
      rules, extra: ["inbraak|BU99990103": burst(week(2023, 40), weeks: 2, count: 6)])
    let engine = FlagEngine(rules: rules)
    let a = engine.run(input)
    let b = engine.run(input, parallel: false)
    #expect(a.flags == b.flags)
    #expect(!a.flags.isEmpty)
  }

  @Test func aMonthCountsFromTheWeekHoldingItsLastDay() {
    #expect(FlagEngine.visibleWeek(Period.month(year: 2024, month: 3)) == week(2024, 13))
    #expect(FlagEngine.visibleWeek(Period.month(year: 2024, month: 2)) == week(2024, 9))
    #expect(FlagEngine.visibleWeek(week(2024, 9)) == week(2024, 9))
  }

  @Test func kindsSwitchedOffRaiseNothing() throws {
    let rules = try testRules("flags: {indicators: {inbraak: {kinds: []}}}")
    let input = testInput(
      rules, extra: ["inbraak|BU99990101": burst(week(2024, 20), weeks: 1, count: 9)])
    let outcome = FlagEngine(rules: rules).run(input)
    #expect(!outcome.flags.contains { $0.theme == "hic" })
  }

  @Test func partnersAreThoseWhoseRegistrationsCarryTheSignal() throws {
    let rules = try testRules()
    guard let plan = rules.indicator("woonoverlast") else {
      Issue.record("no woonoverlast plan")
      return
    }
    var politie = weeklySeries(mean: 0.4, seed: 7)
    let woonpunt = weeklySeries(mean: 0.4, seed: 8, extra: burst(week(2024, 30), weeks: 1, count: 9))
    politie[0] += 0
    let total = zip(politie, woonpunt).map { $0 + $1 }
    let data = IndicatorData(
      plan: plan, first: week(2019, 1),
      areas: [
        AreaSeries(area: "BU99990101", counts: total, bySource: ["politie": politie, "woonpunt": woonpunt])
      ])
    let input = FlagInput(through: week(2024, 52), indicators: [data], areas: testAreas)
    let outcome = FlagEngine(rules: rules).run(input)
    let flag = try #require(outcome.flags.first { $0.weeks.contains(week(2024, 30)) })
    #expect(flag.explanation.partners == ["Woonpunt"])
  }
}
