/// The detection algorithms, by the names the reference package (R `surveillance`) uses.
public enum DetectorMethod: String, Sendable, Hashable, Codable, CaseIterable {
  case farringtonFlexible, earsC1, earsC2, earsC3, cusum, glrpois
}

/// Detector settings as written in a pipeline file (`detection:`) or a `detect --settings`
/// YAML file. Keys are the reference package's control names; a missing key takes the
/// reference package's default for the method (see `docs/DETECTION.md`).
public struct DetectorSettings: Sendable, Hashable, Codable {
  /// Which algorithm; optional in a `--settings` file (the command names it).
  public var method: DetectorMethod?

  // farringtonFlexible
  public var b: Int?
  public var w: Int?
  public var reweight: Bool?
  public var weightsThreshold: Double?
  public var pastWeeksNotIncluded: Int?
  public var noPeriods: Int?
  public var trend: Bool?
  public var pThresholdTrend: Double?
  /// `delta` (Farrington 1996) or `nbPlugin` (Noufaily 2013).
  public var thresholdMethod: String?
  public var alpha: Double?
  /// `[cases, weeks]`, e.g. `[5, 4]`.
  public var limit54: [Int]?
  /// `"2/3"`, `"1/2"` or `"none"`.
  public var powertrans: String?
  public var populationOffset: Bool?

  // earsC1 / earsC2 / earsC3
  public var baseline: Int?
  public var minSigma: Double?

  // cusum
  public var k: Double?
  public var h: Double?
  /// In-control mean: `mean` (constant) or `glm` (harmonic Poisson GLM).
  public var m: String?

  // glrpois
  public var cARL: Double?

  /// farringtonFlexible: `package` (default, R's dispersion in the trend test and the
  /// prediction's standard error) or `corrected` (the model's phi). Not an R control name:
  /// the reference package has no such switch (see docs/DETECTION.md).
  public var dispersion: String?

  public init(method: DetectorMethod? = nil) { self.method = method }

  /// Every key a settings file may contain.
  public static let keys: Set<String> = [
    "method", "b", "w", "reweight", "weightsThreshold", "pastWeeksNotIncluded", "noPeriods",
    "trend", "pThresholdTrend", "thresholdMethod", "alpha", "limit54", "powertrans",
    "populationOffset", "baseline", "minSigma", "k", "h", "m", "cARL", "dispersion",
  ]
}

/// A setting that cannot be used, naming the key.
public struct DetectorSettingsError: Error, Sendable, Hashable, CustomStringConvertible {
  public var key: String
  public var message: String
  public init(key: String, message: String) {
    self.key = key
    self.message = message
  }
  public var description: String { "\(key): \(message)" }
}

extension DetectorSettings {
  /// The typed farringtonFlexible settings (reference defaults for missing keys).
  public func farrington() throws(DetectorSettingsError) -> FarringtonSettings {
    var f = FarringtonSettings()
    if let b { f.b = b }
    if let w { f.w = w }
    if let reweight { f.reweight = reweight }
    if let weightsThreshold { f.weightsThreshold = weightsThreshold }
    if let alpha { f.alpha = alpha }
    if let trend { f.trend = trend }
    if let pThresholdTrend { f.pThresholdTrend = pThresholdTrend }
    if let limit54 {
      guard limit54.count == 2 else {
        throw DetectorSettingsError(
          key: "limit54", message: "expected [cases, periods], e.g. [5, 4]")
      }
      f.limit54Cases = limit54[0]
      f.limit54Periods = limit54[1]
    }
    if let powertrans {
      guard let p = FarringtonSettings.PowerTransform(rawValue: powertrans) else {
        throw DetectorSettingsError(
          key: "powertrans", message: "expected \"2/3\", \"1/2\" or \"none\", got \"\(powertrans)\""
        )
      }
      f.powertrans = p
    }
    if let populationOffset { f.populationOffset = populationOffset }
    if let noPeriods { f.noPeriods = noPeriods }
    if let pastWeeksNotIncluded { f.pastWeeksNotIncluded = pastWeeksNotIncluded }
    if let thresholdMethod {
      guard let t = FarringtonSettings.ThresholdMethod(rawValue: thresholdMethod) else {
        throw DetectorSettingsError(
          key: "thresholdMethod", message: "expected delta or nbPlugin, got \"\(thresholdMethod)\"")
      }
      f.thresholdMethod = t
    }
    if let dispersion {
      guard let d = FarringtonSettings.Dispersion(rawValue: dispersion) else {
        throw DetectorSettingsError(
          key: "dispersion", message: "expected package or corrected, got \"\(dispersion)\"")
      }
      f.dispersion = d
    }
    if let problem = f.validationErrors().first {
      throw DetectorSettingsError(key: "farringtonFlexible", message: problem)
    }
    return f
  }

  /// The typed EARS settings for one of C1, C2, C3.
  public func ears(_ method: EARS.Method) throws(DetectorSettingsError) -> EARS.Settings {
    var e = EARS.Settings(method: method)
    if let baseline { e.baseline = baseline }
    if let minSigma { e.minSigma = minSigma }
    if let alpha { e.alpha = alpha }
    if let problem = e.validationErrors().first {
      throw DetectorSettingsError(key: "ears\(method.rawValue)", message: problem)
    }
    return e
  }

  /// The typed CUSUM settings.
  public func cusum() throws(DetectorSettingsError) -> CUSUM.Settings {
    var c = CUSUM.Settings()
    if let k { c.k = k }
    if let h { c.h = h }
    if let m {
      guard let mean = CUSUM.InControlMean(rawValue: m) else {
        throw DetectorSettingsError(key: "m", message: "expected mean or glm, got \"\(m)\"")
      }
      c.m = mean
    }
    return c
  }

  /// The typed GLR settings.
  public func glrpois() throws(DetectorSettingsError) -> GLRPoisson.Settings {
    var g = GLRPoisson.Settings()
    if let cARL {
      guard cARL > 0 else { throw DetectorSettingsError(key: "cARL", message: "must be positive") }
      g.cARL = cARL
    }
    return g
  }
}
