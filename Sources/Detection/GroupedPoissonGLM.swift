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

/// Buffers for one thread's fits (reused across series and time points). Rows must be
/// loaded sorted by group, and by time within a group (`groupStart` marks the segments).
final class GLMWorkspace {
  private(set) var capacity = 0
  private(set) var groupCapacity = 0
  // per row
  var y = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var yLogY = UnsafeMutablePointer<Double>.allocate(capacity: 1)  // y log y, 0 for y = 0
  var t = UnsafeMutablePointer<Double>.allocate(capacity: 1)  // time, centred at prediction
  var group = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
  /// Time offset u = t - tMin split as u = 16 * high + low (for the power tables).
  var powerLow = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
  var powerHigh = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
  var prior = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var offset = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var eta = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var mu = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var muPrevious = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var lastW = UnsafeMutablePointer<Double>.allocate(capacity: 1)  // working weights, last iter
  var omega = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var scratch = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  // IRLS start per row: eta = log(y + 0.1), mu = linkinv(eta), the deviance term at mu
  var startEta = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var startMu = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var startDeviance = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var yTwoThirds = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  // per group
  var groupStart = UnsafeMutablePointer<Int>.allocate(capacity: 2)  // groups + 1 entries
  var s0 = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var s1 = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var sz = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var beta = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var lastS0 = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var lastS1 = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var sumP = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var sumPY = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var sumPYLogY = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var sumPYT = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var weightBeta = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var positiveTimeLow = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var positiveTimeHigh = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var groupTimeLow = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  var groupTimeHigh = UnsafeMutablePointer<Double>.allocate(capacity: 1)

  /// Rows and groups in use.
  var n = 0
  var groups = 0
  var hasOffset = false

  init(capacity: Int = 512, groupCapacity: Int = 16) {
    reserve(rows: capacity, groups: groupCapacity)
  }

  deinit {
    for p in rowBuffers { p.deallocate() }
    group.deallocate()
    powerLow.deallocate()
    powerHigh.deallocate()
    for p in groupBuffers { p.deallocate() }
    groupStart.deallocate()
    powerLowTable.deallocate()
    powerHighTable.deallocate()
    taylor.deallocate()
  }

  private var rowBuffers: [UnsafeMutablePointer<Double>] {
    [
      y, yLogY, t, prior, offset, eta, mu, muPrevious, lastW, omega, scratch, startEta, startMu,
      startDeviance, yTwoThirds,
    ]
  }
  private var groupBuffers: [UnsafeMutablePointer<Double>] {
    [
      s0, s1, sz, beta, lastS0, lastS1, sumP, sumPY, sumPYLogY, sumPYT, weightBeta, positiveTimeLow,
      positiveTimeHigh, groupTimeLow, groupTimeHigh, moments,
    ]
  }

  /// Makes room for `rows` rows and `groups` groups (contents are not kept).
  func reserve(rows: Int, groups: Int) {
    if rows > capacity {
      for p in rowBuffers { p.deallocate() }
      group.deallocate()
      powerLow.deallocate()
      powerHigh.deallocate()
      let c = Swift.max(rows, capacity * 2)
      y = .allocate(capacity: c)
      yLogY = .allocate(capacity: c)
      t = .allocate(capacity: c)
      group = .allocate(capacity: c)
      powerLow = .allocate(capacity: c)
      powerHigh = .allocate(capacity: c)
      prior = .allocate(capacity: c)
      offset = .allocate(capacity: c)
      eta = .allocate(capacity: c)
      mu = .allocate(capacity: c)
      muPrevious = .allocate(capacity: c)
      lastW = .allocate(capacity: c)
      omega = .allocate(capacity: c)
      scratch = .allocate(capacity: c)
      startEta = .allocate(capacity: c)
      startMu = .allocate(capacity: c)
      startDeviance = .allocate(capacity: c)
      yTwoThirds = .allocate(capacity: c)
      capacity = c
    }
    if groups > groupCapacity {
      for p in groupBuffers { p.deallocate() }
      groupStart.deallocate()
      let g = Swift.max(groups, groupCapacity * 2)
      s0 = .allocate(capacity: g)
      s1 = .allocate(capacity: g)
      sz = .allocate(capacity: g)
      beta = .allocate(capacity: g)
      lastS0 = .allocate(capacity: g)
      lastS1 = .allocate(capacity: g)
      sumP = .allocate(capacity: g)
      sumPY = .allocate(capacity: g)
      sumPYLogY = .allocate(capacity: g)
      sumPYT = .allocate(capacity: g)
      weightBeta = .allocate(capacity: g)
      positiveTimeLow = .allocate(capacity: g)
      positiveTimeHigh = .allocate(capacity: g)
      groupTimeLow = .allocate(capacity: g)
      groupTimeHigh = .allocate(capacity: g)
      moments = .allocate(capacity: GroupedPoissonGLM.momentCount * g)
      groupStart = .allocate(capacity: g + 1)
      groupCapacity = g
    }
  }

