import Testing

@testable import Detection

@Suite struct GroupedPoissonGLMTests {
  /// Loads rows (already sorted by group and time) into a workspace.
  func workspace(y: [Double], t: [Double], groups: [Int], prior: [Double]? = nil) -> GLMWorkspace {
    let ws = GLMWorkspace()
    let n = y.count
    let g = (groups.max() ?? 0) + 1
    ws.reserve(rows: n, groups: g + 1)
    ws.groupStart[0] = 0
    for k in 0..<g { ws.groupStart[k + 1] = ws.groupStart[k] + groups.filter { $0 == k }.count }
    for i in 0..<n {
      ws.y[i] = y[i]
      ws.t[i] = t[i]
      ws.group[i] = Int32(groups[i])
      ws.prior[i] = prior?[i] ?? 1
      ws.offset[i] = 0
    }
    ws.n = n
    ws.groups = g
    ws.hasOffset = false
    ws.prepareRows()
    return ws
  }

  /// A noisy seasonal design: 3 groups of runs of weeks, as Farrington builds them.
  func design(seed: UInt64, mean: Double) -> (y: [Double], t: [Double], groups: [Int]) {
    var state = seed
    func uniform() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / 9_007_199_254_740_992
    }
    var y: [Double] = []
    var t: [Double] = []
    var groups: [Int] = []
    for g in 0..<3 {
      for year in 0..<4 {
        for w in 0..<6 {
          let time = Double(-200 + 52 * year + 7 * g + w)
          let m = mean * (1 + 0.3 * Double(g)) * (1 + 0.002 * (time + 200))
          // crude Poisson draw by inversion
          var k = 0.0
          var p = uniform()
          let limit = RMath.exp(-m)
          while p > limit && k < 1000 {
            k += 1
            p *= uniform()
          }
          y.append(k)
          t.append(time)
          groups.append(g)
        }
      }
    }
    return (y, t, groups)
  }

  /// The aggregated passes (moments + Taylor steps, group-wise) give the same fit as the
  /// plain row-wise pass R's algorithm corresponds to (forced with a zero offset).
  @Test(arguments: [0.05, 0.4, 3.0, 40.0])
  func aggregatedPassesEqualRowwise(mean: Double) throws {
    for trend in [true, false] {
      let d = design(seed: UInt64(mean * 1000) + (trend ? 1 : 2), mean: mean)
      let fast = workspace(y: d.y, t: d.t, groups: d.groups)
      let slow = workspace(y: d.y, t: d.t, groups: d.groups)
      slow.hasOffset = true  // offsets are zero: row-wise mode, same model
      let a = GroupedPoissonGLM.fit(fast, trend: trend)
      let b = GroupedPoissonGLM.fit(slow, trend: trend)
      #expect(a.converged == b.converged)
      #expect(a.iterations == b.iterations)
      for i in 0..<fast.n {
        #expect(abs(fast.mu[i] - slow.mu[i]) <= 1e-12 * slow.mu[i], "mu[\(i)]")
        #expect(abs(fast.lastW[i] - slow.lastW[i]) <= 1e-12 * slow.lastW[i], "lastW[\(i)]")
      }
      #expect(abs(a.slope - b.slope) <= 1e-12 * max(abs(b.slope), 1e-3))
    }
  }

  /// All-zero responses: the closed form equals the general iteration (R: eta drops by 1
  /// per step until the deviance change is below 1e-8 relative).
  @Test(arguments: [5, 28, 133, 185, 237])
  func zeroFastPathEqualsGeneralLoop(n: Int) throws {
    let t = (0..<n).map { Double(-n - 26 + $0) }
    let fast = workspace(
      y: Array(repeating: 0, count: n), t: t, groups: Array(repeating: 0, count: n))
    let slow = workspace(
      y: Array(repeating: 0, count: n), t: t, groups: Array(repeating: 0, count: n))
    slow.allResponsesZero = false
    let a = GroupedPoissonGLM.fit(fast, trend: true)
    let b = GroupedPoissonGLM.fit(slow, trend: true)
    #expect(a.converged == b.converged)
    #expect(a.iterations == b.iterations)
    #expect(abs(fast.mu[0] - slow.mu[0]) <= 1e-9 * slow.mu[0])
    #expect(abs(fast.lastW[0] - slow.lastW[0]) <= 1e-9 * slow.lastW[0])
    // R: 25 iterations are not enough for long all-zero baselines
    if n >= 237 { #expect(!a.converged) } else { #expect(a.converged) }
  }

  @Test func dispersionIsPearsonWithWorkingWeights() {
    let d = design(seed: 7, mean: 5)
    let ws = workspace(y: d.y, t: d.t, groups: d.groups)
    let fit = GroupedPoissonGLM.fit(ws, trend: true)
    var pearson = 0.0
    for i in 0..<ws.n {
      let r = (ws.y[i] - ws.mu[i]) / ws.mu[i]
      pearson += ws.lastW[i] * r * r
    }
    #expect(fit.dfResidual == ws.n - 3 - 1)
    let value = GroupedPoissonGLM.dispersion(ws, fit, weights: ws.lastW)
    #expect(abs(value - pearson / Double(fit.dfResidual)) < 1e-12 * value)
  }

  @Test func hatValuesSumToTheRank() {
    let d = design(seed: 11, mean: 8)
    let ws = workspace(y: d.y, t: d.t, groups: d.groups)
    let fit = GroupedPoissonGLM.fit(ws, trend: true)
    let trace = (0..<ws.n).map { GroupedPoissonGLM.hat(ws, fit, $0) }.reduce(0, +)
    #expect(abs(trace - 4) < 1e-9)
  }
}
