/// The Poisson CUSUM of R `surveillance` (`cusum` / `algo.cusum`, `trans = "standard"`).
///
/// In-control mean m: the mean of all observations before the range (`m: mean`) or a
/// Poisson GLM with one harmonic fitted on them (`m: glm`). z_t = (y_t - m_t) / sqrt(m_t),
/// S_t = max(0, S_{t-1} + z_t - k) from S = 0 before the first range point, alarm iff
/// S_t >= h, no reset after an alarm. upperbound = ceiling(sqrt(m_t) (h + k - S_{t-1}) +
/// m_t), clipped at 0: the cases needed for an alarm (alarm iff observed >= upperbound).
public struct CUSUM: Sendable {
  public enum InControlMean: String, Sendable, Hashable, CaseIterable {
    /// The mean of the observations before the range (R `m = NULL`).
    case mean
    /// A Poisson GLM `1 + cos(2 pi t / f) + sin(2 pi t / f)` on the observations before the
    /// range (R `m = "glm"`).
    case glm
  }

  public struct Settings: Sendable, Hashable {
    public var k: Double = 1.04
    public var h: Double = 2.26
    public var m: InControlMean = .mean
    public init(k: Double = 1.04, h: Double = 2.26, m: InControlMean = .mean) {
      self.k = k
      self.h = h
      self.m = m
    }
  }

  public var settings: Settings
  public init(settings: Settings = Settings()) { self.settings = settings }

  /// Runs the chart over the 1-based `range`; the history is every point before it.
  public func detect(_ series: CountSeries, range: ClosedRange<Int>) -> SeriesDetection {
    let y = series.observed
    let first = range.lowerBound
    func allNA(_ reason: NotAvailableReason, _ warnings: [DetectionWarning] = []) -> SeriesDetection
    {
      SeriesDetection(
        id: series.id,
        outcomes: range.map {
          DetectionOutcome(timeIndex: $0, observed: series.value(at: $0), reason: reason)
        }, warnings: warnings)
    }
    guard first >= 2 else { return allNA(.insufficientHistory) }
    if range.upperBound > y.count {
      return .beyondEnd(series.id, range: range, length: y.count) {
        detect(series, range: $0)
      }
    }
    let history = Array(y[0..<(first - 1)])
    if history.contains(where: \.isNaN)
      || y[(first - 1)..<range.upperBound].contains(where: \.isNaN)
    {
      return allNA(.missingObservation)
    }
    var warnings: [DetectionWarning] = []
    var m = [Double](repeating: 0, count: range.count)
    switch settings.m {
    case .mean:
      let mean = history.reduce(0, +) / Double(history.count)
      for i in m.indices { m[i] = mean }
    case .glm:
      let t = (1...history.count).map { Double(series.startPeriod + $0 - 1) }
      guard let model = HarmonicPoissonGLM.fit(y: history, t: t, period: series.frequency) else {
        return allNA(.notIdentifiable)
      }
      if !model.converged {
        warnings.append(
          DetectionWarning(timeIndex: nil, message: "glm.fit: algorithm did not converge"))
      }
      for (i, idx) in range.enumerated() {
        m[i] = model.mean(at: Double(series.startPeriod + idx - 1))
      }
    }
    let k = settings.k
    let h = settings.h
    var outcomes: [DetectionOutcome] = []
    outcomes.reserveCapacity(range.count)
    var previous = 0.0
    for (i, t) in range.enumerated() {
      let x = y[t - 1]
      let mt = m[i]
      let z = (x - mt) / mt.squareRoot()
      let sum = previous + (z - k)
      let s = sum.isNaN ? Double.nan : Swift.max(0, sum)  // R's max(0, NaN) is NaN
      var upper = (mt.squareRoot() * (h + k - previous) + mt).rounded(.up)
      if upper.isNaN || upper < 0 { upper = 0 }
      if s.isNaN || mt <= 0 {
        // R reports alarm NA and a made-up bound of 0 here (in-control mean zero or the
        // statistic undefined); we report no threshold at all.
        outcomes.append(
          DetectionOutcome(
            timeIndex: t, observed: x, expected: mt, reason: mt <= 0 ? .zeroVariance : .undefined))
      } else {
        outcomes.append(
          DetectionOutcome(
            timeIndex: t, observed: x, expected: mt, upperbound: upper, alarm: s >= h,
            statistic: s))
      }
      previous = s
    }
    return SeriesDetection(id: series.id, outcomes: outcomes, warnings: warnings)
  }
}