  /// Whether every response is zero (the closed-form fit applies).
  var allResponsesZero = false
  /// The smallest time of the rows; exponentials are taken relative to it.
  var tMin = 0.0
  /// The centre of the rows' time span and the largest |t - centre|.
  var tCentre = 0.0
  var maxAbsV = 0.0
  /// Per group: the moments of `trendPass` (momentCount * g + k), valid for `momentSlope`.
  var moments = UnsafeMutablePointer<Double>.allocate(capacity: 13)
  var momentSlope = 0.0
  var momentsValid = false
  /// Taylor coefficients of `trendPass`.
  let taylor = UnsafeMutablePointer<Double>.allocate(capacity: 11)
  /// r^low (low < 16) and r^(16 high) for the current base r (see `setPowers`).
  var powerLowTable = UnsafeMutablePointer<Double>.allocate(capacity: 16)
  var powerHighTable = UnsafeMutablePointer<Double>.allocate(capacity: 1)
  private(set) var powerHighCapacity = 0
  var powerHighCount = 0

  /// Derives y log y, the IRLS start values and the power-table indices once the rows are
  /// loaded.
  func prepareRows() {
    var low = Double.infinity
    var high = -Double.infinity
    var anyPositive = false
    let table = IRLSStart.table
    let size = Double(IRLSStart.tableSize)
    for i in 0..<n {
      let yi = y[i]
      let start: IRLSStart.Values
      if yi >= 0 && yi < size && yi == yi.rounded(.down) {
        start = table[Int(yi)]
      } else {
        start = IRLSStart.compute(yi)
      }
      yLogY[i] = start.yLogY
      startEta[i] = start.eta
      startMu[i] = start.mu
      startDeviance[i] = start.deviance
      yTwoThirds[i] = start.twoThirds
      if yi != 0 { anyPositive = true }
      let ti = t[i]
      if ti < low { low = ti }
      if ti > high { high = ti }
    }
    tMin = n > 0 ? low : 0
    allResponsesZero = n > 0 && !anyPositive
    tCentre = n > 0 ? (tMin + high) / 2 : 0
    maxAbsV = n > 0 ? (high - tMin) / 2 : 0
    for g in 0..<groups {
      groupTimeLow[g] = t[groupStart[g]]
      groupTimeHigh[g] = t[groupStart[g + 1] - 1]
    }
    var maxHigh = 0
    for i in 0..<n {
      let u = Int(t[i] - tMin)
      powerLow[i] = Int32(u & 15)
      powerHigh[i] = Int32(u >> 4)
      if u >> 4 > maxHigh { maxHigh = u >> 4 }
    }
    powerHighCount = maxHigh + 1
    if powerHighCount > powerHighCapacity {
      powerHighTable.deallocate()
      powerHighCapacity = Swift.max(powerHighCount, 32)
      powerHighTable = .allocate(capacity: powerHighCapacity)
    }
  }

  /// Whether the power tables are usable (no overflow over the time span).
  private(set) var powersSafe = true

  /// Fills the power tables for base r = exp(c): low[j] = r^j (j < 16), high[k] = r^(16 k).
  @inline(__always)
  func setPowers(_ c: Double) {
    powersSafe = Swift.abs(c) * Double(16 * powerHighCount) < 600
    let r = RMath.exp(c)
    var v = 1.0
    for j in 0..<16 {
      powerLowTable[j] = v
      v *= r
    }
    let r16 = RMath.exp(16 * c)
    v = 1.0
    for k in 0..<powerHighCount {
      powerHighTable[k] = v
      v *= r16
    }
  }
}

/// Values of the IRLS start for a count y: eta = log(y + 0.1), mu = linkinv(eta), the
/// deviance term y log(y / mu) - (y - mu) (mu for y = 0) and y log y — from tables for
/// small integer counts (computed once with the same formulas).
enum IRLSStart {
  struct Values {
    var eta: Double
    var mu: Double
    var deviance: Double
    var yLogY: Double
    /// y^(2/3) (R's `y^(2/3)`, for the Anscombe residuals).
    var twoThirds: Double
  }

  static let tableSize = 4096
  static let table: [Values] = (0..<tableSize).map { compute(Double($0)) }

  static func compute(_ y: Double) -> Values {
    let e = RMath.log(y + 0.1)
    let m = Swift.max(RMath.exp(e), RMath.doubleEpsilon)
    return Values(
      eta: e, mu: m, deviance: y > 0 ? y * RMath.log(y / m) - (y - m) : m,
      yLogY: y > 0 ? y * RMath.log(y) : 0, twoThirds: rPow(y, 2.0 / 3.0))
  }

