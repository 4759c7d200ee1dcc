import Detection

extension DetectorSettings {
  /// These settings over `base`: every key set here wins, the others come from `base`. A
  /// different `method` starts from nothing instead (another method's keys do not carry
  /// over).
  public func layered(over base: DetectorSettings?) -> DetectorSettings {
    guard let base else { return self }
    if let method, let other = base.method, method != other { return self }
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
}

extension Pipeline {
  /// An indicator's detector settings: its own `detection` over `detection.default`
  /// (method `farringtonFlexible` when neither names one).
  public func detectorSettings(ofIndicator id: String) -> DetectorSettings {
    var s = (indicators[id]?.detection ?? DetectorSettings()).layered(over: detection?.default)
    if s.method == nil { s.method = .farringtonFlexible }
    return s
  }

  /// The detectors that raise spikes for an indicator: the flag rules' `detectors`
  /// (indicator's, else theme's), each over the indicator's settings; else the indicator's
  /// settings alone.
  public func spikeDetectors(ofIndicator id: String) -> [DetectorSettings] {
    let own = detectorSettings(ofIndicator: id)
    let theme = indicators[id]?.theme ?? ""
    let listed = flags?.indicators?[id]?.detectors ?? flags?.themes?[theme]?.detectors
    guard let listed, !listed.isEmpty else { return [own] }
    return listed.map { entry in
      var s = entry.layered(over: own)
      if s.method == nil { s.method = .farringtonFlexible }
      return s
    }
  }
}
