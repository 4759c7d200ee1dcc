import SafetyCore
import Testing

@testable import Aggregate

@Suite struct ParallelTests {
  @Test func mapKeepsPartitionOrder() {
    let out = Parallel.map(count: 100) { i in i * i }
    #expect(out == (0..<100).map { $0 * $0 })
    #expect(Parallel.map(count: 0) { $0 }.isEmpty)
  }

  @Test(arguments: [1, 2, 7, 64])
  func parallelEqualsSerialOnRandomInputs(partitions: Int) {
    for seed in UInt64(1)...5 {
      var rng = SplitMix64(seed: seed &* 7919 &+ UInt64(partitions))
      let facts: [[(Int, Int, Int, Int64)]] = (0..<partitions).map { _ in
        (0..<Int.random(in: 0...2_000, using: &rng)).map { _ in
          (
            Int.random(in: 0...20, using: &rng), Int.random(in: -1...300, using: &rng),
            Int.random(in: 2_600...2_920, using: &rng), Int64.random(in: -3...9, using: &rng)
          )
        }
      }
      var serial = CountCube()
      for partition in facts {
        for (s, a, p, n) in partition { serial.add(series: s, area: a, period: p, n) }
      }
      let parallel = Parallel.aggregate(partitions: partitions, periodKind: .week) { i, cube in
        for (s, a, p, n) in facts[i] { cube.add(series: s, area: a, period: p, n) }
      }
      #expect(parallel == serial)
      #expect(parallel.sortedCells().map(\.key) == serial.sortedCells().map(\.key))
    }
  }
}
