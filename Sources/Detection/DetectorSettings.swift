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

  public init(method: DetectorMethod? = nil) { self.method = method }
}