  @inline(__always)
  static func values(_ y: Double) -> Values {
    if y >= 0 && y < Double(tableSize) && y == y.rounded(.down) { return table[Int(y)] }
    return compute(y)
  }
}

extension GroupedPoissonGLM {
  /// log(DBL_EPSILON) = -52 log 2 (a literal: no lazy initialisation in the loops).
  static let logEpsilon = -36.043_653_389_117_154

  /// How a fit's passes are computed (all give R's iterates; they differ in cost).
  private enum Mode {
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

  /// The pass with a trend and no offset. Per group it needs only the weight sums
  /// S_k = sum p mu t^k (k = 0, 1, 2); the response enters through `prepareGroupSums`.
  /// With v = t - c (c the centre of the time span) mu = exp(b + s c) exp(s v), so the
  /// sums follow from the moments N_k(s) = sum p exp(s v) v^k, which do not depend on b.
  /// A full pass over the rows computes N_0..N_12 at the current slope s0; while the slope
  /// then stays within |s - s0| max|v| <= 0.1 (usually every later iteration of the fit),
  /// N_k(s) = sum_j (s - s0)^j / j! N_{k+j}, j = 0...10, to rounding accuracy (remainder
  /// < 0.1^11 / 11! = 3e-19 relative), so those iterations cost O(groups), not O(rows).
  /// Groups whose smallest mu could fall below DBL_EPSILON (R clamps mu there) are summed
  /// row by row.
  @inline(__always)
  private static func trendPass(_ ws: GLMWorkspace, slope: Double)
    -> (dev: Double, s2: Double, stz: Double)
  {
    if !ws.momentsValid || Swift.abs(slope - ws.momentSlope) * ws.maxAbsV > 0.1 {
      computeMoments(ws, slope: slope)
    }
    // Taylor coefficients d^j / j! of exp(d v), as many as the step needs: the first
    // omitted term is below 1e-18 relative (x = |d| max|v| <= 0.1 gives at most 10)
    let d = slope - ws.momentSlope
    let coefficients = ws.taylor
    coefficients[0] = 1
    var terms = 0
    let x = Swift.abs(d) * ws.maxAbsV
    var bound = 1.0
    while terms < 10 {
      bound *= x / Double(terms + 1)
      if bound < 1e-18 { break }
      terms += 1
      coefficients[terms] = coefficients[terms - 1] * d / Double(terms)
    }
    let centre = ws.tCentre
    var dev = 0.0
    var s2 = 0.0
    var stz = 0.0
    var clamped = false
    for g in 0..<ws.groups {
      let b = ws.beta[g]
      var a0: Double
      var a1: Double
      var a2: Double
      let lowestEta =
        b + Swift.min(slope * ws.groupTimeLow[g], slope * ws.groupTimeHigh[g])
      if ws.momentsValid && lowestEta > logEpsilon + 1 {
        let e = RMath.exp(b + slope * centre)
        let m = ws.moments + momentCount * g
        // q_k = sum_j c_j N_{k+j} for k = 0, 1, 2 together, smallest terms first
        var q0 = 0.0
        var q1 = 0.0
        var q2 = 0.0
        var j = terms
        while j > 0 {
          let c = coefficients[j]
          q0 += c * m[j]
          q1 += c * m[j + 1]
          q2 += c * m[j + 2]
          j -= 1
        }
        q0 += m[0]
        q1 += m[1]
        q2 += m[2]
        a0 = e * q0
        a1 = e * (q1 + centre * q0)
        a2 = e * (q2 + centre * (2 * q1 + centre * q0))
      } else {
        // row by row with R's clamp mu = max(exp(eta), DBL_EPSILON)
        a0 = 0
        a1 = 0
        a2 = 0
        for i in ws.groupStart[g]..<ws.groupStart[g + 1] {
          let ti = ws.t[i]
          let w = ws.prior[i] * Swift.max(RMath.exp(b + slope * ti), RMath.doubleEpsilon)
          a0 += w
          a1 += w * ti
          a2 += w * ti * ti
        }
      }
      ws.s0[g] = a0
      ws.s1[g] = a1
      let py = ws.sumPY[g]
      let pyt = ws.sumPYT[g]
      ws.sz[g] = b * a0 + slope * a1 + py - a0
      stz += b * a1 + slope * a2 + pyt - a1
      s2 += a2
      dev += ws.sumPYLogY[g] - (b * py + slope * pyt) - py + a0
      // log(mu) = eta unless mu was clamped at DBL_EPSILON where y > 0
      if py > 0
        && Swift.min(b + slope * ws.positiveTimeLow[g], b + slope * ws.positiveTimeHigh[g])
          < logEpsilon
      {
        clamped = true
      }
    }
    if clamped { dev = exactTrendDeviance(ws, slope: slope) / 2 }
    return (2 * dev, s2, stz)
  }

