// Elementary functions from the platform C library (no Foundation needed) and the few
// special functions the distributions need, following R's nmath where it matters.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Namespace for the numerical helpers shared by the algorithms.
enum RMath {
  /// `.Machine$double.eps` in R.
  static let doubleEpsilon = Double.ulpOfOne
  /// log(sqrt(2 * pi)).
  static let lnSqrt2Pi = 0.918_938_533_204_672_741_780_329_736_406
  /// log(sqrt(pi / 2)).
  static let lnSqrtPiOver2 = 0.225_791_352_644_727_432_363_097_614_947

  @inline(__always) static func exp(_ x: Double) -> Double { libmExp(x) }
  @inline(__always) static func log(_ x: Double) -> Double { libmLog(x) }
  @inline(__always) static func log1p(_ x: Double) -> Double { libmLog1p(x) }
  @inline(__always) static func expm1(_ x: Double) -> Double { libmExpm1(x) }
  @inline(__always) static func pow(_ x: Double, _ y: Double) -> Double { libmPow(x, y) }
  @inline(__always) static func erfc(_ x: Double) -> Double { libmErfc(x) }
  @inline(__always) static func cos(_ x: Double) -> Double { libmCos(x) }
  @inline(__always) static func sin(_ x: Double) -> Double { libmSin(x) }
  @inline(__always) static func cbrt(_ x: Double) -> Double { libmCbrt(x) }

  /// log|Gamma(x)|, thread-safe (the C `lgamma` writes a global).
  static func lgamma(_ x: Double) -> Double {
    var sign: Int32 = 0
    return lgamma_r(x, &sign)
  }

  /// The correction term of Stirling's formula, log Gamma(x) - [(x - 1/2) log x - x +
  /// log sqrt(2 pi)], for x >= 10 (R's `lgammacor`), from its asymptotic series.
  static func lgammacor(_ x: Double) -> Double {
    precondition(x >= 10)
    // Bernoulli-number coefficients B_{2k} / (2k (2k - 1)).
    let c: [Double] = [
      1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188, -691.0 / 360_360,
      1.0 / 156, -3617.0 / 122_400, 43_867.0 / 244_188, -174_611.0 / 125_400,
    ]
    let x2 = 1 / (x * x)
    var term = 1 / x
    var sum = 0.0
    for k in c {
      let add = k * term
      sum += add
      if Swift.abs(add) < 1e-18 * Swift.abs(sum) { break }
      term *= x2
    }
    return sum
  }

  /// log Beta(a, b) without cancellation for large arguments (R's `lbeta`).
  static func lbeta(_ a: Double, _ b: Double) -> Double {
    let p = Swift.min(a, b)
    let q = Swift.max(a, b)
    if p < 0 { return .nan }
    if p == 0 { return .infinity }
    if !q.isFinite { return -.infinity }
    if p >= 10 {
      let corr = lgammacor(p) + lgammacor(q) - lgammacor(p + q)
      return log(q) * -0.5 + lnSqrt2Pi + corr + (p - 0.5) * log(p / (p + q)) + q
        * log1p(-p / (p + q))
    } else if q >= 10 {
      let corr = lgammacor(q) - lgammacor(p + q)
      return lgamma(p) + corr + p - p * log(p + q) + (q - 0.5) * log1p(-p / (p + q))
    } else {
      return lgamma(p) + lgamma(q) - lgamma(p + q)
    }
  }
}

// Thin wrappers so the static functions above can share the C library names.
@inline(__always) private func libmExp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func libmLog(_ x: Double) -> Double { log(x) }
@inline(__always) private func libmLog1p(_ x: Double) -> Double { log1p(x) }
@inline(__always) private func libmExpm1(_ x: Double) -> Double { expm1(x) }
@inline(__always) private func libmPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@inline(__always) private func libmErfc(_ x: Double) -> Double { erfc(x) }
@inline(__always) private func libmCos(_ x: Double) -> Double { cos(x) }
@inline(__always) private func libmSin(_ x: Double) -> Double { sin(x) }
@inline(__always) private func libmCbrt(_ x: Double) -> Double { cbrt(x) }
