import Testing

@testable import Detection

@Suite struct GLMWorkspaceTests {
  /// The tabled IRLS start values equal the formulas for every count.
  @Test func startTableEqualsFormulas() {
    for y in [0.0, 1, 2, 7, 100, 4095] {
      let tabled = IRLSStart.values(y)
      let direct = IRLSStart.compute(y)
      #expect(tabled.eta == direct.eta && tabled.mu == direct.mu)
      #expect(tabled.deviance == direct.deviance && tabled.yLogY == direct.yLogY)
      #expect(tabled.twoThirds == rPow(y, 2.0 / 3.0))
    }
    #expect(IRLSStart.values(5000).twoThirds == rPow(5000, 2.0 / 3.0))
    #expect(IRLSStart.values(0).eta == RMath.log(0.1))
  }

  @Test func powerTablesReproduceExponentials() {
    let ws = GLMWorkspace()
    let t: [Double] = [-211, -210, -205, -160, -159, -100, -27]
    ws.reserve(rows: t.count, groups: 2)
    ws.groupStart[0] = 0
    ws.groupStart[1] = t.count
    for (i, v) in t.enumerated() {
      ws.y[i] = Double(i % 3)
      ws.t[i] = v
      ws.group[i] = 0
      ws.prior[i] = 1
    }
    ws.n = t.count
    ws.groups = 1
    ws.prepareRows()
    #expect(ws.tMin == -211 && ws.tCentre == -119 && ws.maxAbsV == 92)
    #expect(!ws.allResponsesZero)
    let beta = UnsafeMutablePointer<Double>.allocate(capacity: 1)
    defer { beta.deallocate() }
    beta[0] = -1.3
    let out = UnsafeMutablePointer<Double>.allocate(capacity: t.count)
    defer { out.deallocate() }
    for slope in [0.0, 0.004, -0.02] {
      GroupedPoissonGLM.exponentials(ws, beta: beta, slope: slope, scale: 1, into: out)
      for (i, v) in t.enumerated() {
        let exact = RMath.exp(-1.3 + slope * v)
        #expect(abs(out[i] - exact) <= 1e-14 * exact)
      }
    }
  }
}
