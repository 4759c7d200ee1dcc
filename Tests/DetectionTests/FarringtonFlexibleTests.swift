import Detection
import Testing

@Suite struct FarringtonFlexibleTests {
  /// A seasonal weekly series with deterministic counts around `mean`.
  func seasonal(weeks: Int, mean: Double, frequency: Int = 52) -> [Double] {
    (0..<weeks).map { t in
      let season = 1 + 0.3 * MathTests.sin(2 * Double.pi * Double(t) / Double(frequency))
      let wobble = Double((t * 7919) % 5) - 2
      return max(0, (mean * season + wobble).rounded())
    }
  }

  @Test func shortHistoryIsInsufficientNotInvented() throws {
    let s = CountSeries(id: "short", observed: seasonal(weeks: 150, mean: 8))
    let r = FarringtonFlexible(settings: .noufaily2013).detect(s, range: 140...150)
    for o in r.outcomes {
      #expect(o.reason == .insufficientHistory)
      #expect(o.expected == nil && o.upperbound == nil && o.alarm == nil && o.score == nil)
      #expect(o.observed != nil)
    }
  }

  @Test func spikeRaisesAnAlarm() throws {
    var y = seasonal(weeks: 312, mean: 10)
    y[311] = 45
    let s = CountSeries(id: "spike", observed: y)
    for settings in [FarringtonSettings.noufaily2013, .farrington1996, FarringtonSettings()] {
      let o = try #require(
        FarringtonFlexible(settings: settings).detect(s, range: 311...312).outcomes.last)
      #expect(o.alarm == true, "\(settings.thresholdMethod)")
      #expect(try #require(o.score) > 1)
      #expect(try #require(o.upperbound) < 45)
      #expect(try #require(o.expected) > 5 && o.expected! < 20)
      #expect(o.reason == nil)
    }
  }

  @Test func fewRecentCasesGiveNoThreshold() throws {
    var y = Array(repeating: 1.0, count: 312)
    for i in stride(from: 0, to: 312, by: 3) { y[i] = 0 }
    let s = CountSeries(id: "sparse", observed: y)
    let o = try #require(
      FarringtonFlexible(settings: .noufaily2013).detect(s, range: 312...312).outcomes.first)
    // the last 4 weeks hold fewer than 5 cases: no upper bound, no alarm, but a score
    #expect(o.reason == .tooFewRecentCases)
    #expect(o.upperbound == nil && o.expected == nil && o.alarm == false)
    #expect(o.score != nil && o.pvalue != nil && o.farrington != nil)
  }

  @Test func zeroBaselineGivesThresholdZeroAndAlarm() throws {
    var y = Array(repeating: 0.0, count: 312)
    y[311] = 6
    let s = CountSeries(id: "zero", observed: y)
    let o = try #require(
      FarringtonFlexible(settings: .noufaily2013).detect(s, range: 312...312).outcomes.first)
    #expect(o.upperbound == 0)
    #expect(o.alarm == true)
    #expect(try #require(o.expected) < 1e-9)
    #expect(o.farrington?.phi == 1)
  }

  @Test func allZeroSeriesHasNoThreshold() throws {
    let s = CountSeries(id: "none", observed: Array(repeating: 0, count: 312))
    let r = FarringtonFlexible(settings: .noufaily2013).detect(s, range: 300...312)
    #expect(
      r.outcomes.allSatisfy {
        $0.alarm == false && $0.upperbound == nil && $0.reason == .tooFewRecentCases
      })
  }

  @Test func missingObservationInTheLimitWindow() throws {
    var y = seasonal(weeks: 312, mean: 10)
    y[310] = .nan
    let s = CountSeries(id: "gap", observed: y)
    let o = try #require(
      FarringtonFlexible(settings: .noufaily2013).detect(s, range: 312...312).outcomes.first)
    #expect(o.reason == .missingObservation && o.upperbound == nil && o.alarm == false)
  }

  @Test func monthlySeriesUseTwelvePointYears() throws {
    let s = CountSeries(
      id: "monthly", observed: seasonal(weeks: 96, mean: 30, frequency: 12), frequency: 12)
    var settings = FarringtonSettings.farrington1996
    settings.b = 3
    let r = FarringtonFlexible(settings: settings).detect(s, range: 73...96)
    #expect(r.outcomes.allSatisfy { $0.upperbound != nil && $0.reason == nil })
    // 3 years x 7 months
    #expect(r.outcomes.allSatisfy { $0.farrington?.baselineSize == 21 })
  }

  @Test func correctedDispersionChangesOnlyTheStandardError() throws {
    let y = seasonal(weeks: 312, mean: 25)
    let s = CountSeries(id: "d", observed: y)
    var package = FarringtonSettings.farrington1996
    package.pThresholdTrend = 1  // keep the trend in both, so only the dispersion differs
    var corrected = package
    corrected.dispersion = .corrected
    let a = try #require(
      FarringtonFlexible(settings: package).detect(s, range: 312...312).outcomes.first?.farrington)
    let b = try #require(
      FarringtonFlexible(settings: corrected).detect(s, range: 312...312).outcomes.first?.farrington
    )
    #expect(a.phi == b.phi)
    #expect(a.predictedMean == b.predictedMean)
    #expect(a.standardError != b.standardError)
  }

  @Test func populationOffsetScalesTheExpectation() throws {
    let y = seasonal(weeks: 312, mean: 12)
    let pop = Array(repeating: 10_000.0, count: 312)
    var doubled = pop
    doubled[311] = 20_000
    var settings = FarringtonSettings.noufaily2013
    settings.populationOffset = true
    settings.trend = false  // (with a trend, a doubled prediction may fail the extrapolation check)
    let a = try #require(
      FarringtonFlexible(settings: settings).detect(
        CountSeries(id: "p", observed: y, population: pop), range: 312...312
      ).outcomes.first?.farrington?.predictedMean)
    let b = try #require(
      FarringtonFlexible(settings: settings).detect(
        CountSeries(id: "p", observed: y, population: doubled), range: 312...312
      ).outcomes.first?.farrington?.predictedMean)
    #expect(abs(b / a - 2) < 1e-9)
  }
}
