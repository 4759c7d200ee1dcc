// Distribution functions with R's conventions: the normal, Poisson, negative binomial and
// Student t distributions, as far as the detection algorithms use them. Discrete quantiles
// follow R 4.2's search (Cornish-Fisher start, left-continuity fuzz of 8 * DBL_EPSILON on
// the probability) so that integer thresholds equal R's.

/// The standard normal distribution.
public enum Normal {
  /// P(Z <= x), R's `pnorm(x)`.
  public static func cdf(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    return 0.5 * RMath.erfc(-x / 2.0.squareRoot())
  }

  /// P(Z > x), R's `pnorm(x, lower.tail = FALSE)`, accurate far into the tail.
  public static func upperTail(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    return 0.5 * RMath.erfc(x / 2.0.squareRoot())
  }

  /// Density of the standard normal.
  static func density(_ x: Double) -> Double {
    RMath.exp(-0.5 * x * x - RMath.lnSqrt2Pi)
  }

  /// The p-quantile, R's `qnorm(p)`: a rational start refined by Halley steps on the
  /// smaller tail, so that `quantile(1 - alpha)` is exact to the last bits for small alpha.
  public static func quantile(_ p: Double) -> Double {
    if p.isNaN || p < 0 || p > 1 { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    if p == 0.5 { return 0 }
    // q = the smaller tail probability, exact because 1 - p is exact for p in [0.5, 1].
    let upper = p > 0.5
    let q = upper ? 1 - p : p
    // Abramowitz & Stegun 26.2.23 (|error| < 4.5e-4) for the upper-tail deviate.
    let t = (-2 * RMath.log(q)).squareRoot()
    var x =
      t - (2.515_517 + 0.802_853 * t + 0.010_328 * t * t)
      / (1 + 1.432_788 * t + 0.189_269 * t * t + 0.001_308 * t * t * t)
    // Halley iterations on upperTail(x) = q (cubic convergence).
    for _ in 0..<8 {
      let e = upperTail(x) - q
      let phi = density(x)
      if phi == 0 { break }
      let u = e / phi
      let step = u / (1 - x * u / 2)
      x += step
      if Swift.abs(step) <= 1e-16 * Swift.abs(x) { break }
    }
    return upper ? x : -x
  }
}

/// Regularised incomplete gamma and beta functions (both tails, each computed directly
/// where it is the smaller one, so small tail probabilities keep their relative accuracy).
enum Incomplete {
  private static let tiny = 1e-300
  private static let eps = 1e-16

  /// (P(a, x), Q(a, x)) for a > 0, x >= 0.
  static func gamma(a: Double, x: Double) -> (lower: Double, upper: Double) {
    if x.isNaN || a.isNaN { return (.nan, .nan) }
    if x <= 0 { return (0, 1) }
    if x.isInfinite { return (1, 0) }
    let logPrefactor = -x + a * RMath.log(x) - RMath.lgamma(a)
    if x < a + 1 {
      var ap = a
      var del = 1 / a
      var sum = del
      for _ in 0..<100_000 {
        ap += 1
        del *= x / ap
        sum += del
        if Swift.abs(del) < Swift.abs(sum) * eps { break }
      }
      let lower = Swift.min(1, sum * RMath.exp(logPrefactor))
      return (lower, 1 - lower)
    } else {
      var b = x + 1 - a
      var c = 1 / tiny
      var d = 1 / b
      var h = d
      var i = 1.0
      while i < 100_000 {
        let an = -i * (i - a)
        b += 2
        d = an * d + b
        if Swift.abs(d) < tiny { d = tiny }
        c = b + an / c
        if Swift.abs(c) < tiny { c = tiny }
        d = 1 / d
        let del = d * c
        h *= del
        if Swift.abs(del - 1) < eps { break }
        i += 1
      }
      let upper = Swift.min(1, RMath.exp(logPrefactor) * h)
      return (1 - upper, upper)
    }
  }

