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
/// X'WX is formed from per-group sums in O(n) and inverted in closed form (a diagonal block
/// per group plus the slope's Schur complement), so a fit costs O(n) per iteration and
/// allocates nothing: all buffers live in a `GLMWorkspace`.
struct GroupedPoissonGLM {
  static let epsilon = 1e-8
  static let maxIterations = 25

  /// Summary of one fit; per-observation results are in the workspace.
  struct Fit {
    var converged: Bool
    var hasTrend: Bool
    var iterations: Int
    /// Slope (per time point) if `hasTrend`.
    var slope: Double
    /// Schur complement of the slope in X'WX of the last iteration (1 / var(slope)).
    var schur: Double
    /// Residual degrees of freedom n - rank.
    var dfResidual: Int
    /// False when X'WX is singular (R would alias a coefficient).
    var fullRank: Bool
  }
}

/// Buffers for one thread's fits (reused across series and time points).
final class GLMWorkspace {
  private(set) var capacity: Int
  private(set) var groupCapacity: Int
  // per observation
  var y: UnsafeMutablePointer<Double>
  var yLogY: UnsafeMutablePointer<Double>  // y * log(y), 0 for y = 0
  var logY: UnsafeMutablePointer<Double>
  var t: UnsafeMutablePointer<Double>  // time, centred at the prediction point
  var group: UnsafeMutablePointer<Int32>
  var prior: UnsafeMutablePointer<Double>
  var offset: UnsafeMutablePointer<Double>
  var eta: UnsafeMutablePointer<Double>
  var mu: UnsafeMutablePointer<Double>
  var lastW: UnsafeMutablePointer<Double>  // working weights of the last iteration
  var omega: UnsafeMutablePointer<Double>
  var scratch: UnsafeMutablePointer<Double>
  // per group
  var s0: UnsafeMutablePointer<Double>
  var s1: UnsafeMutablePointer<Double>
  var sz: UnsafeMutablePointer<Double>
  var beta: UnsafeMutablePointer<Double>
  var betaOld: UnsafeMutablePointer<Double>
  var lastS0: UnsafeMutablePointer<Double>
  var lastS1: UnsafeMutablePointer<Double>

  /// Rows in use and groups in use.
  var n = 0
  var groups = 0
  var hasOffset = false

  init(capacity: Int = 512, groupCapacity: Int = 16) {
    self.capacity = 0
    self.groupCapacity = 0
    y = .allocate(capacity: 1)
    yLogY = .allocate(capacity: 1)
    logY = .allocate(capacity: 1)
    t = .allocate(capacity: 1)
    group = .allocate(capacity: 1)
    prior = .allocate(capacity: 1)
    offset = .allocate(capacity: 1)
    eta = .allocate(capacity: 1)
    mu = .allocate(capacity: 1)
    lastW = .allocate(capacity: 1)
    omega = .allocate(capacity: 1)
    scratch = .allocate(capacity: 1)
    s0 = .allocate(capacity: 1)
    s1 = .allocate(capacity: 1)
    sz = .allocate(capacity: 1)
    beta = .allocate(capacity: 1)
    betaOld = .allocate(capacity: 1)
    lastS0 = .allocate(capacity: 1)
    lastS1 = .allocate(capacity: 1)
    reserve(rows: capacity, groups: groupCapacity)
  }

  deinit { freeAll() }

  private func freeAll() {
    for p in [y, yLogY, logY, t, prior, offset, eta, mu, lastW, omega, scratch] { p.deallocate() }
    group.deallocate()
    for p in [s0, s1, sz, beta, betaOld, lastS0, lastS1] { p.deallocate() }
  }

