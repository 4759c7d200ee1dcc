import Detection
import SafetyCore

/// The detector output of one indicator for every area, over the periods the replay needs.
public struct IndicatorSignals: Sendable {
  public var plan: IndicatorPlan
  /// The period of `byArea[...][0]`.
  public var start: Period
  /// Area code → one signal per period from `start` on.
  public var byArea: [String: [PeriodSignal]]
  /// Area code → counts per source over the same periods (indicators with several sources).
  public var bySource: [String: [String: [Int]]]
  /// Area code → each source's share of the area's counts before `start` (its history).
  public var historicShares: [String: [String: Double]]

  /// The period of index `i`.
  public func period(_ i: Int) -> Period { start.advanced(by: i) }
  public var count: Int { byArea.values.first?.count ?? 0 }
}

/// Runs the detectors and derives the per-period signals: spikes (alarms), soft scan
/// evidence for convergence, rising trends and levels against the municipality.
public enum SignalBuilder {
  /// Signals for the series indices `range` of `data` (the replay's periods). The reference
  /// model is also run over the rising window before the range, which trends need.
  public static func signals(
    _ data: IndicatorData, range: ClosedRange<Int>, convergence: ConvergenceParameters,
    minPopulation: Double, parallel: Bool = true
  ) -> IndicatorSignals {
    let plan = data.plan
    let lo = max(0, range.lowerBound - plan.rising.window - plan.rising.periods + 2)
    let hi = range.upperBound
    let areas = data.areas
    let series = areas.map {
      CountSeries(
        id: $0.area, counts: $0.counts.map { Optional($0) }, frequency: plan.frequency,
        startPeriod: startPeriod(data.first))
    }
    // Detection ranges are 1-based.
    let detectRange = (lo + 1)...(hi + 1)
    let reference = DetectionAlgorithm.farringtonFlexible(plan.reference)
    let referenceResults = detectWithAvailableHistory(
      reference, series, range: detectRange, frequency: plan.frequency, parallel: parallel)
    var detectorResults: [[SeriesDetection]] = []
    for detector in plan.detectors {
      if detector == reference {
        detectorResults.append(referenceResults)
      } else {
        detectorResults.append(
          detectWithAvailableHistory(
            detector, series, range: detectRange, frequency: plan.frequency, parallel: parallel))
      }
    }
    var byArea: [String: [PeriodSignal]] = [:]
    var bySource: [String: [String: [Int]]] = [:]
    var shares: [String: [String: Double]] = [:]
    let spikeOn = plan.kinds.contains(.spike)
    for (a, area) in areas.enumerated() {
      var out: [PeriodSignal] = []
      out.reserveCapacity(hi - lo + 1)
      for i in lo...hi {
        let r = referenceResults[a].outcomes[i - lo]
        var s = PeriodSignal(
          observed: area.counts[i], expected: r.farrington?.predictedMean, pvalue: r.pvalue,
          phi: r.farrington?.phi)
        if let first = detectorResults.first?[a].outcomes[i - lo] {
          s.upperbound = first.upperbound
          s.reason = first.upperbound == nil ? (first.reason ?? r.reason) : nil
        }
        s.alarm = detectorResults.contains { $0[a].outcomes[i - lo].alarm == true }
        // An alarm is a spike with enough registrations, and only when the count is also
        // unusual under the seasonal reference model: a detector whose own model misfits
        // the series (GLR and CUSUM have no trend) cannot raise a spike on its own.
        s.spike =
          spikeOn && s.alarm && s.observed >= plan.spike.minCases
          && (s.pvalue ?? 1) <= plan.spike.maxPValue
        out.append(s)
      }
      if plan.kinds.contains(.convergent) {
        for i in out.indices { out[i].scan = scan(out, at: i, plan: plan, convergence) }
      }
      if plan.kinds.contains(.rising) {
        // A trend is a signal once it has held for `periods` periods in a row.
        var run = 0
        for i in out.indices where lo + i >= range.lowerBound - plan.rising.periods + 1 {
          let r = TrendTest.rising(out, at: i, plan: plan)
          run = r == nil ? 0 : run + 1
          if lo + i >= range.lowerBound, run >= plan.rising.periods { out[i].rising = r }
        }
      }
      if area.bySource.count > 1 {
        bySource[area.area] = area.bySource.mapValues { Array($0[lo...hi]) }
        var totals: [String: Double] = [:]
        for (source, counts) in area.bySource {
          totals[source] = Double(counts[0..<lo].reduce(0, +))
        }
        let sum = totals.values.reduce(0, +)
        if sum > 0 {
          let share = totals.mapValues { $0 / sum }
          shares[area.area] = share
          // Several partners feed this indicator: each one's soft evidence on its own (its
          // historic share of the expectation), so two partners are two signals.
          if plan.kinds.contains(.convergent) {
            for (source, counts) in area.bySource.sorted(by: { $0.key < $1.key }) {
              guard let f = share[source], f > 0 else { continue }
              var part = out
              for i in part.indices {
                part[i].observed = counts[lo + i]
                part[i].expected = out[i].expected.map { $0 * f }
              }
              for i in out.indices {
                if let e = scan(part, at: i, plan: plan, convergence) {
                  out[i].sourceScans[source] = e
                }
              }
            }
          }
        }
      }
      byArea[area.area] = out
    }
    var result = IndicatorSignals(
      plan: plan, start: data.first.advanced(by: lo), byArea: byArea, bySource: bySource,
      historicShares: shares)
    if plan.kinds.contains(.elevated) {
      LevelTest.apply(to: &result, data: data, from: lo, minPopulation: minPopulation)
    }
    return result
  }

