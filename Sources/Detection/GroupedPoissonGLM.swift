/// A (quasi-)Poisson log-linear GLM whose design is one intercept per group plus an
/// optional common slope in time — the Farrington model `response ~ 1 + wtime
/// (+ seasgroups)` in cell-means coding (same column space as R's treatment coding, so the
/// same fitted values at every iteration).
///
/// The fit reproduces R's `glm.fit` step by step: start `mustart = y + 0.1`,
/// `eta = log(mustart)` (no offset), IRLS with working weights `prior * mu`, stop when
/// `|dev - devold| / (|dev| + 0.1) < 1e-8`, at most 25 iterations, step halving when the
/// deviance is not finite, and — as R keeps them — the working weights and the cross-product
/// matrix of the *last iteration* (computed at the previous mu), which R uses for hat values,
/// `summary.glm` and `predict.glm(se.fit = TRUE)`.
///
/// Speed: rows are sorted by group and time; X'WX is formed from per-group sums in O(n) and
/// inverted in closed form (a diagonal block per group plus the slope's Schur complement).
/// One pass per iteration updates the linear predictor, the deviance and the next
/// iteration's sums together; along a group exp(eta) advances by the factors
/// exp(slope * step) (one `exp` per group, not per row). Without a trend (and no offset) the
/// fitted mean is constant within a group, so iterations cost O(groups). Nothing allocates:
/// all buffers live in a `GLMWorkspace`.
struct GroupedPoissonGLM {
  static let epsilon = 1e-8
  static let maxIterations = 25

  /// Summary of one fit; per-row results are in the workspace.
  struct Fit {
    var converged: Bool
    var hasTrend: Bool
    var iterations: Int
    /// Slope (per time point) if `hasTrend`.
    var slope: Double
    /// Schur complement of the slope in X'WX of the last iteration (1 / var(slope)).
    var schur: Double
    /// Residual degrees of freedom n - rank (rows with zero prior weight not counted).
    var dfResidual: Int
    /// False when X'WX is singular or the coefficients are not finite.
    var fullRank: Bool
  }
}

extension GroupedPoissonGLM {
  /// log(DBL_EPSILON) = -52 log 2 (a literal: no lazy initialisation in the loops).
  static let logEpsilon = -36.043_653_389_117_154

  /// How a fit's passes are computed (all give R's iterates; they differ in cost).
  enum Mode {
    /// No trend, no offset: mu constant within a group, O(groups) per iteration.
    case groupwise
    /// Trend, no offset: per row only mu (exp advanced along runs of weeks) and the
    /// weight sums; the response enters through per-group constants.
    case trend
    /// With an offset: the general row-wise pass.
    case rowwise
  }

