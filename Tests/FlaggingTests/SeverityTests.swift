import Testing

@testable import Flagging

@Suite struct SeverityTests {
  @Test func theScoreFollowsTheDocumentedFormula() {
    // E = 3/8, M = log2(4)/4 = 0.5, B = 0.5, D = 6/12.
    let s = Severity.score(.init(pvalue: 0.001, ratio: 4, breadth: 2, weeksOpen: 6))
    let e: Double = 0.4 * 0.375
    let m: Double = 0.25 * 0.5
    let b: Double = 0.2 * 0.5
    let d: Double = 0.15 * 0.5
    let expected = Int((100 * (e + m + b + d)).rounded())
    #expect(s == expected)
    #expect(Severity.score(.init(pvalue: 1, ratio: 1, breadth: 1, weeksOpen: 0)) == 0)
    #expect(Severity.score(.init(pvalue: 1e-12, ratio: 100, breadth: 5, weeksOpen: 40)) == 100)
  }

  @Test func aLevelFlagsEvidenceIsCapped() {
    let full = Severity.score(.init(pvalue: 1e-12, ratio: 1, breadth: 1, weeksOpen: 0))
    let capped = Severity.score(
      .init(pvalue: 1e-12, ratio: 1, breadth: 1, weeksOpen: 0, evidenceCap: 0.5))
    #expect(full == 40)
    #expect(capped == 20)
  }

  @Test func bands() {
    #expect(SeverityBand(score: 39) == .low)
    #expect(SeverityBand(score: 40) == .medium)
    #expect(SeverityBand(score: 64) == .medium)
    #expect(SeverityBand(score: 65) == .high)
  }
}
