// The passes of the grouped GLM's IRLS: one per mode (see `GroupedPoissonGLM.Mode`).

extension GroupedPoissonGLM {
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
  static func trendPass(_ ws: GLMWorkspace, slope: Double)
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
  static func computeMoments(_ ws: GLMWorkspace, slope: Double) {
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
  static func exactTrendDeviance(_ ws: GLMWorkspace, slope: Double) -> Double {
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
  static func rowPass(_ ws: GLMWorkspace, slope: Double)
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
  static func groupwisePass(_ ws: GLMWorkspace) -> (dev: Double, s2: Double, stz: Double) {
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

}
