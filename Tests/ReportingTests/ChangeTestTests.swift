import Testing

@testable import Reporting

@Suite struct ChangeTestTests {
  /// Reference values: R `binom.test(max, before + after)$p.value` (= `poisson.test`
  /// of the two counts with equal exposure).
  @Test(arguments: [
    (10, 20, 0.09873714670538902), (0, 5, 0.0625), (0, 6, 0.03125), (41, 32, 0.3491818381705883),
    (513, 584, 0.034513504476028946), (65, 98, 0.01196102447546652),
    (1000, 1100, 0.030720707864242296),
  ])
  func matchesTheExactBinomialTest(before: Int, after: Int, p: Double) {
    #expect(abs(ChangeTest.pValue(before: before, after: after) - p) < 1e-9)
    #expect(abs(ChangeTest.pValue(before: after, after: before) - p) < 1e-9)
  }

  @Test func equalOrNoCountsAreNeverSignificant() {
    #expect(ChangeTest.pValue(before: 0, after: 0) == 1)
    #expect(ChangeTest.pValue(before: 7, after: 7) == 1)
    #expect(!ChangeTest.isSignificant(before: 7, after: 12))
    #expect(ChangeTest.isSignificant(before: 65, after: 98))
  }
}
