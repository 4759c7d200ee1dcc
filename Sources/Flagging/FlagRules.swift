import Detection
import PipelineSpec
import SafetyCore

/// The flag rules of a pipeline, resolved: every default filled in, every detector built.
/// Defaults (documented in docs/FLAGS.md) live here and nowhere else.
public struct FlagRules: Sendable {
  /// Weeks replayed up to the last complete week.
  public var evaluationWeeks: Int
  /// Weeks without any signal after which a flag is resolved.
  public var resolveAfterWeeks: Int
  public var cluster: ClusterParameters
  /// Per indicator, in pipeline order.
  public var indicators: [IndicatorPlan]
  /// Per theme, in pipeline order.
  public var themes: [ThemePlan]

  public init(
    evaluationWeeks: Int = 104, resolveAfterWeeks: Int = 4,
    cluster: ClusterParameters = ClusterParameters(), indicators: [IndicatorPlan],
    themes: [ThemePlan]
  ) {
    self.evaluationWeeks = evaluationWeeks
    self.resolveAfterWeeks = resolveAfterWeeks
    self.cluster = cluster
    self.indicators = indicators
    self.themes = themes
  }

  /// Resolves a pipeline's rules. Throws when a detector's settings cannot be used
  /// (`validate` reports the same with a position).
  public init(pipeline p: Pipeline) throws(FlagRulesError) {
    let f = p.flags ?? FlagsConfig()
    evaluationWeeks = f.evaluationWeeks ?? 104
    resolveAfterWeeks = f.resolveAfterWeeks ?? 4
    cluster = ClusterParameters(f.cluster)
    var plans: [IndicatorPlan] = []
    for (id, indicator) in p.indicators {
      let themeRule = f.themes?[indicator.theme]
      let rule = f.indicators?[id]
      let period = p.basePeriod(ofIndicator: id)
      var detectors: [DetectionAlgorithm] = []
      var methods: [DetectorMethod] = []
      for settings in p.spikeDetectors(ofIndicator: id) {
        let method = settings.method ?? .farringtonFlexible
        do {
          detectors.append(try DetectionAlgorithm(method: method, settings: settings))
          methods.append(method)
        } catch {
          throw FlagRulesError(indicator: id, message: error.description)
        }
      }
      // The reference model (expected counts, p-values, residuals): the first Farrington
      // detector, else Farrington with the indicator's settings where they are Farrington's.
      var reference: FarringtonSettings?
      for d in detectors {
        if case .farringtonFlexible(let s) = d {
          reference = s
          break
        }
      }
      if reference == nil {
        var s = p.detectorSettings(ofIndicator: id)
        s.method = .farringtonFlexible
        reference = (try? s.farrington()) ?? FarringtonSettings.noufaily2013
      }
      let kinds =
        rule?.kinds ?? themeRule?.kinds ?? [.spike, .rising, .elevated, .convergent]
      let sources = indicator.from.keys.map { source in
        SourceRef(id: source, partner: p.sources[source]?.partner ?? source)
      }
      plans.append(
        IndicatorPlan(
          id: id, name: indicator.name, nameEn: indicator.nameEn, theme: indicator.theme,
          subtheme: indicator.subtheme, period: period,
          level: p.detectionLevel(ofIndicator: id), unit: indicator.unit ?? .count,
          sources: sources, detectors: detectors, methods: methods,
          reference: reference ?? FarringtonSettings.noufaily2013,
          kinds: Set(kinds.filter { $0 != .cluster }),
          spike: SpikeParameters(rule?.spike, themeRule?.spike, f.spike),
          rising: RisingParameters(rule?.rising, themeRule?.rising, f.rising, period: period),
          elevated: ElevatedParameters(
            rule?.elevated, themeRule?.elevated, f.elevated, period: period)))
    }
    indicators = plans
    themes = p.themes.map { id, theme in
      let rule = f.themes?[id]
      let kinds = rule?.kinds ?? FlagKind.allCases
      return ThemePlan(
        id: id, name: theme.name, nameEn: theme.nameEn, kinds: Set(kinds),
        convergence: ConvergenceParameters(rule?.convergent, f.convergent))
    }
  }

