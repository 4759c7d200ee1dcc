import FixtureGen
import Foundation
import SafetyCore
import Testing

@Suite struct EpisodePlannerTests {
  let generator = FixtureGenerator(FixtureConfig(seed: 99))

  @Test func episodesDoNotCollide() throws {
    let episodes = generator.plannedEpisodes()
    let r = generator.registry
    #expect(episodes.count == 24)
    for (i, a) in episodes.enumerated() {
      for b in episodes[(i + 1)...] {
        let sameWijkTheme = r.buurten[a.buurt].wijk == r.buurten[b.buurt].wijk && a.theme == b.theme
        if sameWijkTheme {
          #expect(a.lastDay + 56 < b.firstDay || b.lastDay + 56 < a.firstDay, "\(a.id) \(b.id)")
        }
        if a.buurt == b.buurt {
          #expect(a.lastDay + 14 < b.firstDay || b.lastDay + 14 < a.firstDay, "\(a.id) \(b.id)")
        }
      }
    }
  }

  @Test func effectSizesFollowTheDocumentedRule() throws {
    for e in generator.plannedEpisodes() {
      for c in e.components {
        let mu = c.baselinePerWeek
        switch e.kind {
        case .spike:
          #expect(abs(c.extraPerWeek - max(4, 2 + 2 * mu + 4 * mu.squareRoot())) < 1e-9)
          #expect(c.rampDays == 0)
          #expect((2...4).contains((e.lastDay - e.firstDay + 1) / 7))
        case .rising:
          #expect(c.extraPerWeek >= max(2.5 * mu, 2) - 1e-9)
          #expect(c.rampDays > 0)
          #expect((16...26).contains((e.lastDay - e.firstDay + 1) / 7))
        case .convergent:
          #expect(c.extraPerWeek >= 2 * mu - 1e-9 && c.extraPerWeek >= 0.6)
          #expect(c.firstDay >= e.firstDay && c.firstDay <= e.firstDay + 21)
        }
        #expect(c.lastDay == e.lastDay)
        #expect(abs(c.categories.reduce(0) { $0 + $1.share } - 1) < 1e-9)
      }
      #expect(Set(e.components.map(\.indicator)) == Set(e.indicators))
      for id in e.indicators { #expect(IndicatorCatalogue.indicator(id)?.theme == e.theme) }
    }
  }

  @Test func episodesAvoidTinyNeighbourhoods() throws {
    for e in generator.plannedEpisodes() {
      #expect(generator.registry.figures(buurt: e.buurt, year: 2024).inhabitants >= 700)
    }
  }

  @Test func seedsPlantDifferently() {
    let other = FixtureGenerator(FixtureConfig(seed: 100)).plannedEpisodes()
    let mine = generator.plannedEpisodes()
    #expect(
      other.map(\.buurt) != mine.map(\.buurt) || other.map(\.firstDay) != mine.map(\.firstDay))
  }
}
