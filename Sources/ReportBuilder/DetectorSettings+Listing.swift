import Detection
import PipelineSpec

extension DetectorSettings {
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
  /// the method defaults to `farringtonFlexible` (the run's layering, `layered(over:)`).
  func detectorSettings(for indicator: Indicator) -> DetectorSettings {
    var s = (indicator.detection ?? DetectorSettings()).layered(over: spec.detection?.default)
    if s.method == nil { s.method = .farringtonFlexible }
    return s
  }
}
