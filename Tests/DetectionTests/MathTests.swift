import Testing

@testable import Detection

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct MathTests {
  /// libm's sine for test data.
  static func sin(_ x: Double) -> Double {
    #if canImport(Glibc)
      Glibc.sin(x)
    #else
      Darwin.sin(x)
    #endif
  }

  @Test func lbetaAgreesWithLogGamma() {
    for (a, b) in [(0.5, 0.5), (2.0, 3.0), (12.0, 4.5), (300.0, 7.0), (1e4, 2.5e4), (3.0, 1e6)] {
      let direct = RMath.lgamma(a) + RMath.lgamma(b) - RMath.lgamma(a + b)
      let v = RMath.lbeta(a, b)
      #expect(abs(v - direct) <= 1e-10 * max(1, abs(direct)), "lbeta(\(a), \(b))")
    }
  }

  @Test func stirlingCorrection() {
    // lgamma(x) = (x - 1/2) log x - x + log sqrt(2 pi) + lgammacor(x)
    for x in [10.0, 17.5, 100.0, 1e5] {
      let stirling = (x - 0.5) * RMath.log(x) - x + RMath.lnSqrt2Pi
      #expect(abs(stirling + RMath.lgammacor(x) - RMath.lgamma(x)) <= 1e-13 * RMath.lgamma(x))
    }
  }

  @Test func logEpsilonLiteral() {
    #expect(GroupedPoissonGLM.logEpsilon == RMath.log(RMath.doubleEpsilon))
  }

  @Test func rPowFollowsR() {
    #expect(rPow(-3, 2) == 9)
    #expect(rPow(1, .nan) == 1)
    #expect(rPow(-3, 1.5).isNaN)
  }

}