  /// The plan of an indicator by id.
  public func indicator(_ id: String) -> IndicatorPlan? { indicators.first { $0.id == id } }
  public func theme(_ id: String) -> ThemePlan? { themes.first { $0.id == id } }
}

/// A detector setting that cannot be used.
public struct FlagRulesError: Error, Sendable, CustomStringConvertible {
  public var indicator: String
  public var message: String
  public var description: String { "indicator '\(indicator)': \(message)" }
}

/// A source feeding an indicator, with its partner.
public struct SourceRef: Sendable, Hashable, Codable {
  public var id: String
  public var partner: String
  public init(id: String, partner: String) {
    self.id = id
    self.partner = partner
  }
}

/// How one indicator is watched.
public struct IndicatorPlan: Sendable {
  public var id: String
  public var name: String
  public var nameEn: String?
  public var theme: String
  public var subtheme: String?
  public var period: PeriodKind
  public var level: AreaLevel
  public var unit: IndicatorUnit
  public var sources: [SourceRef]
  /// Spike detectors (a spike when any alarms) and their method names.
  public var detectors: [DetectionAlgorithm]
  public var methods: [DetectorMethod]
  /// The model for expected counts, p-values and residuals.
  public var reference: FarringtonSettings
  /// Kinds this indicator may raise or contribute to: spike, rising, elevated, convergent.
  public var kinds: Set<FlagKind>
  public var spike: SpikeParameters
  public var rising: RisingParameters
  public var elevated: ElevatedParameters

  public init(
    id: String, name: String, nameEn: String? = nil, theme: String, subtheme: String? = nil,
    period: PeriodKind, level: AreaLevel, unit: IndicatorUnit, sources: [SourceRef],
    detectors: [DetectionAlgorithm], methods: [DetectorMethod], reference: FarringtonSettings,
    kinds: Set<FlagKind>, spike: SpikeParameters, rising: RisingParameters,
    elevated: ElevatedParameters
  ) {
    self.id = id
    self.name = name
    self.nameEn = nameEn
    self.theme = theme
    self.subtheme = subtheme
    self.period = period
    self.level = level
    self.unit = unit
    self.sources = sources
    self.detectors = detectors
    self.methods = methods
    self.reference = reference
    self.kinds = kinds
    self.spike = spike
    self.rising = rising
    self.elevated = elevated
  }

  /// Periods per year (52 weekly, 12 monthly, 4 quarterly, 1 yearly).
  public var frequency: Int {
    switch period {
    case .week: 52
    case .month: 12
    case .quarter: 4
    case .year: 1
    }
  }

  /// The partners of the indicator's sources, without repeats, in source order.
  public var partners: [String] {
    sources.map(\.partner).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
  }
}

/// Focus-theme rules: which kinds, and convergence.
public struct ThemePlan: Sendable {
  public var id: String
  public var name: String
  public var nameEn: String?
  public var kinds: Set<FlagKind>
  public var convergence: ConvergenceParameters
  public init(
    id: String, name: String, nameEn: String? = nil, kinds: Set<FlagKind> = Set(FlagKind.allCases),
    convergence: ConvergenceParameters = ConvergenceParameters()
  ) {
    self.id = id
    self.name = name
    self.nameEn = nameEn
    self.kinds = kinds
    self.convergence = convergence
  }
}

public struct SpikeParameters: Sendable, Hashable {
  public var minCases: Int
  public init(minCases: Int = 3) { self.minCases = minCases }
  init(_ rules: SpikeRule?...) {
    self.init(minCases: rules.lazy.compactMap { $0?.minCases }.first ?? 3)
  }
}

