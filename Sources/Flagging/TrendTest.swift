import Detection

/// Rising: a structural rise beyond what the season and the history predict.
///
/// Over the window ending at a period, the residuals observed − expected (expected: the
/// reference Farrington model, whose seasonal factor and left-out recent weeks keep the
/// rise itself out of the baseline) are tested with Mann-Kendall. A rising signal needs
/// 1. an increasing trend at two-sided level `alpha`,
/// 2. a Theil-Sen slope (change per period, per year) of at least `minRisePerYear` times
///    the expected level per period (at least one registration a year as its floor), and
/// 3. at least `minCases` registrations above the expectation in the last quarter of the
///    window, significant at `alpha` as well: the rise is still there now.
public enum TrendTest {
  static func rising(_ s: [PeriodSignal], at i: Int, plan: IndicatorPlan) -> TrendEvidence? {
    let rule = plan.rising
    let w = rule.window
    guard i - w + 1 >= 0 else { return nil }
    var residuals: [Double] = []
    residuals.reserveCapacity(w)
    var expectedSum = 0.0
    for j in (i - w + 1)...i {
      guard let e = s[j].expected else { return nil }
      residuals.append(Double(s[j].observed) - e)
      expectedSum += e
    }
    let recent = max(1, (w + 3) / 4)
    var recentObserved = 0
    var recentExpected = 0.0
    for j in (i - recent + 1)...i {
      recentObserved += s[j].observed
      recentExpected += s[j].expected ?? 0
    }
    guard Double(recentObserved) - recentExpected >= Double(rule.minCases) else { return nil }
    // ... and significantly so (the reference model's dispersion, as the scans).
    var phi = 0.0
    for j in (i - recent + 1)...i { phi += s[j].phi ?? 1 }
    guard
      SignalBuilder.upperTail(recentObserved, mean: recentExpected, phi: phi / Double(recent))
        <= rule.alpha
    else { return nil }
    guard let mk = MannKendall.test(residuals, alpha: rule.alpha), mk.z > 0,
      mk.pValue < rule.alpha, let slope = mk.slope
    else { return nil }
    let frequency = Double(plan.frequency)
    let level = expectedSum / Double(w)
    let slopePerYear = slope * frequency
    guard slopePerYear > 0, slopePerYear >= rule.minRisePerYear * max(level, 1 / frequency)
    else { return nil }
    return TrendEvidence(
      window: w, pvalue: mk.pValue, slopePerYear: slopePerYear, expectedLevel: level,
      recentObserved: recentObserved, recentExpected: recentExpected)
  }
}
