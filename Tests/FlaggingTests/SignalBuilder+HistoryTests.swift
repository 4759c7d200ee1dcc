import Detection
import Testing

@testable import Flagging

@Suite struct SignalBuilderHistoryTests {
  /// Two and a half years of weekly counts with some seasonality.
  func youngSeries() -> CountSeries {
    let counts = (0..<130).map { t -> Int? in 3 + (t % 52 < 10 ? 2 : 0) + (t % 7 == 0 ? 1 : 0) }
    return CountSeries(id: "a", counts: counts, frequency: 52)
  }

  @Test func yearsAvailableFollowTheReferenceWindow() {
    // b years need the reference points k − 52·b and the window ± w (3) around them.
    #expect(SignalBuilder.firstPeriod(years: 1, frequency: 52, w: 3) == 55)
    #expect(SignalBuilder.yearsAvailable(at: 54, frequency: 52, w: 3, most: 3) == 0)
    #expect(SignalBuilder.yearsAvailable(at: 55, frequency: 52, w: 3, most: 3) == 1)
    #expect(SignalBuilder.yearsAvailable(at: 107, frequency: 52, w: 3, most: 3) == 2)
    #expect(SignalBuilder.yearsAvailable(at: 400, frequency: 52, w: 3, most: 3) == 3)
    #expect(SignalBuilder.firstPeriod(years: 2, frequency: 12, w: 0) == 25)
  }

  @Test func aYoungSeriesIsJudgedWithTheYearsItHas() {
    var settings = FarringtonSettings.noufaily2013
    settings.b = 3
    let series = youngSeries()
    let range = 40...130
    let adapted = SignalBuilder.detectWithAvailableHistory(
      .farringtonFlexible(settings), [series], range: range, frequency: 52, parallel: false)
    #expect(adapted[0].outcomes.map(\.timeIndex) == Array(range))
    let plain = DetectionAlgorithm.farringtonFlexible(settings).detect(series, range: range)
    for (k, outcome) in zip(range, adapted[0].outcomes) {
      let years = SignalBuilder.yearsAvailable(at: k, frequency: 52, w: 3, most: 3)
      if years == 0 {
        // Not one year behind it: as configured, no expectation.
        #expect(outcome == plain.outcomes[k - range.lowerBound])
        #expect(outcome.expected == nil)
      } else {
        // Exactly the reference method with the smaller b.
        var fewer = settings
        fewer.b = years
        let direct = DetectionAlgorithm.farringtonFlexible(fewer).detect(series, range: k...k)
        #expect(outcome == direct.outcomes[0], "k \(k)")
        #expect(outcome.expected != nil, "k \(k)")
      }
    }
    // The configured b alone gives this series nothing at all.
    #expect(plain.outcomes.allSatisfy { $0.expected == nil })
  }

  @Test func onceTheLatestPeriodHasItsYearsTheRangeRunsAsConfigured() {
    // 3 years and 10 weeks: the latest period has b = 3 years, the early ones do not.
    let series = CountSeries(
      id: "c", counts: (0..<166).map { Optional(3 + $0 % 4) }, frequency: 52)
    var settings = FarringtonSettings.noufaily2013
    settings.b = 3
    let range = 100...166
    let detected = SignalBuilder.detectWithAvailableHistory(
      .farringtonFlexible(settings), [series], range: range, frequency: 52, parallel: false)
    #expect(
      detected == DetectionAlgorithm.farringtonFlexible(settings).detect([series], range: range))
    #expect(detected[0].outcomes.first?.expected == nil)
    #expect(detected[0].outcomes.last?.expected != nil)
  }

  @Test func aSeriesWithFullHistoryAndOtherDetectorsRunAsConfigured() {
    let long = CountSeries(
      id: "b", counts: (0..<260).map { Optional(2 + $0 % 5) }, frequency: 52)
    let settings = FarringtonSettings.noufaily2013
    let range = 230...260
    #expect(
      SignalBuilder.detectWithAvailableHistory(
        .farringtonFlexible(settings), [long], range: range, frequency: 52, parallel: false)
        == DetectionAlgorithm.farringtonFlexible(settings).detect([long], range: range))
    let ears = DetectionAlgorithm.ears(EARS.Settings(method: .c1))
    #expect(
      SignalBuilder.detectWithAvailableHistory(
        ears, [youngSeries()], range: 10...130, frequency: 52, parallel: false)
        == ears.detect([youngSeries()], range: 10...130))
  }
}
