import SafetyCore
import Testing

@testable import Aggregate

@Suite struct AreaColumnCounterTests {
  @Test func spreadsCategoriesOverIndicators() {
    var counter = AreaColumnCounter(areaCount: 3)
    counter.add(series: 0, area: 2, period: 100)
    counter.add(series: 0, area: 2, period: 100)
    counter.add(series: 1, area: -1, period: 101)
    counter.add(series: 2, area: 0, period: 100)
    let cube = counter.cube(periodKind: .week) { [[5, 6], [7], []][$0] }
    #expect(cube[5, 2, 100] == 2)
    #expect(cube[6, 2, 100] == 2)
    #expect(cube[7, -1, 101] == 1)
    #expect(cube.total == 5)
  }

  @Test func equalsACubeOnRandomInput() {
    var rng = SplitMix64(seed: 7)
    var counter = AreaColumnCounter(areaCount: 100)
    var cube = CountCube()
    for _ in 0..<10_000 {
      let (s, a, p) = (
        Int.random(in: 0...9, using: &rng), Int.random(in: -1...99, using: &rng),
        Int.random(in: 2_800...2_810, using: &rng)
      )
      counter.add(series: s, area: a, period: p)
      cube.add(series: s, area: a, period: p)
    }
    #expect(counter.cube(periodKind: .week) { [$0] } == cube)
  }
}