  /// Makes room for `rows` observations and `groups` groups.
  func reserve(rows: Int, groups: Int) {
    if rows > capacity {
      for p in [y, yLogY, logY, t, prior, offset, eta, mu, lastW, omega, scratch] { p.deallocate() }
      group.deallocate()
      let c = Swift.max(rows, capacity * 2)
      y = .allocate(capacity: c)
      yLogY = .allocate(capacity: c)
      logY = .allocate(capacity: c)
      t = .allocate(capacity: c)
      group = .allocate(capacity: c)
      prior = .allocate(capacity: c)
      offset = .allocate(capacity: c)
      eta = .allocate(capacity: c)
      mu = .allocate(capacity: c)
      lastW = .allocate(capacity: c)
      omega = .allocate(capacity: c)
      scratch = .allocate(capacity: c)
      capacity = c
    }
    if groups > groupCapacity {
      for p in [s0, s1, sz, beta, betaOld, lastS0, lastS1] { p.deallocate() }
      let g = Swift.max(groups, groupCapacity * 2)
      s0 = .allocate(capacity: g)
      s1 = .allocate(capacity: g)
      sz = .allocate(capacity: g)
      beta = .allocate(capacity: g)
      betaOld = .allocate(capacity: g)
      lastS0 = .allocate(capacity: g)
      lastS1 = .allocate(capacity: g)
      groupCapacity = g
    }
  }

  /// Precomputes y log y once the response is loaded.
  func prepareResponse() {
    for i in 0..<n {
      let yi = y[i]
      if yi > 0 {
        let l = RMath.log(yi)
        logY[i] = l
        yLogY[i] = yi * l
      } else {
        logY[i] = 0
        yLogY[i] = 0
      }
    }
  }
}

extension GroupedPoissonGLM {
  /// Deviance of the current mu: sum 2 prior (y log(y/mu) - (y - mu)), 2 prior mu for y = 0.
  @inline(__always)
  static func deviance(_ ws: GLMWorkspace) -> Double {
    var dev = 0.0
    for i in 0..<ws.n {
      let yi = ws.y[i]
      let m = ws.mu[i]
      if yi > 0 {
        dev += ws.prior[i] * (yi * (ws.logY[i] - RMath.log(m)) - (yi - m))
      } else {
        dev += ws.prior[i] * m
      }
    }
    return 2 * dev
  }

  /// Fits the model with the prior weights in `ws.prior` (and offsets if `ws.hasOffset`).
  /// On return `ws.eta`, `ws.mu` hold the final fit, `ws.lastW`, `ws.lastS0`, `ws.lastS1`
  /// the last iteration's weights and sums, `ws.beta` the group intercepts.
  static func fit(_ ws: GLMWorkspace, trend: Bool) -> Fit {
    let n = ws.n
    let groups = ws.groups
    let eps = RMath.doubleEpsilon
    if allZeroFastPath(ws, trend: trend) { return zeroFit(ws, trend: trend) }
    // start: eta = log(y + 0.1), mu = linkinv(eta)
    for i in 0..<n {
      let e = RMath.log(ws.y[i] + 0.1)
      ws.eta[i] = e
      ws.mu[i] = Swift.max(RMath.exp(e), eps)
    }
    var devOld = deviance(ws)
    var slope = 0.0
    var slopeOld = 0.0
    var haveOld = false
    var schur = 0.0
    var converged = false
    var fullRank = true
    var iterations = 0
    for iter in 1...maxIterations {
      iterations = iter
      for g in 0..<groups {
        ws.s0[g] = 0
        ws.s1[g] = 0
        ws.sz[g] = 0
      }
      var s2 = 0.0
      var stz = 0.0
      for i in 0..<n {
        let m = ws.mu[i]
        let w = ws.prior[i] * m
        let z = (ws.eta[i] - (ws.hasOffset ? ws.offset[i] : 0)) + (ws.y[i] - m) / m
        ws.lastW[i] = w
        let g = Int(ws.group[i])
        let ti = ws.t[i]
        ws.s0[g] += w
        ws.sz[g] += w * z
        if trend {
          let wt = w * ti
          ws.s1[g] += wt
          s2 += wt * ti
          stz += wt * z
        }
      }
      if trend {
        var denom = s2
        var num = stz
        for g in 0..<groups {
          let inv = 1 / ws.s0[g]
          denom -= ws.s1[g] * ws.s1[g] * inv
          num -= ws.s1[g] * ws.sz[g] * inv
        }
        schur = denom
        if !(denom > 1e-22 * s2) { fullRank = false }
        slope = num / denom
        for g in 0..<groups { ws.beta[g] = (ws.sz[g] - ws.s1[g] * slope) / ws.s0[g] }
      } else {
        for g in 0..<groups { ws.beta[g] = ws.sz[g] / ws.s0[g] }
      }
      for g in 0..<groups {
        ws.lastS0[g] = ws.s0[g]
        ws.lastS1[g] = ws.s1[g]
      }
      if !fullRank || !slope.isFinite || !(0..<groups).allSatisfy({ ws.beta[$0].isFinite }) {
        // R: "non-finite coefficients" or an aliased slope; the fit is unusable.
        return Fit(
          converged: false, hasTrend: trend, iterations: iter, slope: slope, schur: schur,
          dfResidual: n - groups - (trend ? 1 : 0), fullRank: false)
      }
      updateLinearPredictor(ws, slope: trend ? slope : 0)
      var dev = deviance(ws)
      if !dev.isFinite || !muValid(ws) {
        // step halving towards the previous coefficients (R: "step size truncated")
        guard haveOld else {
          return Fit(
            converged: false, hasTrend: trend, iterations: iter, slope: slope, schur: schur,
            dfResidual: n - groups - (trend ? 1 : 0), fullRank: true)
        }
        var tries = 1
        while !dev.isFinite || !muValid(ws) {
          if tries > maxIterations {
            return Fit(
              converged: false, hasTrend: trend, iterations: iter, slope: slope, schur: schur,
              dfResidual: n - groups - (trend ? 1 : 0), fullRank: true)
          }
          tries += 1
          for g in 0..<groups { ws.beta[g] = (ws.beta[g] + ws.betaOld[g]) / 2 }
          slope = (slope + slopeOld) / 2
          updateLinearPredictor(ws, slope: trend ? slope : 0)
          dev = deviance(ws)
        }
      }
      if Swift.abs(dev - devOld) / (Swift.abs(dev) + 0.1) < epsilon {
        converged = true
        break
      }
      devOld = dev
      for g in 0..<groups { ws.betaOld[g] = ws.beta[g] }
      slopeOld = slope
      haveOld = true
    }
    return Fit(
      converged: converged, hasTrend: trend, iterations: iterations, slope: trend ? slope : 0,
      schur: schur, dfResidual: n - groups - (trend ? 1 : 0), fullRank: fullRank)
  }

