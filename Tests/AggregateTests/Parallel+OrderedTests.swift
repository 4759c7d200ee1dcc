import SafetyCore
import Testing

@testable import Aggregate

@Suite struct ParallelOrderedTests {
  @Test(arguments: [1, 2, 5])
  func reducesInIndexOrder(window: Int) {
    var seen: [Int] = []
    Parallel.orderedReduce(count: 200, window: window) { i -> Int in
      // Uneven work, so items finish out of order.
      var x = 0
      for j in 0..<((i * 7919) % 5_000) { x &+= j }
      return i + (x & 0)
    } reduce: {
      seen.append($0)
    }
    #expect(seen == Array(0..<200))
  }

  @Test func mergedCubesEqualSerialOnes() {
    var rng = SplitMix64(seed: 42)
    let facts: [[(Int, Int, Int)]] = (0..<40).map { _ in
      (0..<500).map { _ in
        (
          Int.random(in: 0...5, using: &rng), Int.random(in: -1...50, using: &rng),
          Int.random(in: 0...30, using: &rng)
        )
      }
    }
    var serial = CountCube()
    for part in facts { for (s, a, p) in part { serial.add(series: s, area: a, period: p) } }
    var merged = CountCube()
    Parallel.orderedReduce(count: facts.count, window: 3) { i -> CountCube in
      var counter = AreaColumnCounter(areaCount: 51)
      for (s, a, p) in facts[i] { counter.add(series: s, area: a, period: p) }
      return counter.cube(periodKind: .week) { [$0] }
    } reduce: {
      merged.merge($0)
    }
    #expect(merged == serial)
  }

}
