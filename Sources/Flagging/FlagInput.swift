import SafetyCore

/// Everything the flag engine reads: the counts of every indicator per area, the areas and
/// their neighbours, and the week the evaluation runs through. Built by the runner from the
/// store and the registry; plain values, so tests build it by hand.
public struct FlagInput: Sendable {
  /// The last complete week with data: the replay runs through it.
  public var through: Period
  public var indicators: [IndicatorData]
  public var areas: AreaMap

  public init(through: Period, indicators: [IndicatorData], areas: AreaMap) {
    precondition(through.kind == .week, "the replay runs through a week")
    self.through = through
    self.indicators = indicators
    self.areas = areas
  }
}

/// One indicator's series at its level and base period, every area over the same periods.
public struct IndicatorData: Sendable {
  public var plan: IndicatorPlan
  /// The period of index 0 of every series (of the plan's period kind).
  public var first: Period
  public var areas: [AreaSeries]

  public init(plan: IndicatorPlan, first: Period, areas: [AreaSeries]) {
    precondition(first.kind == plan.period)
    self.plan = plan
    self.first = first
    self.areas = areas
  }

  /// Number of periods in every series.
  public var length: Int { areas.first?.counts.count ?? 0 }
}

/// One area's counts of one indicator.
public struct AreaSeries: Sendable {
  public var area: String
  /// Counts per period (all the indicator's sources together).
  public var counts: [Int]
  /// Counts per source id, for indicators fed by several sources (the partners' shares in
  /// explanations and convergence). May be empty.
  public var bySource: [String: [Int]]
  /// The unit's denominator per period (inhabitants, dwellings or households), for the
  /// level index; nil when unknown.
  public var denominator: [Double]?

  public init(
    area: String, counts: [Int], bySource: [String: [Int]] = [:], denominator: [Double]? = nil
  ) {
    self.area = area
    self.counts = counts
    self.bySource = bySource
    self.denominator = denominator
  }
}

/// The areas flags can be raised for: code, name, level, parent, neighbours.
public struct AreaMap: Sendable {
  public struct Area: Sendable, Hashable {
    public var code: String
    public var name: String
    public var level: AreaLevel
    /// The parent's code (a buurt's wijk), nil at the top.
    public var parent: String?
    public init(code: String, name: String, level: AreaLevel, parent: String?) {
      self.code = code
      self.name = name
      self.level = level
      self.parent = parent
    }
  }

  public private(set) var areas: [String: Area] = [:]
  /// Code → adjacent codes (same level), both directions.
  public private(set) var neighbours: [String: Set<String>] = [:]

  public init(areas: [Area], adjacency: [(String, String)] = []) {
    for a in areas { self.areas[a.code] = a }
    for (a, b) in adjacency where a != b {
      neighbours[a, default: []].insert(b)
      neighbours[b, default: []].insert(a)
    }
  }

  public subscript(code: String) -> Area? { areas[code] }
  public func name(_ code: String) -> String { areas[code]?.name ?? code }
  public func parent(_ code: String) -> String? { areas[code]?.parent }
  /// Whether any adjacency is known (clusters need it).
  public var hasAdjacency: Bool { !neighbours.isEmpty }
}
