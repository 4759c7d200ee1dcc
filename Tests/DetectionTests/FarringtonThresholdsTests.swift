import Testing

@testable import Detection

@Suite struct FarringtonThresholdsTests {
  @Test func deltaIsTheTransformedNormalBound() {
    var settings = FarringtonSettings.farrington1996
    settings.alpha = 0.01
    let f = FarringtonFlexible(settings: settings)
    let (upper, pvalue, score) = f.deltaThreshold(mu0: 8, se: 0.9, phi: 1.7, y: 15)
    let tau = 1.7 + 0.81 / 8
    let sd = (4.0 / 9.0 * rPow(8, 1.0 / 3.0) * tau).squareRoot()
    let expected = rPow(rPow(8, 2.0 / 3.0) + Normal.quantile(0.99) * sd, 1.5)
    #expect(abs(upper - expected) < 1e-12 * expected)
    #expect(abs(score - (15 - 8) / (expected - 8)) < 1e-12)
    #expect(abs(pvalue - Normal.upperTail((rPow(15, 2.0 / 3.0) - rPow(8, 2.0 / 3.0)) / sd)) < 1e-15)
  }

  @Test func nbPluginIsTheNegativeBinomialQuantile() {
    let f = FarringtonFlexible(settings: .noufaily2013)
    let mu = 6.5
    let phi = 2.0
    let (upper, pvalue, score) = f.nbPluginThreshold(eta0: RMath.log(mu), mu0: mu, phi: phi, y: 20)
    #expect(upper == NegativeBinomial.quantile(0.995, size: mu / (phi - 1), prob: 1 / phi))
    #expect(pvalue == NegativeBinomial.upperTail(19, size: mu / (phi - 1), prob: 1 / phi))
    #expect(score == (20 - RMath.log(mu)) / (upper - RMath.log(mu)))
    // phi = 1: Poisson
    let (poissonUpper, _, _) = f.nbPluginThreshold(eta0: RMath.log(mu), mu0: mu, phi: 1, y: 3)
    #expect(poissonUpper == Poisson.quantile(0.995, lambda: mu))
  }

  @Test func rPowSpecialCases() {
    #expect(rPow(2, 2) == 4)
    #expect(rPow(0, 0.5) == 0)
  }
}
