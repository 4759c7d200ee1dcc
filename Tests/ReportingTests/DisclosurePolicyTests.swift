import Testing

@testable import Reporting

@Suite struct DisclosurePolicyTests {
  let policy = DisclosurePolicy(minCell: 5, minPopulation: 100)
  let nl = NumberFormatting(.nl)

  @Test func hidesCountsBelowTheMinimumCell() {
    for n in 0..<5 { #expect(policy.count(n).text(nl) == "<5") }
    #expect(policy.count(5).text(nl) == "5")
    #expect(policy.count(12_000).text(nl) == "12.000")
  }

  @Test func minimumCellIsAtLeastOne() {
    let off = DisclosurePolicy(minCell: 0)
    #expect(off.minCell == 1)
    #expect(off.count(0).text(nl) == "<1")
    #expect(off.count(1).text(nl) == "1")
  }

  @Test func suppressesRatesForSmallPopulationsAndSmallCounts() {
    #expect(policy.rate(count: 10, denominator: 99) == .suppressedPopulation)
    #expect(policy.rate(count: 4, denominator: 1000) == .suppressedCount)
    #expect(policy.rate(count: 10, denominator: nil) == .unavailable)
    #expect(policy.rate(count: 10, denominator: 2000) == .value(5))
  }

  @Test func showsChangesOnlyBetweenShownCounts() {
    #expect(policy.change(from: 4, to: 10) == .suppressedCount)
    #expect(policy.change(from: 10, to: 15) == .value(0.5))
  }
}
