import Detection

/// Elevated: an area's level well above the municipality's, for several periods.
///
/// Over a rolling window, the area's count is compared with what the municipal rate per
/// 1,000 of the indicator's denominator (inhabitants for `count` indicators) would give it
/// — the index of `LevelIndex` (100 = the municipal rate). A period qualifies when the
/// index is at least `band`, the window holds at least `minCases` registrations, and the
/// count is significantly above the municipal rate (one-sided Poisson test at `alpha`). An
/// elevated signal needs `periods` qualifying periods in a row. Areas whose denominator is
/// below the disclosure minimum population get no level (rates are not shown for them).
public enum LevelTest {
  static func apply(
    to signals: inout IndicatorSignals, data: IndicatorData, from lo: Int, minPopulation: Double
  ) {
    let rule = signals.plan.elevated
    let length = signals.count
    let areas = data.areas.filter { $0.denominator != nil }
    guard !areas.isEmpty, length > 0 else { return }
    for i in 0..<length {
      let end = lo + i
      let start = max(0, end - rule.window + 1)
      var counts: [Int] = []
      var denominators: [Double] = []
      for a in areas {
        counts.append(a.counts[start...end].reduce(0, +))
        let d = a.denominator.map { Array($0[start...end]) } ?? []
        denominators.append(d.isEmpty ? 0 : d.reduce(0, +) / Double(d.count))
      }
      let totalCount = Double(counts.reduce(0, +))
      let totalDenominator = denominators.reduce(0, +)
      guard totalCount > 0, totalDenominator > 0 else { continue }
      for (k, a) in areas.enumerated() where denominators[k] >= minPopulation {
        let expected = totalCount * denominators[k] / totalDenominator
        guard expected > 0 else { continue }
        let observed = counts[k]
        let index = 100 * Double(observed) / expected
        let p = observed > 0 ? Poisson.upperTail(Double(observed - 1), lambda: expected) : 1
        let qualifies = index >= rule.band && observed >= rule.minCases && p <= rule.alpha
        signals.byArea[a.area]?[i].level = LevelEvidence(
          window: end - start + 1, observed: observed, expected: expected, index: index,
          pvalue: p, qualifies: qualifies)
      }
    }
    for (area, var list) in signals.byArea {
      var run = 0
      for i in list.indices {
        run = list[i].level?.qualifies == true ? run + 1 : 0
        list[i].elevated = run >= rule.periods
      }
      signals.byArea[area] = list
    }
  }
}
