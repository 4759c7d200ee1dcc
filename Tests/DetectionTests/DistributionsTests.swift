import Detection
import Testing

/// Against R 4.2.2's nmath on a grid (fixtures/reference/distributions.csv, written by
/// scripts/make-reference.R): quantiles exactly, probabilities to 1e-9 relative.
@Suite struct DistributionsTests {
  @Test func matchesR() throws {
    let rows = try ReferenceData.table("distributions.csv")
    #expect(rows.count > 300)
    var worst = [String: Double]()
    for row in rows {
      let fn = row["fn"]!
      let a = ReferenceData.number(row["a"]) ?? .nan
      let b = ReferenceData.number(row["b"]) ?? .nan
      let c = ReferenceData.number(row["c"]) ?? .nan
      let expected = try #require(ReferenceData.number(row["value"]))
      let ours: Double
      switch fn {
      case "qnorm": ours = Normal.quantile(a)
      case "pnorm": ours = Normal.cdf(a)
      case "pnorm_upper": ours = Normal.upperTail(a)
      case "qpois": ours = Poisson.quantile(a, lambda: b)
      case "ppois": ours = Poisson.cdf(a, lambda: b)
      case "ppois_upper": ours = Poisson.upperTail(a, lambda: b)
      case "qnbinom": ours = NegativeBinomial.quantile(a, size: b, prob: c)
      case "pnbinom": ours = NegativeBinomial.cdf(a, size: b, prob: c)
      case "pnbinom_upper": ours = NegativeBinomial.upperTail(a, size: b, prob: c)
      case "pt_two_sided": ours = StudentT.twoSidedPValue(a, df: b)
      default:
        Issue.record("unknown function \(fn)")
        continue
      }
      let label = "\(fn)(\(a), \(b), \(c))"
      if fn.hasPrefix("q") && fn != "qnorm" {
        #expect(ours == expected, "\(label): ours \(ours), R \(expected)")
      } else {
        let rel = ours == expected ? 0 : abs(ours - expected) / max(abs(ours), abs(expected))
        worst[fn] = max(worst[fn] ?? 0, rel)
        // probabilities below 1e-300 may underflow differently
        #expect(
          rel <= 1e-9 || abs(ours - expected) < 1e-300, "\(label): ours \(ours), R \(expected)")
      }
    }
    print("distribution conformance, max relative error: \(worst.sorted { $0.key < $1.key })")
  }

  @Test func quantileSearchUsesRsFuzz() {
    // R 4.2: the smallest x with P(X <= x) >= p (1 - 8 DBL_EPSILON)
    let p0 = Poisson.cdf(3, lambda: 2)
    #expect(Poisson.quantile(p0, lambda: 2) == 3)
    #expect(Poisson.quantile(p0 * (1 + 4 * Double.ulpOfOne), lambda: 2) == 3)
    #expect(Poisson.quantile(p0 * (1 + 12 * Double.ulpOfOne), lambda: 2) == 4)
  }
}