  @inline(__always)
  private static func updateLinearPredictor(_ ws: GLMWorkspace, slope: Double) {
    let eps = RMath.doubleEpsilon
    for i in 0..<ws.n {
      var e = ws.beta[Int(ws.group[i])] + slope * ws.t[i]
      if ws.hasOffset { e += ws.offset[i] }
      ws.eta[i] = e
      ws.mu[i] = Swift.max(RMath.exp(e), eps)
    }
  }

  @inline(__always)
  private static func muValid(_ ws: GLMWorkspace) -> Bool {
    for i in 0..<ws.n where !(ws.mu[i].isFinite && ws.mu[i] > 0) { return false }
    return true
  }

  /// All responses zero and no offset: every IRLS step lowers the (common) linear
  /// predictor by exactly 1 (z = eta - 1 lies in the column space), so the iterations
  /// have a closed form. Same convergence decision and final state as the general loop.
  private static func allZeroFastPath(_ ws: GLMWorkspace, trend: Bool) -> Bool {
    if ws.hasOffset { return false }
    for i in 0..<ws.n where ws.y[i] != 0 { return false }
    return ws.n > 0
  }

  private static func zeroFit(_ ws: GLMWorkspace, trend: Bool) -> Fit {
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
    for g in 0..<ws.groups {
      ws.beta[g] = eta
      ws.lastS0[g] = 0
      ws.lastS1[g] = 0
    }
    for i in 0..<n {
      ws.eta[i] = eta
      ws.mu[i] = mu
      let w = ws.prior[i] * lastMu
      ws.lastW[i] = w
      let g = Int(ws.group[i])
      ws.lastS0[g] += w
      ws.lastS1[g] += w * ws.t[i]
    }
    var schur = 0.0
    var fullRank = true
    if trend {
      var s2 = 0.0
      for i in 0..<n { s2 += ws.lastW[i] * ws.t[i] * ws.t[i] }
      schur = s2
      for g in 0..<ws.groups { schur -= ws.lastS1[g] * ws.lastS1[g] / ws.lastS0[g] }
      fullRank = schur > 1e-22 * s2
    }
    return Fit(
      converged: converged, hasTrend: trend, iterations: iterations, slope: 0, schur: schur,
      dfResidual: n - ws.groups - (trend ? 1 : 0), fullRank: fullRank)
  }

  /// Hat value of observation i under the last iteration's weights.
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
