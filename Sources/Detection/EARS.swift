/// EARS C1, C2 and C3 as `earsC` of R `surveillance` 1.20.3.
///
/// C1: baseline y[t-b..t-1]; C2: y[t-b-2..t-3]; U = mean + qnorm(1 - alpha) * max(sd,
/// minSigma) with the sample sd; alarm iff observed > U (strict, as the code does).
/// C3 as implemented: U = max(0, y_t + sd_t (z - max(0, C2(t-1) - 1) - max(0, C2(t-2) - 1)))
/// where C2(i) = (y_i - mean_i) / max(sd_i, minSigma); a zero spread gives R's NaN/Inf and
/// here `nil` with reason `zeroVariance`.
public struct EARS: Sendable {
  public enum Method: String, Sendable, Hashable, CaseIterable {
    case c1 = "C1"
    case c2 = "C2"
    case c3 = "C3"
  }

  public struct Settings: Sendable, Hashable {
    public var method: Method
    public var baseline: Int = 7
    public var minSigma: Double = 0
    /// nil = the method's default: 0.001 for C1/C2, 0.025 for C3.
    public var alpha: Double?

    public init(method: Method, baseline: Int = 7, minSigma: Double = 0, alpha: Double? = nil) {
      self.method = method
      self.baseline = baseline
      self.minSigma = minSigma
      self.alpha = alpha
    }

    public var effectiveAlpha: Double { alpha ?? (method == .c3 ? 0.025 : 0.001) }

    public func validationErrors() -> [String] {
      var errors: [String] = []
      if minSigma < 0 { errors.append("minSigma must not be negative") }
      if baseline < 3 { errors.append("the minimum baseline is 3") }
      if let alpha, !(alpha > 0 && alpha < 1) {
        errors.append("alpha must lie strictly between 0 and 1")
      }
      return errors
    }

    /// Time points before t the statistic looks at.
    public var maxLag: Int {
      switch method {
      case .c1: baseline
      case .c2: baseline + 2
      case .c3: baseline + 4
      }
    }
  }

  public var settings: Settings
  public init(settings: Settings) { self.settings = settings }

  /// Outcomes for the 1-based time points in `range`. R refuses the whole call when the
  /// first time point lacks `maxLag` earlier points; here those time points get
  /// `insufficientHistory` and the others are computed.
  public func detect(_ series: CountSeries, range: ClosedRange<Int>) -> SeriesDetection {
    let z = Normal.quantile(1 - settings.effectiveAlpha)
    var outcomes: [DetectionOutcome] = []
    outcomes.reserveCapacity(range.count)
    for t in range {
      outcomes.append(evaluate(series, at: t, z: z))
    }
    return SeriesDetection(id: series.id, outcomes: outcomes)
  }

  /// Mean and sample sd of y[from...to] (1-based), NaN if any is missing.
  @inline(__always)
  private func moments(_ y: [Double], from: Int, to: Int) -> (mean: Double, sd: Double) {
    var sum = 0.0
    for i in from...to { sum += y[i - 1] }
    let count = Double(to - from + 1)
    let mean = sum / count
    var ss = 0.0
    for i in from...to {
      let d = y[i - 1] - mean
      ss += d * d
    }
    return (mean, (ss / (count - 1)).squareRoot())
  }

  private func evaluate(_ series: CountSeries, at t: Int, z: Double) -> DetectionOutcome {
    let y = series.observed
    let observed = series.value(at: t)
    guard t >= 1, t <= y.count else {
      return DetectionOutcome(timeIndex: t, observed: nil, reason: .outOfRange)
    }
    guard t - settings.maxLag >= 1 else {
      return DetectionOutcome(timeIndex: t, observed: observed, reason: .insufficientHistory)
    }
    let b = settings.baseline
    let upper: Double
    switch settings.method {
    case .c1, .c2:
      let lag = settings.method == .c1 ? 1 : 3
      let m = moments(y, from: t - lag - b + 1, to: t - lag)
      upper = m.mean + z * Swift.max(m.sd, settings.minSigma)
    case .c3:
      // C2 statistics of t-2, t-1 and the sd of t's C2 baseline
      func c2(_ i: Int) -> (stat: Double, sd: Double) {
        let m = moments(y, from: i - 3 - b + 1, to: i - 3)
        let sd = Swift.max(m.sd, settings.minSigma)
        return ((y[i - 1] - m.mean) / sd, sd)
      }
      let lag2 = c2(t - 2).stat
      let lag1 = c2(t - 1).stat
      let sdNow = c2(t).sd
      let value = y[t - 1] + sdNow * (z - (rPmax0(lag2 - 1) + rPmax0(lag1 - 1)))
      upper = value.isNaN ? .nan : Swift.max(0, value)
    }
    guard !upper.isNaN else {
      let reason: NotAvailableReason = anyMissing(y, t: t) ? .missingObservation : .zeroVariance
      return DetectionOutcome(timeIndex: t, observed: observed, reason: reason)
    }
    let yt = y[t - 1]
    let alarm: Bool? = yt.isNaN ? nil : yt > upper
    return DetectionOutcome(
      timeIndex: t, observed: observed, upperbound: upper, alarm: alarm,
      reason: yt.isNaN ? .missingObservation : nil)
  }

  /// R's `pmax(0, x)`, which keeps NaN.
  @inline(__always)
  private func rPmax0(_ x: Double) -> Double { x.isNaN ? x : Swift.max(0, x) }

  private func anyMissing(_ y: [Double], t: Int) -> Bool {
    for i in (t - settings.maxLag)...t where y[i - 1].isNaN { return true }
    return false
  }
}