  /// (I_x(a, b), 1 - I_x(a, b)) for a, b > 0.
  static func beta(x: Double, a: Double, b: Double) -> (lower: Double, upper: Double) {
    if x.isNaN || a.isNaN || b.isNaN { return (.nan, .nan) }
    if x <= 0 { return (0, 1) }
    if x >= 1 { return (1, 0) }
    let logPrefactor = a * RMath.log(x) + b * RMath.log1p(-x) - RMath.lbeta(a, b)
    if x < (a + 1) / (a + b + 2) {
      let lower = Swift.min(1, RMath.exp(logPrefactor) * continuedFraction(a: a, b: b, x: x) / a)
      return (lower, 1 - lower)
    } else {
      let upper = Swift.min(
        1, RMath.exp(logPrefactor) * continuedFraction(a: b, b: a, x: 1 - x) / b)
      return (1 - upper, upper)
    }
  }

  /// The continued fraction of the incomplete beta function (modified Lentz).
  private static func continuedFraction(a: Double, b: Double, x: Double) -> Double {
    let qab = a + b
    let qap = a + 1
    let qam = a - 1
    var c = 1.0
    var d = 1 - qab * x / qap
    if Swift.abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    var m = 1.0
    while m < 1_000_000 {
      let m2 = 2 * m
      var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
      d = 1 + aa * d
      if Swift.abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if Swift.abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
      d = 1 + aa * d
      if Swift.abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if Swift.abs(c) < tiny { c = tiny }
      d = 1 / d
      let del = d * c
      h *= del
      if Swift.abs(del - 1) < eps { break }
      m += 1
    }
    return h
  }
}

/// The Poisson distribution with mean `lambda`.
public enum Poisson {
  /// P(X <= x), R's `ppois(x, lambda)`.
  public static func cdf(_ x: Double, lambda: Double) -> Double {
    let x = x.rounded(.down)
    if x < 0 { return 0 }
    if lambda == 0 { return 1 }
    return Incomplete.gamma(a: x + 1, x: lambda).upper
  }

  /// P(X > x), R's `ppois(x, lambda, lower.tail = FALSE)`.
  public static func upperTail(_ x: Double, lambda: Double) -> Double {
    let x = x.rounded(.down)
    if x < 0 { return 1 }
    if lambda == 0 { return 0 }
    return Incomplete.gamma(a: x + 1, x: lambda).lower
  }

  /// The smallest x with P(X <= x) >= p, R's `qpois(p, lambda)`.
  public static func quantile(_ p: Double, lambda: Double) -> Double {
    if p.isNaN || lambda.isNaN || lambda < 0 || p < 0 || p > 1 { return .nan }
    if lambda == 0 || p == 0 { return 0 }
    if p == 1 { return .infinity }
    let sigma = lambda.squareRoot()
    return discreteQuantile(p, mu: lambda, sigma: sigma, gamma: 1 / sigma) {
      cdf($0, lambda: lambda)
    }
  }
}

/// The negative binomial distribution in R's (size, prob) parametrisation: mean
/// size (1 - prob) / prob, variance mean / prob.
public enum NegativeBinomial {
  /// P(X <= x), R's `pnbinom(x, size, prob)`.
  public static func cdf(_ x: Double, size: Double, prob: Double) -> Double {
    let x = x.rounded(.down)
    if x < 0 { return 0 }
    if prob == 1 || size == 0 { return 1 }
    return Incomplete.beta(x: prob, a: size, b: x + 1).lower
  }

  /// P(X > x), R's `pnbinom(x, size, prob, lower.tail = FALSE)`.
  public static func upperTail(_ x: Double, size: Double, prob: Double) -> Double {
    let x = x.rounded(.down)
    if x < 0 { return 1 }
    if prob == 1 || size == 0 { return 0 }
    if size < 1e-3 && prob > 0.01 {
      // P(X = 0) = prob^size is close to 1: 1 - I would cancel, so sum the tail directly
      if let tail = upperTailSeries(x, size: size, prob: prob) { return tail }
    }
    return Incomplete.beta(x: prob, a: size, b: x + 1).upper
  }

