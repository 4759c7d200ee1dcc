// What R computes from a fitted model object: hat values, Anscombe residuals,
// dispersions and prediction variances.

extension GroupedPoissonGLM {
  /// Hat value of row i under the last iteration's weights.
  @inline(__always)
  static func hat(_ ws: GLMWorkspace, _ fit: Fit, _ i: Int) -> Double {
    let g = Int(ws.group[i])
    var v = 1 / ws.lastS0[g]
    if fit.hasTrend {
      let d = ws.t[i] - ws.lastS1[g] / ws.lastS0[g]
      v += d * d / fit.schur
    }
    return ws.lastW[i] * v
  }

  /// Which Anscombe residuals r exceed `threshold` (R: `s > weightsThreshold`). Writes
  /// 1/r^2 for those rows and -1 for the others into `out`; returns their number, or nil
  /// when a residual is NaN. r itself (two square roots and a division) is only formed for
  /// outliers, near-ties with the threshold and degenerate rows; for the others
  /// a > 0 and a^2 > threshold^2 phi (1 - h) decides, which is the same comparison.
  static func anscombeOutliers(
    _ ws: GLMWorkspace, _ fit: Fit, phi: Double, threshold: Double,
    into out: UnsafeMutablePointer<Double>
  ) -> Int? {
    muPowerMinusSixth(ws, fit, into: out)
    let invSchur = fit.hasTrend ? 1 / fit.schur : 0
    let hatLimit = 1 - 10 * RMath.doubleEpsilon
    let threshold2 = threshold * threshold
    var outliers = 0
    for g in 0..<ws.groups {
      let invS0 = 1 / ws.lastS0[g]
      let meanT = ws.lastS1[g] / ws.lastS0[g]
      for i in ws.groupStart[g]..<ws.groupStart[g + 1] {
        let dt = ws.t[i] - meanT
        var h = ws.lastW[i] * (fit.hasTrend ? invS0 + dt * dt * invSchur : invS0)
        if h > hatLimit { h = 1 }
        let a = 1.5 * (ws.yTwoThirds[i] * out[i] - ws.mu[i].squareRoot())
        let scale = phi * (1 - h)
        if threshold > 0 && scale > 0 && a.isFinite {
          if a <= 0 {
            out[i] = -1
            continue
          }
          let lhs = a * a
          let rhs = threshold2 * scale
          if lhs < rhs * (1 - 1e-12) {
            out[i] = -1
            continue
          }
        }
        // exactly as R: r = a / sqrt(phi (1 - h)), outlier iff r > threshold
        let r = a / scale.squareRoot()
        if r.isNaN { return nil }
        if r > threshold {
          out[i] = 1 / (r * r)
          outliers += 1
        } else {
          out[i] = -1
        }
      }
    }
    return outliers
  }

  /// The dispersions with two sets of stored weights in one pass (see `dispersion`).
  static func dispersions(
    _ ws: GLMWorkspace, _ fit: Fit, _ a: UnsafeMutablePointer<Double>,
    _ b: UnsafeMutablePointer<Double>
  ) -> (Double, Double) {
    guard fit.dfResidual > 0 else { return (.nan, .nan) }
    var sumA = 0.0
    var sumB = 0.0
    for i in 0..<ws.n {
      let r = (ws.y[i] - ws.mu[i]) / ws.mu[i]
      let r2 = r * r
      if a[i] > 0 { sumA += a[i] * r2 }
      if b[i] > 0 { sumB += b[i] * r2 }
    }
    let df = Double(fit.dfResidual)
    return (sumA / df, sumB / df)
  }

  /// x0' (X'WX)^-1 x0 for a prediction in group g at centred time t0.
  static func predictionVariance(_ ws: GLMWorkspace, _ fit: Fit, group g: Int, t0: Double)
    -> Double
  {
    var v = 1 / ws.lastS0[g]
    if fit.hasTrend {
      let d = t0 - ws.lastS1[g] / ws.lastS0[g]
      v += d * d / fit.schur
    }
    return v
  }

  /// `sum(weights * residual^2) / df` with working residuals (y - mu) / mu, where the
  /// weights are those stored on the model object (`summary.glm`'s dispersion).
  static func dispersion(_ ws: GLMWorkspace, _ fit: Fit, weights: UnsafeMutablePointer<Double>)
    -> Double
  {
    guard fit.dfResidual > 0 else { return .nan }
    var sum = 0.0
    for i in 0..<ws.n where weights[i] > 0 {
      let r = (ws.y[i] - ws.mu[i]) / ws.mu[i]
      sum += weights[i] * r * r
    }
    return sum / Double(fit.dfResidual)
  }
}