  /// Fits the model with the prior weights in `ws.prior` (and offsets if `ws.hasOffset`).
  /// On return `ws.mu`, `ws.eta` hold the final fit, `ws.muPrevious`, `ws.lastW`,
  /// `ws.lastS0`, `ws.lastS1` the last iteration's means, weights and sums, `ws.beta` the
  /// group intercepts.
  static func fit(_ ws: GLMWorkspace, trend: Bool) -> Fit {
    let n = ws.n
    let groups = ws.groups
    var zeroPrior = 0
    if !ws.hasOffset && ws.allResponsesZero {
      for i in 0..<n where ws.prior[i] == 0 { zeroPrior += 1 }
      return zeroFit(ws, trend: trend, df: n - zeroPrior - groups - (trend ? 1 : 0))
    }
    let mode: Mode = ws.hasOffset ? .rowwise : (trend ? .trend : .groupwise)
    ws.momentsValid = false  // the moments depend on the prior weights

    // start values (stored as the "previous" mu), deviance and the first sums, and the
    // per-group response sums that stay fixed during the fit
    var devOld = 0.0
    var s2 = 0.0
    var stz = 0.0
    for g in 0..<groups {
      var a0 = 0.0
      var a1 = 0.0
      var az = 0.0
      var sp = 0.0
      var spy = 0.0
      var spyt = 0.0
      var spyl = 0.0
      var tLow = Double.infinity
      var tHigh = -Double.infinity
      for i in ws.groupStart[g]..<ws.groupStart[g + 1] {
        let yi = ws.y[i]
        let e = ws.startEta[i]
        let m = ws.startMu[i]
        ws.muPrevious[i] = m
        let p = ws.prior[i]
        if p == 0 { zeroPrior += 1 }
        devOld += p * ws.startDeviance[i]
        let w = p * m
        let wz = w * (ws.hasOffset ? e - ws.offset[i] : e) + p * (yi - m)
        let ti = ws.t[i]
        a0 += w
        az += wz
        if trend {
          a1 += w * ti
          s2 += w * ti * ti
          stz += wz * ti
        }
        let py = p * yi
        sp += p
        spy += py
        spyt += py * ti
        spyl += p * ws.yLogY[i]
        if yi > 0 {
          tLow = Swift.min(tLow, ti)
          tHigh = Swift.max(tHigh, ti)
        }
      }
      ws.s0[g] = a0
      ws.s1[g] = a1
      ws.sz[g] = az
      ws.sumP[g] = sp
      ws.sumPY[g] = spy
      ws.sumPYT[g] = spyt
      ws.sumPYLogY[g] = spyl
      ws.positiveTimeLow[g] = tLow
      ws.positiveTimeHigh[g] = tHigh
    }
    devOld *= 2
    let df = n - zeroPrior - groups - (trend ? 1 : 0)

    var slope = 0.0
    var weightSlope = 0.0  // the coefficients behind the current weights
    var haveOld = false
    var schur = 0.0
    var converged = false
    var iterations = 0
    for iter in 1...maxIterations {
      iterations = iter
      if iter > 1 {
        for g in 0..<groups { ws.weightBeta[g] = ws.beta[g] }
        weightSlope = slope
      }
      // solve X'WX beta = X'Wz from the sums
      if trend {
        var denom = s2
        var num = stz
        for g in 0..<groups {
          let inv = 1 / ws.s0[g]
          denom -= ws.s1[g] * ws.s1[g] * inv
          num -= ws.s1[g] * ws.sz[g] * inv
        }
        schur = denom
        slope = num / denom
        for g in 0..<groups { ws.beta[g] = (ws.sz[g] - ws.s1[g] * slope) / ws.s0[g] }
        if !(denom > 1e-22 * s2) || !slope.isFinite {
          return Fit(
            converged: false, hasTrend: true, iterations: iter, slope: slope, schur: schur,
            dfResidual: df, fullRank: false)
        }
      } else {
        for g in 0..<groups { ws.beta[g] = ws.sz[g] / ws.s0[g] }
      }
      for g in 0..<groups {
        guard ws.beta[g].isFinite else {
          return Fit(
            converged: false, hasTrend: trend, iterations: iter, slope: slope, schur: schur,
            dfResidual: df, fullRank: false)
        }
        ws.lastS0[g] = ws.s0[g]
        ws.lastS1[g] = ws.s1[g]
      }
      var (dev, next2, nextTZ) = pass(ws, mode: mode, slope: slope)
      if !dev.isFinite {
        // step halving towards the previous coefficients (R: "step size truncated")
        guard haveOld else {
          return Fit(
            converged: false, hasTrend: trend, iterations: iter, slope: slope, schur: schur,
            dfResidual: df, fullRank: true)
        }
        var tries = 1
        while !dev.isFinite {
          if tries > maxIterations {
            return Fit(
              converged: false, hasTrend: trend, iterations: iter, slope: slope, schur: schur,
              dfResidual: df, fullRank: true)
          }
          tries += 1
          for g in 0..<groups { ws.beta[g] = (ws.beta[g] + ws.weightBeta[g]) / 2 }
          slope = (slope + weightSlope) / 2
          (dev, next2, nextTZ) = pass(ws, mode: mode, slope: slope)
        }
      }
      s2 = next2
      stz = nextTZ
      if Swift.abs(dev - devOld) / (Swift.abs(dev) + 0.1) < epsilon {
        converged = true
        break
      }
      devOld = dev
      haveOld = true
    }
    // final and previous means per row, the last working weights
    store(ws, mode: mode, beta: ws.beta, slope: trend ? slope : 0, into: ws.mu, eta: ws.eta)
    if iterations > 1 {
      store(ws, mode: mode, beta: ws.weightBeta, slope: weightSlope, into: ws.muPrevious, eta: nil)
    }
    for i in 0..<n { ws.lastW[i] = ws.prior[i] * ws.muPrevious[i] }
    return Fit(
      converged: converged, hasTrend: trend, iterations: iterations, slope: trend ? slope : 0,
      schur: schur, dfResidual: df, fullRank: true)
  }

  @inline(__always)
  private static func pass(_ ws: GLMWorkspace, mode: Mode, slope: Double)
    -> (dev: Double, s2: Double, stz: Double)
  {
    switch mode {
    case .groupwise: return groupwisePass(ws)
    case .trend: return trendPass(ws, slope: slope)
    case .rowwise: return rowPass(ws, slope: slope)
    }
  }