  /// Moments per group kept for `trendPass`: N_0 ... N_12.
  static let momentCount = 13

  /// N_k = sum over a group's rows of p exp(s v) v^k, v = t - centre, k = 0...12, from the
  /// power tables.
  private static func computeMoments(_ ws: GLMWorkspace, slope: Double) {
    ws.setPowers(slope)
    let scale = RMath.exp(slope * (ws.tMin - ws.tCentre))
    ws.momentSlope = slope
    ws.momentsValid = ws.powersSafe && scale > 0 && scale.isFinite
    guard ws.momentsValid else { return }
    let tP = ws.t
    let priorP = ws.prior
    let lowP = ws.powerLow
    let highP = ws.powerHigh
    let lowTable = ws.powerLowTable
    let highTable = ws.powerHighTable
    let centre = ws.tCentre
    var acc = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    for g in 0..<ws.groups {
      acc = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
      for i in ws.groupStart[g]..<ws.groupStart[g + 1] {
        let v = tP[i] - centre
        var w = priorP[i] * lowTable[Int(lowP[i])] * highTable[Int(highP[i])]
        acc.0 += w
        w *= v
        acc.1 += w
        w *= v
        acc.2 += w
        w *= v
        acc.3 += w
        w *= v
        acc.4 += w
        w *= v
        acc.5 += w
        w *= v
        acc.6 += w
        w *= v
        acc.7 += w
        w *= v
        acc.8 += w
        w *= v
        acc.9 += w
        w *= v
        acc.10 += w
        w *= v
        acc.11 += w
        w *= v
        acc.12 += w
      }
      let m = ws.moments + momentCount * g
      m[0] = scale * acc.0
      m[1] = scale * acc.1
      m[2] = scale * acc.2
      m[3] = scale * acc.3
      m[4] = scale * acc.4
      m[5] = scale * acc.5
      m[6] = scale * acc.6
      m[7] = scale * acc.7
      m[8] = scale * acc.8
      m[9] = scale * acc.9
      m[10] = scale * acc.10
      m[11] = scale * acc.11
      m[12] = scale * acc.12
    }
  }

  /// The deviance row by row with log(mu) = log(max(exp(eta), eps)) (rarely needed).
  private static func exactTrendDeviance(_ ws: GLMWorkspace, slope: Double) -> Double {
    let eps = RMath.doubleEpsilon
    exponentials(ws, beta: ws.beta, slope: slope, scale: 1, into: ws.scratch)
    var dev = 0.0
    for i in 0..<ws.n {
      let m = Swift.max(ws.scratch[i], eps)
      let yi = ws.y[i]
      dev += ws.prior[i] * (yi > 0 ? yi * RMath.log(yi / m) - (yi - m) : m)
    }
    return 2 * dev
  }

  /// The general pass (with an offset): eta, mu and deviance per row, and the sums for the
  /// next iteration.
  @inline(__always)
  private static func rowPass(_ ws: GLMWorkspace, slope: Double)
    -> (dev: Double, s2: Double, stz: Double)
  {
    let eps = RMath.doubleEpsilon
    var dev = 0.0
    var s2 = 0.0
    var stz = 0.0
    for g in 0..<ws.groups {
      let b = ws.beta[g]
      var a0 = 0.0
      var a1 = 0.0
      var az = 0.0
      for i in ws.groupStart[g]..<ws.groupStart[g + 1] {
        let ti = ws.t[i]
        let linear = b + slope * ti
        let etaI = linear + ws.offset[i]
        let m = Swift.max(RMath.exp(etaI), eps)
        let p = ws.prior[i]
        let yi = ws.y[i]
        dev += p * (yi > 0 ? yi * RMath.log(yi / m) - (yi - m) : m)
        let w = p * m
        let wz = w * linear + p * (yi - m)
        a0 += w
        az += wz
        let wt = w * ti
        a1 += wt
        s2 += wt * ti
        stz += wz * ti
      }
      ws.s0[g] = a0
      ws.s1[g] = a1
      ws.sz[g] = az
    }
    return (2 * dev, s2, stz)
  }

  /// The pass without trend and offset: mu is constant within a group.
  @inline(__always)
  private static func groupwisePass(_ ws: GLMWorkspace) -> (dev: Double, s2: Double, stz: Double) {
    let eps = RMath.doubleEpsilon
    var dev = 0.0
    for g in 0..<ws.groups {
      let b = ws.beta[g]
      let m = Swift.max(RMath.exp(b), eps)
      let p = ws.sumP[g]
      let py = ws.sumPY[g]
      dev += ws.sumPYLogY[g] - Swift.max(b, logEpsilon) * py - py + m * p
      ws.s0[g] = m * p
      ws.s1[g] = 0
      ws.sz[g] = m * p * b + py - m * p
    }
    return (2 * dev, 0, 0)
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
