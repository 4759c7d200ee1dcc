// Per-thread buffers of the grouped GLM and the tabled IRLS start values.

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