  /// sum over j > x of the probabilities, from log P(X = x + 1) and the ratio
  /// P(j + 1) / P(j) = (j + size) / (j + 1) (1 - prob); nil if it converges too slowly.
  private static func upperTailSeries(_ x: Double, size: Double, prob: Double) -> Double? {
    let j0 = x + 1
    let logFirst =
      RMath.lgamma(j0 + size) - RMath.lgamma(size) - RMath.lgamma(j0 + 1) + size
      * RMath.log(prob) + j0 * RMath.log1p(-prob)
    var term = RMath.exp(logFirst)
    var sum = 0.0
    var j = j0
    for _ in 0..<200_000 {
      sum += term
      term *= (j + size) / (j + 1) * (1 - prob)
      j += 1
      if term < 1e-17 * sum { return sum }
    }
    return nil
  }

  /// The smallest x with P(X <= x) >= p, R's `qnbinom(p, size, prob)`.
  public static func quantile(_ p: Double, size: Double, prob: Double) -> Double {
    if p.isNaN || size.isNaN || prob.isNaN || prob <= 0 || prob > 1 || size < 0 || p < 0
      || p > 1
    {
      return .nan
    }
    if prob == 1 || size == 0 { return 0 }
    if p == 0 { return 0 }
    if p == 1 { return .infinity }
    let q = 1 / prob
    let pp = (1 - prob) * q
    let mu = size * pp
    let sigma = (size * pp * q).squareRoot()
    let gamma = (q + pp) / sigma
    return discreteQuantile(p, mu: mu, sigma: sigma, gamma: gamma) {
      cdf($0, size: size, prob: prob)
    }
  }
}

/// R's discrete quantile search (nmath `qDiscrete_search.h`, lower tail, not log).
@inline(__always)
private func discreteQuantile(
  _ p: Double, mu: Double, sigma: Double, gamma: Double, cdf: (Double) -> Double
) -> Double {
  let z = Normal.quantile(p)
  var y = (mu + sigma * (z + gamma * (z * z - 1) / 6)).rounded(.toNearestOrEven)
  if !(y >= 0) { y = 0 }
  var current = cdf(y)
  let target = p * (1 - 8 * RMath.doubleEpsilon)
  if current >= target {
    // search to the left
    while true {
      var newCurrent = -1.0
      if y > 0 { newCurrent = cdf(y - 1) }
      if y == 0 || newCurrent.isNaN || newCurrent < target { return y }
      y = Swift.max(0, y - 1)
      current = newCurrent
    }
  } else {
    while true {
      y += 1
      current = cdf(y)
      if current.isNaN || current >= target { return y }
    }
  }
}

/// Student's t distribution.
public enum StudentT {
  /// P(|T| >= |t|) for T with `df` degrees of freedom, R's `2 * pt(-abs(t), df)`.
  public static func twoSidedPValue(_ t: Double, df: Double) -> Double {
    if t.isNaN || df.isNaN || df <= 0 { return .nan }
    if t.isInfinite { return 0 }
    if df.isInfinite { return 2 * Normal.upperTail(Swift.abs(t)) }
    let nx = 1 + (t / df) * t
    if df > t * t {
      return Incomplete.beta(x: t * t / (df + t * t), a: 0.5, b: df / 2).upper
    } else {
      return Incomplete.beta(x: 1 / nx, a: df / 2, b: 0.5).lower
    }
  }

  /// P(T <= t), R's `pt(t, df)`.
  public static func cdf(_ t: Double, df: Double) -> Double {
    let half = twoSidedPValue(t, df: df) / 2
    return t <= 0 ? half : 1 - half
  }
}
