import Detection

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// SplitMix64: a small, fast, seeded generator (reproducible cubes).
struct SplitMix64 {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  /// Uniform in (0, 1).
  mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }
  mutating func normal() -> Double {
    (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
  }
  /// Poisson variate (inversion for small means, rounded normal for large ones).
  mutating func poisson(_ lambda: Double) -> Double {
    if lambda <= 0 { return 0 }
    if lambda < 30 {
      let limit = exp(-lambda)
      var k = 0.0
      var p = uniform()
      while p > limit {
        k += 1
        p *= uniform()
      }
      return k
    }
    return max(0, (lambda + lambda.squareRoot() * normal()).rounded())
  }
}

/// A synthetic national cube: areas x indicators x weeks of weekly counts. Neighbourhood
/// populations are log-normal (median ~1,000 residents), indicator rates log-uniform
/// between 0.005 and 5 per 1,000 residents per week, with seasonality, extra-Poisson
/// noise and planted three-week outbreaks in 1% of the series. Most series are sparse, as
/// neighbourhood series are.
struct Cube {
  let areas: Int
  let indicators: Int
  let weeks: Int
  let matrix: SurveillanceSeries

  init(areas: Int, indicators: Int, weeks: Int, seed: UInt64 = 20_240_611) {
    self.areas = areas
    self.indicators = indicators
    self.weeks = weeks
    var rng = SplitMix64(seed: seed)
    let rates = (0..<indicators).map { _ in exp(log(0.005) + rng.uniform() * (log(5) - log(0.005)))
    }
    let amplitudes = (0..<indicators).map { _ in rng.uniform() * 0.5 }
    let phases = (0..<indicators).map { _ in rng.uniform() * 2 * Double.pi }
    let populations = (0..<areas).map { _ in exp(log(1000) + 0.9 * rng.normal()) }
    var observed = [Double](repeating: 0, count: areas * indicators * weeks)
    var units: [String] = []
    units.reserveCapacity(areas * indicators)
    var u = 0
    for a in 0..<areas {
      for j in 0..<indicators {
        units.append("A\(a)-I\(j)")
        let base = rates[j] * populations[a] / 1000
        let outbreak = rng.uniform() < 0.01
        let outbreakStart = weeks - 1 - Int(rng.uniform() * 8)
        let offset = u * weeks
        for t in 0..<weeks {
          var mu = base * exp(amplitudes[j] * sin(2 * Double.pi * Double(t) / 52.18 + phases[j]))
          mu *= exp(0.3 * rng.normal() - 0.045)
          if outbreak && t >= outbreakStart - 2 && t <= outbreakStart { mu = mu * 3 + 2 }
          observed[offset + t] = rng.poisson(mu)
        }
        u += 1
      }
    }
    matrix = SurveillanceSeries(units: units, length: weeks, observed: observed, frequency: 52)
  }

  /// Share of series whose counts are all zero, and the mean count.
  func profile() -> (zeroSeries: Double, meanCount: Double) {
    var zero = 0
    var total = 0.0
    matrix.observed.withUnsafeBufferPointer { obs in
      for u in 0..<matrix.units.count {
        var sum = 0.0
        for t in 0..<weeks { sum += obs[u * weeks + t] }
        if sum == 0 { zero += 1 }
        total += sum
      }
    }
    let n = Double(matrix.units.count)
    return (Double(zero) / n, total / (n * Double(weeks)))
  }
}