  /// Writes mu = linkinv(eta) (and eta) per row for the coefficients, computed exactly as
  /// the passes compute them.
  private static func store(
    _ ws: GLMWorkspace, mode: Mode, beta: UnsafeMutablePointer<Double>, slope: Double,
    into mu: UnsafeMutablePointer<Double>, eta: UnsafeMutablePointer<Double>?
  ) {
    let eps = RMath.doubleEpsilon
    if mode == .rowwise {
      for g in 0..<ws.groups {
        for i in ws.groupStart[g]..<ws.groupStart[g + 1] {
          let etaI = beta[g] + slope * ws.t[i] + ws.offset[i]
          mu[i] = Swift.max(RMath.exp(etaI), eps)
          eta?[i] = etaI
        }
      }
      return
    }
    exponentials(ws, beta: beta, slope: slope, scale: 1, into: mu)
    for i in 0..<ws.n { mu[i] = Swift.max(mu[i], eps) }
    if let eta {
      for g in 0..<ws.groups {
        for i in ws.groupStart[g]..<ws.groupStart[g + 1] { eta[i] = beta[g] + slope * ws.t[i] }
      }
    }
  }

  /// out[i] = exp(scale * (beta[g] + slope * t[i])) with one `exp` per group: the value is
  /// exp(scale * (beta[g] + slope * tMin)) times r^(t - tMin), r = exp(scale * slope), from
  /// two small power tables (independent rows, no exp per row).
  @inline(__always)
  static func exponentials(
    _ ws: GLMWorkspace, beta: UnsafeMutablePointer<Double>, slope: Double, scale: Double,
    into out: UnsafeMutablePointer<Double>
  ) {
    ws.setPowers(scale * slope)
    let lowP = ws.powerLow
    let highP = ws.powerHigh
    let lowTable = ws.powerLowTable
    let highTable = ws.powerHighTable
    for g in 0..<ws.groups {
      let base = RMath.exp(scale * (beta[g] + slope * ws.tMin))
      if !ws.powersSafe || !(base > 0 && base.isFinite) {
        // extreme coefficients: exp per row
        for i in ws.groupStart[g]..<ws.groupStart[g + 1] {
          out[i] = RMath.exp(scale * (beta[g] + slope * ws.t[i]))
        }
        continue
      }
      for i in ws.groupStart[g]..<ws.groupStart[g + 1] {
        out[i] = base * lowTable[Int(lowP[i])] * highTable[Int(highP[i])]
      }
    }
  }

  /// mu^(-1/6) per row of the final fit (for Anscombe residuals).
  static func muPowerMinusSixth(
    _ ws: GLMWorkspace, _ fit: Fit, into out: UnsafeMutablePointer<Double>
  ) {
    let eps = RMath.doubleEpsilon
    if ws.hasOffset {
      for i in 0..<ws.n { out[i] = RMath.pow(ws.mu[i], -1.0 / 6.0) }
      return
    }
    exponentials(ws, beta: ws.beta, slope: fit.slope, scale: -1.0 / 6.0, into: out)
    for i in 0..<ws.n where !(ws.mu[i] > eps) { out[i] = RMath.pow(ws.mu[i], -1.0 / 6.0) }
  }

  /// All responses zero and no offset: every IRLS step lowers the (common) linear
  /// predictor by exactly 1 (z = eta - 1 lies in the column space), so the iterations have
  /// a closed form with the same convergence decision and final state as the general loop.
  private static func zeroFit(_ ws: GLMWorkspace, trend: Bool, df: Int) -> Fit {
    let n = ws.n
    let eps = RMath.doubleEpsilon
    var priorSum = 0.0
    for i in 0..<n { priorSum += ws.prior[i] }
    var eta = RMath.log(0.1)
    var mu = Swift.max(RMath.exp(eta), eps)
    var devOld = 2 * priorSum * mu
    var converged = false
    var iterations = 0
    var lastMu = mu
    for iter in 1...maxIterations {
      iterations = iter
      lastMu = mu
      eta -= 1
      mu = Swift.max(RMath.exp(eta), eps)
      let dev = 2 * priorSum * mu
      if Swift.abs(dev - devOld) / (Swift.abs(dev) + 0.1) < epsilon {
        converged = true
        break
      }
      devOld = dev
    }
    var s2 = 0.0
    for g in 0..<ws.groups {
      ws.beta[g] = eta
      var a0 = 0.0
      var a1 = 0.0
      for i in ws.groupStart[g]..<ws.groupStart[g + 1] {
        ws.eta[i] = eta
        ws.mu[i] = mu
        ws.muPrevious[i] = lastMu
        let w = ws.prior[i] * lastMu
        ws.lastW[i] = w
        a0 += w
        a1 += w * ws.t[i]
        s2 += w * ws.t[i] * ws.t[i]
      }
      ws.lastS0[g] = a0
      ws.lastS1[g] = a1
    }
    var schur = 0.0
    var fullRank = true
    if trend {
      schur = s2
      for g in 0..<ws.groups { schur -= ws.lastS1[g] * ws.lastS1[g] / ws.lastS0[g] }
      fullRank = schur > 1e-22 * s2
    }
    return Fit(
      converged: converged, hasTrend: trend, iterations: iterations, slope: 0, schur: schur,
      dfResidual: df, fullRank: fullRank)
  }

}