public struct RisingParameters: Sendable, Hashable {
  /// Window in base periods.
  public var window: Int
  public var alpha: Double
  public var minRisePerYear: Double
  public var minCases: Int
  /// Consecutive qualifying periods before a rising signal.
  public var periods: Int
  public init(
    window: Int = 26, alpha: Double = 0.01, minRisePerYear: Double = 1, minCases: Int = 5,
    periods: Int = 2
  ) {
    self.window = window
    self.alpha = alpha
    self.minRisePerYear = minRisePerYear
    self.minCases = minCases
    self.periods = periods
  }
  init(_ a: RisingRule?, _ b: RisingRule?, _ c: RisingRule?, period: PeriodKind) {
    let rules = [a, b, c]
    func first<T>(_ key: (RisingRule) -> T?) -> T? { rules.compactMap { $0.flatMap(key) }.first }
    let window: Int
    switch period {
    case .week: window = first(\.windowWeeks) ?? 26
    case .month: window = first(\.windowMonths) ?? 12
    case .quarter: window = max(4, (first(\.windowMonths) ?? 24) / 3)
    case .year: window = 5
    }
    self.init(
      window: window, alpha: first(\.alpha) ?? 0.01,
      minRisePerYear: first(\.minRisePerYear) ?? 1, minCases: first(\.minCases) ?? 5,
      periods: first(\.periods) ?? 2)
  }
}

public struct ElevatedParameters: Sendable, Hashable {
  public var band: Double
  public var periods: Int
  /// Rolling window in base periods.
  public var window: Int
  public var alpha: Double
  public var minCases: Int
  public init(
    band: Double = 130, periods: Int = 4, window: Int = 13, alpha: Double = 0.001,
    minCases: Int = 10
  ) {
    self.band = band
    self.periods = periods
    self.window = window
    self.alpha = alpha
    self.minCases = minCases
  }
  init(_ a: ElevatedRule?, _ b: ElevatedRule?, _ c: ElevatedRule?, period: PeriodKind) {
    let rules = [a, b, c]
    func first<T>(_ key: (ElevatedRule) -> T?) -> T? {
      rules.compactMap { $0.flatMap(key) }.first
    }
    let window: Int
    let periods: Int
    switch period {
    case .week:
      window = first(\.windowWeeks) ?? 13
      periods = first(\.periods) ?? 4
    case .month:
      window = first(\.windowMonths) ?? 3
      periods = first(\.periods) ?? 2
    case .quarter:
      window = max(1, (first(\.windowMonths) ?? 3) / 3)
      periods = first(\.periods) ?? 1
    case .year:
      window = 1
      periods = 1
    }
    self.init(
      band: first(\.band) ?? 130, periods: periods, window: window,
      alpha: first(\.alpha) ?? 0.001, minCases: first(\.minCases) ?? 10)
  }
}

public struct ConvergenceParameters: Sendable, Hashable {
  public var minSources: Int
  public var windowWeeks: Int
  public var softAlpha: Double
  public var alpha: Double
  public var minCases: Int
  public init(
    minSources: Int = 2, windowWeeks: Int = 4, softAlpha: Double = 0.01, alpha: Double = 0.001,
    minCases: Int = 5
  ) {
    self.minSources = minSources
    self.windowWeeks = windowWeeks
    self.softAlpha = softAlpha
    self.alpha = alpha
    self.minCases = minCases
  }
  init(_ a: ConvergenceRule?, _ b: ConvergenceRule?) {
    let rules = [a, b]
    func first<T>(_ key: (ConvergenceRule) -> T?) -> T? {
      rules.compactMap { $0.flatMap(key) }.first
    }
    self.init(
      minSources: first(\.minSources) ?? 2, windowWeeks: first(\.windowWeeks) ?? 4,
      softAlpha: first(\.softAlpha) ?? 0.01, alpha: first(\.alpha) ?? 0.001,
      minCases: first(\.minCases) ?? 5)
  }
}

public struct ClusterParameters: Sendable, Hashable {
  public var minAreas: Int
  public var kinds: Set<FlagKind>
  public init(minAreas: Int = 2, kinds: Set<FlagKind> = [.spike, .rising, .convergent]) {
    self.minAreas = minAreas
    self.kinds = kinds
  }
  init(_ rule: ClusterRule?) {
    self.init(
      minAreas: rule?.minAreas ?? 2,
      kinds: rule?.kinds.map(Set.init) ?? [.spike, .rising, .convergent])
  }
}
