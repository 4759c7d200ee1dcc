import Foundation
import Testing

@testable import Flagging

@Suite struct FlagIDTests {
  @Test func idsAreStableReadableAndDistinct() {
    let a = FlagID.make(family: .acute, area: "BU99990101", theme: "hic", firstSeen: week(2024, 3))
    #expect(a == FlagID.make(family: .acute, area: "BU99990101", theme: "hic", firstSeen: week(2024, 3)))
    #expect(a.count == 8)
    #expect(a.allSatisfy { FlagID.alphabet.contains($0) })
    #expect(!a.contains("I") && !a.contains("L") && !a.contains("O") && !a.contains("U"))
    let others = [
      FlagID.make(family: .level, area: "BU99990101", theme: "hic", firstSeen: week(2024, 3)),
      FlagID.make(family: .acute, area: "BU99990102", theme: "hic", firstSeen: week(2024, 3)),
      FlagID.make(family: .acute, area: "BU99990101", theme: "zorg", firstSeen: week(2024, 3)),
      FlagID.make(family: .acute, area: "BU99990101", theme: "hic", firstSeen: week(2024, 4)),
    ]
    #expect(Set(others + [a]).count == 5)
  }

  @Test func typedIdsAreNormalised() {
    #expect(FlagID.normalised("5rrg-2594") == "5RRG2594")
    #expect(FlagID.normalised("o1Il") == "0111")
  }

  @Test func fisherCombinesPValues() {
    // One p-value: itself.
    #expect(abs(Fisher.combine([0.03]) - 0.03) < 1e-12)
    // Two: chi-square with 4 degrees of freedom, closed form.
    let x = -2 * (log(0.01) + log(0.02))
    #expect(abs(Fisher.combine([0.01, 0.02]) - exp(-x / 2) * (1 + x / 2)) < 1e-12)
  }
}
