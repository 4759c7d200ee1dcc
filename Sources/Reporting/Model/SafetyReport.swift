import SafetyCore

/// The content of one safety-monitor report, typed and language-resolved, with disclosure
/// control already applied: every count in it is a `DisclosedCount`, every rate, index and
/// change a `DisclosedValue`, so no renderer (HTML, Markdown, CSV, JSON, GeoJSON, the
/// dashboard) can show a small count exactly.
///
/// `ReportBuilder` makes one from the store and the pipeline; the renderers in this module
/// turn it into files. Encoded as JSON it is the report's JSON output
/// (`docs/report.schema.json`).
public struct SafetyReport: Sendable, Codable, Equatable {
  /// Version of the JSON form; raised when a field changes meaning or goes away.
  public static let currentSchemaVersion = 1

  public var schemaVersion: Int = SafetyReport.currentSchemaVersion
  public var kind: ReportKind
  public var language: DisplayLanguage
  /// The pipeline's machine name.
  public var pipeline: String
  /// The pipeline's display title (or its name).
  public var title: String
  public var municipality: AreaRef?
  /// The day the report is for: figures hold what the store held for this day.
  public var runDate: CivilDate
  public var period: ReportPeriod
  /// What the period is compared with, in column order: the previous period, the same
  /// period a year earlier, a period chosen with `--compare`.
  public var comparisons: [ReportComparison]
  /// False when the run date falls inside the period (figures run up to the run date).
  public var periodComplete: Bool
  /// Whether the pipeline says its data are synthetic (a notice on every page).
  public var syntheticData: Bool
  public var disclosure: DisclosurePolicy
  public var themes: [ThemeReport]
  /// Wijken, then buurten, in registry order.
  public var areas: [AreaReport]
  /// Nil when the store holds no flags (detection has not run).
  public var flags: FlagReport?
  public var methods: MethodsReport
  /// Area boundaries by code (planar coordinates), for maps and the GeoJSON output; not
  /// part of the JSON form.
  public var boundaries: [String: GeoJSONGeometry] = [:]
  /// The coordinate reference system of the boundaries (RD New for Dutch data).
  public var boundaryCRS: GeoJSONCRS?

  public init(
    kind: ReportKind, language: DisplayLanguage, pipeline: String, title: String,
    municipality: AreaRef?, runDate: CivilDate, period: ReportPeriod,
    comparisons: [ReportComparison], periodComplete: Bool, syntheticData: Bool,
    disclosure: DisclosurePolicy, themes: [ThemeReport], areas: [AreaReport],
    flags: FlagReport?, methods: MethodsReport, boundaries: [String: GeoJSONGeometry] = [:]
  ) {
    self.kind = kind
    self.language = language
    self.pipeline = pipeline
    self.title = title
    self.municipality = municipality
    self.runDate = runDate
    self.period = period
    self.comparisons = comparisons
    self.periodComplete = periodComplete
    self.syntheticData = syntheticData
    self.disclosure = disclosure
    self.themes = themes
    self.areas = areas
    self.flags = flags
    self.methods = methods
    self.boundaries = boundaries
  }

  enum CodingKeys: String, CodingKey {
    case schemaVersion, kind, language, pipeline, title, municipality, runDate, period
    case comparisons, periodComplete, syntheticData, disclosure, themes, areas, flags, methods
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
    kind = try c.decode(ReportKind.self, forKey: .kind)
    language = try c.decode(DisplayLanguage.self, forKey: .language)
    pipeline = try c.decode(String.self, forKey: .pipeline)
    title = try c.decode(String.self, forKey: .title)
    municipality = try c.decodeIfPresent(AreaRef.self, forKey: .municipality)
    let day = try c.decode(String.self, forKey: .runDate)
    guard let date = CivilDate(iso: day) else {
      throw DecodingError.dataCorruptedError(
        forKey: .runDate, in: c, debugDescription: "not a date (yyyy-MM-dd): \(day)")
    }
    runDate = date
    period = try c.decode(ReportPeriod.self, forKey: .period)
    comparisons = try c.decode([ReportComparison].self, forKey: .comparisons)
    periodComplete = try c.decode(Bool.self, forKey: .periodComplete)
    syntheticData = try c.decode(Bool.self, forKey: .syntheticData)
    disclosure = try c.decode(DisclosurePolicy.self, forKey: .disclosure)
    themes = try c.decode([ThemeReport].self, forKey: .themes)
    areas = try c.decode([AreaReport].self, forKey: .areas)
    flags = try c.decodeIfPresent(FlagReport.self, forKey: .flags)
    methods = try c.decode(MethodsReport.self, forKey: .methods)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(schemaVersion, forKey: .schemaVersion)
    try c.encode(kind, forKey: .kind)
    try c.encode(language, forKey: .language)
    try c.encode(pipeline, forKey: .pipeline)
    try c.encode(title, forKey: .title)
    try c.encode(municipality, forKey: .municipality)
    try c.encode(runDate.description, forKey: .runDate)
    try c.encode(period, forKey: .period)
    try c.encode(comparisons, forKey: .comparisons)
    try c.encode(periodComplete, forKey: .periodComplete)
    try c.encode(syntheticData, forKey: .syntheticData)
    try c.encode(disclosure, forKey: .disclosure)
    try c.encode(themes, forKey: .themes)
    try c.encode(areas, forKey: .areas)
    try c.encode(flags, forKey: .flags)
    try c.encode(methods, forKey: .methods)
  }

  /// The areas of one level, in registry order.
  public func areas(at level: AreaLevel) -> [AreaReport] {
    areas.filter { $0.level == level }
  }

  public func area(_ code: String) -> AreaReport? { areas.first { $0.code == code } }

  public func theme(_ id: String) -> ThemeReport? { themes.first { $0.id == id } }
}

/// A periodic safety monitor, or the annual evaluation (a year against another).
public enum ReportKind: String, Sendable, Codable, Hashable {
  case periodic
  case annualEvaluation
}

/// An area by code and name.
public struct AreaRef: Sendable, Codable, Hashable {
  public var code: String
  public var name: String
  public init(code: String, name: String) {
    self.code = code
    self.name = name
  }
}

/// A reporting period with its first and last day. JSON: `{"id": "2024Q3", "kind":
/// "quarter", "firstDay": "2024-07-01", "lastDay": "2024-09-30"}`.
public struct ReportPeriod: Sendable, Codable, Hashable {
  public var period: Period

  public init(_ period: Period) { self.period = period }

  public var id: String { period.description }
  public var kind: PeriodKind { period.kind }

  enum CodingKeys: String, CodingKey { case id, kind, firstDay, lastDay }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let text = try c.decode(String.self, forKey: .id)
    guard let p = Period(parsing: text) else {
      throw DecodingError.dataCorruptedError(
        forKey: .id, in: c, debugDescription: "not a period: \(text)")
    }
    period = p
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(period.description, forKey: .id)
    try c.encode(period.kind, forKey: .kind)
    try c.encode(period.firstDay.description, forKey: .firstDay)
    try c.encode(period.lastDay.description, forKey: .lastDay)
  }
}

/// A period the report's period is compared with, and why.
public struct ReportComparison: Sendable, Codable, Hashable {
  public enum Role: String, Sendable, Codable, Hashable {
    /// The period before (the previous quarter, month, week or year).
    case previousPeriod
    /// The same period one year earlier.
    case sameLastYear
    /// Chosen with `--compare`.
    case chosen
  }
  public var role: Role
  public var period: ReportPeriod

  public init(role: Role, period: Period) {
    self.role = role
    self.period = ReportPeriod(period)
  }
}
