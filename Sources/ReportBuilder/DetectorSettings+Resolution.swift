import Detection
import PipelineSpec

extension DetectorSettings {
  /// These settings over `base`: every key set here wins, the rest comes from `base`.
  func over(_ base: DetectorSettings) -> DetectorSettings {
    var s = base
    if let method { s.method = method }
    if let b { s.b = b }
    if let w { s.w = w }
    if let reweight { s.reweight = reweight }
    if let weightsThreshold { s.weightsThreshold = weightsThreshold }
    if let pastWeeksNotIncluded { s.pastWeeksNotIncluded = pastWeeksNotIncluded }
    if let noPeriods { s.noPeriods = noPeriods }
    if let trend { s.trend = trend }
    if let pThresholdTrend { s.pThresholdTrend = pThresholdTrend }
    if let thresholdMethod { s.thresholdMethod = thresholdMethod }
    if let alpha { s.alpha = alpha }
    if let limit54 { s.limit54 = limit54 }
    if let powertrans { s.powertrans = powertrans }
    if let populationOffset { s.populationOffset = populationOffset }
    if let baseline { s.baseline = baseline }
    if let minSigma { s.minSigma = minSigma }
    if let k { s.k = k }
    if let h { s.h = h }
    if let m { s.m = m }
    if let cARL { s.cARL = cARL }
    if let dispersion { s.dispersion = dispersion }
    return s
  }

  /// The keys that are set, in the order the documentation lists them, as text.
  var listed: [(key: String, value: String)] {
    func text(_ d: Double) -> String {
      d == d.rounded() && abs(d) < 1e9 ? String(Int(d)) : "\(d)"
    }
    var out: [(String, String?)] = [
      ("b", b.map(String.init)), ("w", w.map(String.init)),
      ("reweight", reweight.map { "\($0)" }),
      ("weightsThreshold", weightsThreshold.map(text)),
      ("pastWeeksNotIncluded", pastWeeksNotIncluded.map(String.init)),
      ("noPeriods", noPeriods.map(String.init)), ("trend", trend.map { "\($0)" }),
      ("pThresholdTrend", pThresholdTrend.map(text)), ("thresholdMethod", thresholdMethod),
      ("alpha", alpha.map(text)),
      ("limit54", limit54.map { "[" + $0.map(String.init).joined(separator: ", ") + "]" }),
      ("powertrans", powertrans), ("populationOffset", populationOffset.map { "\($0)" }),
      ("baseline", baseline.map(String.init)), ("minSigma", minSigma.map(text)),
      ("k", k.map(text)), ("h", h.map(text)), ("m", m), ("cARL", cARL.map(text)),
      ("dispersion", dispersion),
    ]
    out.removeAll { $0.1 == nil }
    return out.map { ($0.0, $0.1 ?? "") }
  }
}

extension LoadedPipeline {
  /// The detector settings in effect for an indicator: its own over `detection.default`;
  /// the method defaults to `farringtonFlexible`.
  func detectorSettings(for indicator: Indicator) -> DetectorSettings {
    var base = spec.detection?.default ?? DetectorSettings()
    if base.method == nil { base.method = .farringtonFlexible }
    return (indicator.detection ?? DetectorSettings()).over(base)
  }
}
