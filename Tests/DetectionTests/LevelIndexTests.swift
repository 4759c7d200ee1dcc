import Detection
import Testing

@Suite struct LevelIndexTests {
  @Test func ratePerThousand() {
    #expect(LevelIndex.ratePerThousand(count: 25, population: 5_000) == 5)
    #expect(LevelIndex.ratePerThousand(count: 0, population: 800) == 0)
    #expect(LevelIndex.ratePerThousand(count: 3, population: 0) == nil)
    #expect(LevelIndex.ratePerThousand(count: .nan, population: 100) == nil)
  }

  @Test func municipalAverageIsOneHundred() throws {
    // municipal rate = (10 + 30 + 20) / (2,000 + 3,000 + 5,000) * 1,000 = 6 per 1,000
    let areas = [
      LevelIndex.Area(count: 10, population: 2_000),  // 5 per 1,000 -> 83.3
      LevelIndex.Area(count: 30, population: 3_000),  // 10 per 1,000 -> 166.7
      LevelIndex.Area(count: 20, population: 5_000),  // 4 per 1,000 -> 66.7
    ]
    #expect(LevelIndex.municipalRate(areas) == 6)
    let levels = LevelIndex.levels(areas)
    #expect(abs(try #require(levels[0].index) - 500.0 / 6) < 1e-12)
    #expect(abs(try #require(levels[1].index) - 1000.0 / 6) < 1e-12)
    #expect(abs(try #require(levels[2].index) - 400.0 / 6) < 1e-12)
    // population-weighted mean of the indices is 100
    let weighted = zip(levels, areas).map { $0.index! * $1.population }.reduce(0, +) / 10_000
    #expect(abs(weighted - 100) < 1e-12)
  }

  @Test func undefinedCasesSayWhy() {
    let levels = LevelIndex.levels([
      .init(count: 0, population: 1_000), .init(count: 0, population: 2_000),
      .init(count: 4, population: 0), .init(count: .nan, population: 500),
    ])
    // no cases anywhere: no municipal rate to compare with
    #expect(
      levels[0].ratePerThousand == 0 && levels[0].index == nil && levels[0].reason == .undefined)
    #expect(levels[2].ratePerThousand == nil && levels[2].reason == .undefined)
    #expect(levels[3].reason == .missingObservation)
  }
}
