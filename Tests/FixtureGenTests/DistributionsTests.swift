import FixtureGen
import Testing

@Suite struct DistributionsTests {
  @Test func streamsAreIndependentOfDrawOrder() {
    var a = SeededRandom(seed: 1, stream: 3, 4)
    var b = SeededRandom(seed: 1, stream: 3, 4)
    var other = SeededRandom(seed: 1, stream: 4, 3)
    let xs = (0..<5).map { _ in a.next() }
    #expect(xs == (0..<5).map { _ in b.next() })
    #expect(xs != (0..<5).map { _ in other.next() })
  }

  /// Means and variances over many draws, with fixed seeds (deterministic).
  @Test(arguments: [0.05, 0.8, 3.0, 12.0, 40.0])
  func negativeBinomialMomentsMatch(mean: Double) {
    var rng = SeededRandom(seed: 11)
    let size = 8.0
    let n = 60_000
    let xs = (0..<n).map { _ in Double(rng.negativeBinomialSmall(mean: mean, size: size)) }
    let m = xs.reduce(0, +) / Double(n)
    let v = xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(n - 1)
    let expectedVariance = mean + mean * mean / size
    #expect(abs(m - mean) < 4 * (expectedVariance / Double(n)).squareRoot() + 1e-9)
    #expect(abs(v / expectedVariance - 1) < 0.06)
  }

  @Test(arguments: [0.3, 5.0, 25.0, 200.0])
  func poissonMomentsMatch(mean: Double) {
    var rng = SeededRandom(seed: 12)
    let n = 60_000
    let xs = (0..<n).map { _ in Double(rng.poisson(mean)) }
    let m = xs.reduce(0, +) / Double(n)
    let v = xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(n - 1)
    #expect(abs(m - mean) < 4 * (mean / Double(n)).squareRoot())
    #expect(abs(v / mean - 1) < 0.06)
  }

  @Test func randomRoundingKeepsTheMean() {
    var rng = SeededRandom(seed: 13)
    let xs = (0..<40_000).map { _ in rng.randomlyRounded(2.3) }
    #expect(Set(xs) == [2, 3])
    #expect(abs(Double(xs.reduce(0, +)) / 40_000 - 2.3) < 0.01)
  }

  @Test func uniformIntegersStayInRange() {
    var rng = SeededRandom(seed: 14)
    var seen = Set<Int>()
    for _ in 0..<10_000 {
      let x = rng.int(in: 3...9)
      #expect((3...9).contains(x))
      seen.insert(x)
    }
    #expect(seen.count == 7)
  }
}
