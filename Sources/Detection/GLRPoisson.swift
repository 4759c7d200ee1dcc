/// The Poisson GLR detector for an increase of the intercept, as `glrpois` of R
/// `surveillance` 1.20.3 (`change = "intercept"`, `dir = "inc"`, `Mtilde = 1`, `M = -1`).
///
/// mu0_t comes from a Poisson GLM with one harmonic fitted on the points before the range
/// (t = 1 ... first - 1, period = frequency). GLR_n = max over change points k of
/// kappa sum(x) + (1 - exp(kappa)) sum(mu0) over k..n with kappa = max(0, log(sum x / sum
/// mu0)); alarm iff GLR_n >= cARL, after which the detector restarts with the next point.
/// upperbound = the smallest count at n (searched from 0 up) that would give an alarm.
public struct GLRPoisson: Sendable {
  public struct Settings: Sendable, Hashable {
    /// The alarm threshold (R `c.ARL`).
    public var cARL: Double = 5
    public init(cARL: Double = 5) { self.cARL = cARL }
  }

  public var settings: Settings
  public init(settings: Settings = Settings()) { self.settings = settings }

  public func detect(_ series: CountSeries, range: ClosedRange<Int>) -> SeriesDetection {
    let y = series.observed
    let first = range.lowerBound
    func allNA(_ reason: NotAvailableReason) -> SeriesDetection {
      SeriesDetection(
        id: series.id,
        outcomes: range.map {
          DetectionOutcome(timeIndex: $0, observed: series.value(at: $0), reason: reason)
        })
    }
    guard first >= 2 else { return allNA(.insufficientHistory) }
    if range.upperBound > y.count {
      return .beyondEnd(series.id, range: range, length: y.count) {
        detect(series, range: $0)
      }
    }
    if y[0..<range.upperBound].contains(where: \.isNaN) { return allNA(.missingObservation) }
    let history = Array(y[0..<(first - 1)])
    let t = (1...history.count).map(Double.init)
    guard let model = HarmonicPoissonGLM.fit(y: history, t: t, period: series.frequency) else {
      return allNA(.notIdentifiable)
    }
    var warnings: [DetectionWarning] = []
    if !model.converged {
      warnings.append(
        DetectionWarning(timeIndex: nil, message: "glm.fit: algorithm did not converge"))
    }
    let mu0 = range.map { model.mean(at: Double($0)) }
    // R passes as.integer(x): counts are truncated towards zero
    var x = range.map { y[$0 - 1].rounded(.towardZero) }
    let c = settings.cARL
    var outcomes: [DetectionOutcome] = []
    outcomes.reserveCapacity(range.count)
    var runStart = 0
    for (n, idx) in range.enumerated() {
      let value = glr(x, mu0, from: runStart, to: n)
      // cases: the smallest x_n >= 0 with GLR >= c, given the run's earlier points
      let saved = x[n]
      var cases = -1.0
      var statistic = c - 1
      while statistic < c {
        cases += 1
        x[n] = cases
        statistic = glr(x, mu0, from: runStart, to: n)
      }
      x[n] = saved
      let alarm = value >= c
      outcomes.append(
        DetectionOutcome(
          timeIndex: idx, observed: y[idx - 1], expected: mu0[n], upperbound: cases, alarm: alarm,
          statistic: value))
      if alarm { runStart = n + 1 }
    }
    return SeriesDetection(id: series.id, outcomes: outcomes, warnings: warnings)
  }

  /// max over k in [from, n] of the log-likelihood ratio for the change point k.
  @inline(__always)
  private func glr(_ x: [Double], _ mu0: [Double], from: Int, to n: Int) -> Double {
    var sumX = 0.0
    var sumMu = 0.0
    var best = -1e99
    var k = n
    while k >= from {
      sumX += x[k]
      sumMu += mu0[k]
      let kappa = Swift.max(0, RMath.log(sumX / sumMu))
      let value = kappa * sumX + (1 - RMath.exp(kappa)) * sumMu
      if value > best { best = value }
      k -= 1
    }
    return best
  }
}
