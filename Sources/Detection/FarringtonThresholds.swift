// The threshold functions of farringtonFlexible (`algo.farrington.threshold.*`).

extension FarringtonFlexible {
  /// `algo.farrington.threshold.farrington`.
  func deltaThreshold(mu0: Double, se: Double, phi: Double, y: Double)
    -> (upper: Double, pvalue: Double, score: Double)
  {
    let tau = phi + se * se / mu0
    let e = settings.powertrans.exponent
    let sd: Double
    switch settings.powertrans {
    case .none: sd = (mu0 * tau).squareRoot()
    case .squareRoot: sd = (0.25 * tau).squareRoot()
    case .twoThirds: sd = (4.0 / 9.0 * rPow(mu0, 1.0 / 3.0) * tau).squareRoot()
    }
    let z = Normal.quantile(1 - settings.alpha)
    let center = rPow(mu0, e)
    let a = rPow(center - z * sd, 1 / e)
    let b = rPow(center + z * sd, 1 / e)
    // sort(c(a, b), na.last = FALSE)[2]
    let upper: Double
    if a.isNaN { upper = b } else if b.isNaN { upper = a } else { upper = Swift.max(a, b) }
    let pvalue = normalUpperTail(rPow(y, e), mean: center, sd: sd)
    let score = upper.isNaN ? Double.nan : (y - mu0) / (upper - mu0)
    return (upper, pvalue, score)
  }

  /// `algo.farrington.threshold.noufaily` with `method = "nbPlugin"`.
  func nbPluginThreshold(eta0: Double, mu0: Double, phi: Double, y: Double)
    -> (upper: Double, pvalue: Double, score: Double)
  {
    if mu0 == .infinity || mu0.isNaN { return (.nan, .nan, .nan) }
    let p = 1 - settings.alpha
    let upper: Double
    let pvalue: Double
    if phi > 1 {
      upper = NegativeBinomial.quantile(p, size: mu0 / (phi - 1), prob: 1 / phi)
    } else {
      upper = Poisson.quantile(p, lambda: mu0)
    }
    if y.isNaN {
      pvalue = .nan
    } else if phi != 1 {
      pvalue = NegativeBinomial.upperTail(y - 1, size: mu0 / (phi - 1), prob: 1 / phi)
    } else {
      pvalue = Poisson.upperTail(y - 1, lambda: mu0)
    }
    let score = upper.isNaN ? Double.nan : (y - eta0) / (upper - eta0)
    return (upper, pvalue, score)
  }

  /// R's `pnorm(x, mean, sd, lower.tail = FALSE)`.
  func normalUpperTail(_ x: Double, mean: Double, sd: Double) -> Double {
    if x.isNaN || mean.isNaN || sd.isNaN || sd < 0 { return .nan }
    if sd == 0 { return x < mean ? 1 : 0 }
    return Normal.upperTail((x - mean) / sd)
  }
}

/// R's `^` (R_pow): x^2 is x * x, 1^y and x^0 are 1.
@inline(__always)
func rPow(_ x: Double, _ y: Double) -> Double {
  if x == 1 || y == 0 { return 1 }
  if y == 2 { return x * x }
  return RMath.pow(x, y)
}