  /// The period number of `first` within its year (R `sts@start[2]`), for CUSUM's harmonics.
  static func startPeriod(_ first: Period) -> Int {
    switch first.kind {
    case .week: ISOWeek(index: first.ordinal).week
    case .month: first.firstDay.month
    case .quarter: (first.firstDay.month - 1) / 3 + 1
    case .year: 1
    }
  }

  /// Scan lengths in base periods that fit in the convergence window.
  static func scanLengths(_ plan: IndicatorPlan, _ c: ConvergenceParameters) -> [Int] {
    let limit: Int
    switch plan.period {
    case .week: limit = c.windowWeeks
    case .month: limit = max(1, Int((Double(c.windowWeeks) * 12 / 52).rounded()))
    case .quarter, .year: limit = 1
    }
    var lengths: [Int] = []
    var k = 1
    while k <= limit {
      lengths.append(k)
      k *= 2
    }
    if let last = lengths.last, last < limit { lengths.append(limit) }
    return lengths
  }

  /// The most significant recent excess at index `i`: for each scan length, the count over
  /// the last k periods against the reference model's expectation (negative binomial with
  /// the model's dispersion, Poisson when it is 1); the smallest p-value times the number
  /// of scans (Bonferroni).
  static func scan(
    _ s: [PeriodSignal], at i: Int, plan: IndicatorPlan, _ c: ConvergenceParameters
  ) -> ScanEvidence? {
    let lengths = scanLengths(plan, c)
    var best: ScanEvidence?
    for k in lengths where i - k + 1 >= 0 {
      var observed = 0
      var expected = 0.0
      var phi = 0.0
      var complete = true
      for j in (i - k + 1)...i {
        guard let e = s[j].expected, let f = s[j].phi else {
          complete = false
          break
        }
        observed += s[j].observed
        expected += e
        phi += f
      }
      guard complete, observed > 0, Double(observed) > expected else { continue }
      let p = upperTail(observed, mean: expected, phi: phi / Double(k))
      if best == nil || p < best?.pvalue ?? 1 {
        best = ScanEvidence(periods: k, observed: observed, expected: expected, pvalue: p)
      }
    }
    guard var b = best else { return nil }
    b.pvalue = min(1, b.pvalue * Double(lengths.count))
    return b
  }

  /// P(Y >= y) for a count with mean `mean` and dispersion `phi` (variance phi x mean):
  /// negative binomial, Poisson when phi is 1.
  static func upperTail(_ y: Int, mean: Double, phi: Double) -> Double {
    guard mean > 0 else { return y > 0 ? 0 : 1 }
    if phi > 1 + 1e-9 {
      return NegativeBinomial.upperTail(Double(y - 1), size: mean / (phi - 1), prob: 1 / phi)
    }
    return Poisson.upperTail(Double(y - 1), lambda: mean)
  }
}
