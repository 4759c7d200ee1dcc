import Foundation

/// The random draws the generator needs, written out so that their results depend only on
/// the generator's bits (the standard library's `Double.random(in:using:)` and friends do
/// not promise a fixed algorithm across versions).
extension SeededRandom {
  /// Uniform in [0, 1), 53 random bits.
  public mutating func uniform() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// Uniform integer in `0..<n` (n > 0), by Lemire's multiply-shift with rejection.
  public mutating func int(below n: Int) -> Int {
    precondition(n > 0)
    let bound = UInt64(n)
    var m = next().multipliedFullWidth(by: bound)
    if m.low < bound {
      let threshold = (0 &- bound) % bound
      while m.low < threshold { m = next().multipliedFullWidth(by: bound) }
    }
    return Int(m.high)
  }

  /// Uniform integer in a closed range.
  public mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + int(below: range.count)
  }

  /// True with probability `p`.
  public mutating func chance(_ p: Double) -> Bool { uniform() < p }

  /// One element, uniformly.
  public mutating func pick<T>(_ items: [T]) -> T { items[int(below: items.count)] }

  /// An index drawn with the given non-negative weights (not all zero).
  public mutating func pick(weights: [Double]) -> Int {
    let total = weights.reduce(0, +)
    var u = uniform() * total
    for (i, w) in weights.enumerated() {
      if u < w { return i }
      u -= w
    }
    return weights.count - 1
  }

  /// Standard normal (Box-Muller, one of the pair).
  public mutating func normal() -> Double {
    var u1 = uniform()
    while u1 <= 0 { u1 = uniform() }
    let u2 = uniform()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }

  /// Gamma(shape, scale = 1) by Marsaglia & Tsang (2000); shape < 1 by boosting.
  public mutating func gamma(shape: Double) -> Double {
    precondition(shape > 0)
    if shape < 1 {
      var u = uniform()
      while u <= 0 { u = uniform() }
      return gamma(shape: shape + 1) * pow(u, 1 / shape)
    }
    let d = shape - 1.0 / 3.0
    let c = 1 / (9 * d).squareRoot()
    while true {
      var x = 0.0
      var v = 0.0
      repeat {
        x = normal()
        v = 1 + c * x
      } while v <= 0
      v = v * v * v
      let u = uniform()
      if u < 1 - 0.0331 * x * x * x * x { return d * v }
      if u > 0, log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
    }
  }

  /// Poisson(mean): inversion for small means, the PTRS transformed rejection of
  /// Hörmann (1993) for means of 10 and above.
  public mutating func poisson(_ mean: Double) -> Int {
    if mean <= 0 { return 0 }
    if mean < 10 {
      var k = 0
      var p = exp(-mean)
      var cumulative = p
      let u = uniform()
      while u > cumulative, k < 1_000 {
        k += 1
        p *= mean / Double(k)
        cumulative += p
      }
      return k
    }
    let slam = mean.squareRoot()
    let loglam = log(mean)
    let b = 0.931 + 2.53 * slam
    let a = -0.059 + 0.02483 * b
    let invalpha = 1.1239 + 1.1328 / (b - 3.4)
    let vr = 0.9277 - 3.6224 / (b - 2)
    while true {
      let u = uniform() - 0.5
      let v = uniform()
      let us = 0.5 - abs(u)
      let k = floor((2 * a / us + b) * u + mean + 0.43)
      if us >= 0.07, v <= vr { return Int(k) }
      if k < 0 || (us < 0.013 && v > us) { continue }
      if log(v) + log(invalpha) - log(a / (us * us) + b)
        <= -mean + k * loglam - lgamma(k + 1)
      {
        return Int(k)
      }
    }
  }

  /// Negative binomial with the given mean and size (dispersion) parameter: a Poisson
  /// whose mean is Gamma-distributed (variance = mean + mean² / size). An infinite size
  /// gives a plain Poisson.
  public mutating func negativeBinomial(mean: Double, size: Double) -> Int {
    if mean <= 0 { return 0 }
    if size.isInfinite { return poisson(mean) }
    return poisson(mean * gamma(shape: size) / size)
  }

  /// `x` rounded down or up at random, up with probability equal to its fraction: an
  /// integer with mean `x` and a variance of at most 1/4.
  public mutating func randomlyRounded(_ x: Double) -> Int {
    guard x > 0 else { return 0 }
    let whole = x.rounded(.down)
    return Int(whole) + (uniform() < x - whole ? 1 : 0)
  }

  /// Binomial thinning: how many of `n` survive with probability `p` each.
  public mutating func binomial(_ n: Int, _ p: Double) -> Int {
    var k = 0
    for _ in 0..<n where uniform() < p { k += 1 }
    return k
  }

  /// Fisher–Yates shuffle.
  public mutating func shuffle<T>(_ items: inout [T]) {
    guard items.count > 1 else { return }
    for i in stride(from: items.count - 1, to: 0, by: -1) {
      items.swapAt(i, int(below: i + 1))
    }
  }
}

extension SeededRandom {
  /// Negative binomial by inversion of its probability mass function for small means (one
  /// uniform draw and one `pow`: cheap for the many near-zero cells of a neighbourhood
  /// grid), by the Gamma–Poisson mixture for larger ones.
  public mutating func negativeBinomialSmall(mean: Double, size: Double) -> Int {
    if mean <= 0 { return 0 }
    if mean >= 25 || size.isInfinite { return negativeBinomial(mean: mean, size: size) }
    let q = mean / (size + mean)
    var p = pow(size / (size + mean), size)
    var cumulative = p
    let u = uniform()
    var k = 0
    while u > cumulative, k < 10_000 {
      p *= (Double(k) + size) / Double(k + 1) * q
      k += 1
      cumulative += p
      if p < 1e-300 { break }
    }
    return k
  }
}
