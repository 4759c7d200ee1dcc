import SafetyCore
import Testing

@testable import Flagging

@Suite struct EvaluationTests {
  @Test func scoresPlantedEpisodesDelaysAndFalseFlagWeeks() throws {
    let rules = try testRules()
    let input = testInput(
      rules, mean: 0.3,
      extra: [
        "inbraak|BU99990101": burst(week(2024, 20), weeks: 2, count: 8),
        "overlastPolitie|BU99990102": burst(week(2023, 30), weeks: 4, count: 3),
        "overlastMOR|BU99990102": burst(week(2023, 30), weeks: 4, count: 3),
      ])
    let engine = FlagEngine(rules: rules)
    let outcome = engine.run(input)
    let episodes = [
      TruthEpisode(
        id: "E01", kind: "spike", area: "BU99990101", wijk: "WK999901", theme: "hic",
        indicators: ["inbraak"], sources: ["politie"], firstWeek: week(2024, 20),
        lastWeek: week(2024, 21)),
      TruthEpisode(
        id: "E02", kind: "convergent", area: "BU99990102", wijk: "WK999901", theme: "overlast",
        indicators: ["overlastPolitie", "overlastMOR"], sources: ["politie", "mor"],
        firstWeek: week(2023, 30), lastWeek: week(2023, 33)),
    ]
    let e = Evaluator(engine: engine).evaluate(outcome, input: input, episodes: episodes)
    #expect(e.areas == 4)
    #expect(e.areaWeeks == 4 * 104)
    let all = try #require(e.episodes.last)
    #expect(all.kind == "all" && all.episodes == 2 && all.flagged == 2)
    let spike = try #require(e.perEpisode.first { $0.id == "E01" })
    #expect(spike.delay == 0)
    // False flag-weeks are the signal weeks no episode explains.
    let unexplained = e.unexplained.reduce(0) { $0 + $1.weeks }
    #expect(e.falseFlags.last?.falseFlagWeeks == unexplained)
    #expect(abs((e.falseFlags.last?.rate ?? 0) - Double(unexplained) / Double(4 * 104)) < 1e-12)
    // Convergent: single sources compared.
    let conv = try #require(e.perEpisode.first { $0.id == "E02" })
    #expect(conv.singleSources?.keys.sorted() == ["mor", "politie", "woonpunt"])
    #expect(e.convergent?.episodes == 1)
    #expect(e.targets.count == 4)
  }

  @Test func trueIndicesUseThePipelinesDenominators() throws {
    let rules = try testRules()
    let input = testInput(rules, population: 1000)
    let levels = [
      TruthLevel(area: "BU99990101", indicator: "inbraak", year: 2024, expected: 30),
      TruthLevel(area: "BU99990102", indicator: "inbraak", year: 2024, expected: 10),
      TruthLevel(area: "BU99990103", indicator: "inbraak", year: 2024, expected: 20),
    ]
    let index = Evaluator.trueIndices(levels, input: input)
    #expect(abs((index["BU99990101|inbraak|2024"] ?? 0) - 150) < 1e-9)
    #expect(abs((index["BU99990102|inbraak|2024"] ?? 0) - 50) < 1e-9)
  }
}
