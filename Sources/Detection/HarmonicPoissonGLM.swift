/// The Poisson GLM `y ~ 1 + cos(2 pi t / p) + sin(2 pi t / p)` that `cusum(m = "glm")` and
/// `glrpois` fit for their in-control mean, fitted as R's `glm.fit` does (start y + 0.1,
/// deviance stopping rule 1e-8, at most 25 iterations) with a small dense solve.
struct HarmonicPoissonGLM {
  /// Coefficients (intercept, cos, sin).
  var beta: (Double, Double, Double)
  var converged: Bool
  let period: Double

  /// Fits on observations `y` at times `t`.
  /// - Returns: nil if the normal equations are singular or the data contain NaN.
  static func fit(y: [Double], t: [Double], period: Int) -> HarmonicPoissonGLM? {
    let n = y.count
    guard n > 0, y.allSatisfy({ !$0.isNaN && $0 >= 0 }) else { return nil }
    let p = Double(period)
    let omega = 2 * Double.pi / p
    var c = [Double](repeating: 0, count: n)
    var s = [Double](repeating: 0, count: n)
    for i in 0..<n {
      c[i] = RMath.cos(omega * t[i])
      s[i] = RMath.sin(omega * t[i])
    }
    let eps = RMath.doubleEpsilon
    var eta = y.map { RMath.log($0 + 0.1) }
    var mu = eta.map { Swift.max(RMath.exp($0), eps) }
    func deviance(_ mu: [Double]) -> Double {
      var d = 0.0
      for i in 0..<n {
        if y[i] > 0 {
          d += y[i] * RMath.log(y[i] / mu[i]) - (y[i] - mu[i])
        } else {
          d += mu[i]
        }
      }
      return 2 * d
    }
    var devOld = deviance(mu)
    var beta = (0.0, 0.0, 0.0)
    var betaOld = beta
    var haveOld = false
    var converged = false
    for _ in 1...GroupedPoissonGLM.maxIterations {
      // weighted least squares by Householder QR of sqrt(W) X, as R's Cdqrls
      var a = [Double](repeating: 0, count: n * 3)  // column-major n x 3
      var rhs = [Double](repeating: 0, count: n)
      for i in 0..<n {
        let m = mu[i]
        let z = eta[i] + (y[i] - m) / m
        let w = m.squareRoot()
        a[i] = w
        a[n + i] = w * c[i]
        a[2 * n + i] = w * s[i]
        rhs[i] = w * z
      }
      guard let solution = householderSolve(&a, &rhs, rows: n, columns: 3) else { return nil }
      beta = (solution[0], solution[1], solution[2])
      func update() {
        for i in 0..<n {
          eta[i] = beta.0 + beta.1 * c[i] + beta.2 * s[i]
          mu[i] = Swift.max(RMath.exp(eta[i]), eps)
        }
      }
      update()
      var dev = deviance(mu)
      if !dev.isFinite || mu.contains(where: { !$0.isFinite }) {
        guard haveOld else { return nil }
        var tries = 1
        while !dev.isFinite || mu.contains(where: { !$0.isFinite }) {
          if tries > GroupedPoissonGLM.maxIterations { return nil }
          tries += 1
          beta = ((beta.0 + betaOld.0) / 2, (beta.1 + betaOld.1) / 2, (beta.2 + betaOld.2) / 2)
          update()
          dev = deviance(mu)
        }
      }
      if Swift.abs(dev - devOld) / (Swift.abs(dev) + 0.1) < GroupedPoissonGLM.epsilon {
        converged = true
        break
      }
      devOld = dev
      betaOld = beta
      haveOld = true
    }
    return HarmonicPoissonGLM(beta: beta, converged: converged, period: p)
  }

  /// Predicted mean at time t (R `predict(type = "response")`).
  func mean(at t: Double) -> Double {
    let omega = 2 * Double.pi / period
    let eta = beta.0 + beta.1 * RMath.cos(omega * t) + beta.2 * RMath.sin(omega * t)
    return Swift.max(RMath.exp(eta), RMath.doubleEpsilon)
  }

  /// Least squares min |A x - b| by Householder QR (A column-major, rows x columns);
  /// nil when A is rank deficient.
  static func householderSolve(
    _ a: inout [Double], _ b: inout [Double], rows n: Int, columns p: Int
  ) -> [Double]? {
    guard n >= p else { return nil }
    var diag = [Double](repeating: 0, count: p)
    var originalNorm = [Double](repeating: 0, count: p)
    for j in 0..<p {
      var ss = 0.0
      for i in 0..<n { ss += a[j * n + i] * a[j * n + i] }
      originalNorm[j] = ss.squareRoot()
    }
    for j in 0..<p {
      var ss = 0.0
      for i in j..<n { ss += a[j * n + i] * a[j * n + i] }
      var norm = ss.squareRoot()
      // R's dqrdc2 treats a column as dependent below 1e-7 of its original norm
      guard norm > 1e-7 * originalNorm[j], norm > 0 else { return nil }
      if a[j * n + j] < 0 { norm = -norm }
      for i in j..<n { a[j * n + i] /= norm }
      a[j * n + j] += 1
      for l in (j + 1)..<p {
        var dot = 0.0
        for i in j..<n { dot += a[j * n + i] * a[l * n + i] }
        let f = -dot / a[j * n + j]
        for i in j..<n { a[l * n + i] += f * a[j * n + i] }
      }
      var dot = 0.0
      for i in j..<n { dot += a[j * n + i] * b[i] }
      let f = -dot / a[j * n + j]
      for i in j..<n { b[i] += f * a[j * n + i] }
      diag[j] = -norm
    }
    var x = [Double](repeating: 0, count: p)
    for j in stride(from: p - 1, through: 0, by: -1) {
      var v = b[j]
      for l in (j + 1)..<p { v -= a[l * n + j] * x[l] }
      x[j] = v / diag[j]
    }
    return x
  }
}
