import Detection
import SafetyCore

extension LoadedPipeline {
  /// Detector settings that cannot be used (e.g. `limit54: [5]`), per indicator.
  func checkDetection(error: (String, [String]) -> Void) {
    if let d = spec.detection?.default {
      checkDetector(
        d.method == nil ? d.with(method: .farringtonFlexible) : d, ["detection", "default"], error)
    }
    for (id, indicator) in spec.indicators where indicator.detection != nil {
      checkDetector(spec.detectorSettings(ofIndicator: id), ["indicators", id, "detection"], error)
    }
  }

  /// The `flags:` section: ranges, references and kinds.
  func checkFlags(error: (String, [String]) -> Void, warning: (String, [String]) -> Void) {
    guard let flags = spec.flags else { return }
    let path = ["flags"]
    if let v = flags.evaluationWeeks, !(4...1040).contains(v) {
      error("evaluationWeeks must be between 4 and 1040, found \(v)", path + ["evaluationWeeks"])
    }
    if let v = flags.resolveAfterWeeks, !(1...52).contains(v) {
      error("resolveAfterWeeks must be between 1 and 52, found \(v)", path + ["resolveAfterWeeks"])
    }
    checkRules(
      spike: flags.spike, rising: flags.rising, elevated: flags.elevated,
      convergent: flags.convergent, path, error)
    if let c = flags.cluster {
      if let v = c.minAreas, v < 2 {
        error("minAreas must be at least 2, found \(v)", path + ["cluster", "minAreas"])
      }
      for kind in c.kinds ?? [] where kind == .cluster {
        error("a cluster cannot be made of clusters", path + ["cluster", "kinds"])
      }
    }
    for (theme, rule) in flags.themes ?? KeyedList() {
      let p = path + ["themes", theme]
      if spec.themes[theme] == nil {
        error(
          "unknown theme '\(theme)'; known: \(spec.themes.keys.joined(separator: ", "))", p)
      }
      checkRule(rule, p, themeRule: true, error)
    }
    for (id, rule) in flags.indicators ?? KeyedList() {
      let p = path + ["indicators", id]
      if spec.indicators[id] == nil {
        error(
          "unknown indicator '\(id)'; known: \(spec.indicators.keys.joined(separator: ", "))", p)
        continue
      }
      checkRule(rule, p, themeRule: false, error)
      for (n, settings) in spec.spikeDetectors(ofIndicator: id).enumerated()
      where rule.detectors != nil {
        checkDetector(settings, p + ["detectors", "\(n)"], error)
      }
    }
    for (theme, rule) in flags.themes ?? KeyedList() where rule.detectors != nil {
      for (id, indicator) in spec.indicators
      where indicator.theme == theme && flags.indicators?[id]?.detectors == nil {
        for (n, settings) in spec.spikeDetectors(ofIndicator: id).enumerated() {
          checkDetector(settings, path + ["themes", theme, "detectors", "\(n)"], error)
        }
      }
    }
  }

  private func checkRule(
    _ rule: FlagRule, _ path: [String], themeRule: Bool, _ error: (String, [String]) -> Void
  ) {
    for kind in rule.kinds ?? [] where !themeRule && (kind == .convergent || kind == .cluster) {
      error(
        "'\(kind.rawValue)' is decided per theme; set it under flags.themes", path + ["kinds"])
    }
    if !themeRule, rule.convergent != nil {
      error("convergence is decided per theme; set it under flags.themes", path + ["convergent"])
    }
    if rule.detectors?.isEmpty == true {
      error("list at least one detector, or leave 'detectors' out", path + ["detectors"])
    }
    checkRules(
      spike: rule.spike, rising: rule.rising, elevated: rule.elevated,
      convergent: rule.convergent, path, error)
  }

  private func checkRules(
    spike: SpikeRule?, rising: RisingRule?, elevated: ElevatedRule?,
    convergent: ConvergenceRule?, _ path: [String], _ error: (String, [String]) -> Void
  ) {
    func atLeast(_ value: Int?, _ minimum: Int, _ key: [String]) {
      if let value, value < minimum {
        error("\(key.last ?? "") must be at least \(minimum), found \(value)", path + key)
      }
    }
    func probability(_ value: Double?, _ key: [String]) {
      if let value, !(value > 0 && value < 1) {
        error("\(key.last ?? "") must be between 0 and 1 (exclusive), found \(value)", path + key)
      }
    }
    atLeast(spike?.minCases, 1, ["spike", "minCases"])
    atLeast(rising?.windowWeeks, 8, ["rising", "windowWeeks"])
    atLeast(rising?.windowMonths, 6, ["rising", "windowMonths"])
    probability(rising?.alpha, ["rising", "alpha"])
    if let v = rising?.minRisePerYear, v < 0 {
      error("minRisePerYear must not be negative, found \(v)", path + ["rising", "minRisePerYear"])
    }
    atLeast(rising?.minCases, 1, ["rising", "minCases"])
    atLeast(rising?.periods, 1, ["rising", "periods"])
    if let v = elevated?.band, v <= 100 {
      error(
        "band must be above 100 (the municipal level), found \(v)", path + ["elevated", "band"])
    }
    atLeast(elevated?.periods, 1, ["elevated", "periods"])
    atLeast(elevated?.windowWeeks, 1, ["elevated", "windowWeeks"])
    atLeast(elevated?.windowMonths, 1, ["elevated", "windowMonths"])
    probability(elevated?.alpha, ["elevated", "alpha"])
    atLeast(elevated?.minCases, 1, ["elevated", "minCases"])
    atLeast(convergent?.minSources, 2, ["convergent", "minSources"])
    atLeast(convergent?.windowWeeks, 1, ["convergent", "windowWeeks"])
    probability(convergent?.softAlpha, ["convergent", "softAlpha"])
    probability(convergent?.alpha, ["convergent", "alpha"])
    atLeast(convergent?.minCases, 1, ["convergent", "minCases"])
  }

  private func checkDetector(
    _ settings: DetectorSettings, _ path: [String], _ error: (String, [String]) -> Void
  ) {
    do {
      _ = try DetectionAlgorithm(method: settings.method ?? .farringtonFlexible, settings: settings)
    } catch let problem {
      error(problem.description, path)
    }
  }
}

extension DetectorSettings {
  func with(method: DetectorMethod) -> DetectorSettings {
    var s = self
    s.method = method
    return s
  }
}
