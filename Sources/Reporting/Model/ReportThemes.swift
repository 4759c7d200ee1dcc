import SafetyCore

/// A focus theme: its municipal total (the registrations of all its indicators' source
/// categories, each counted once), its indicators, and their series.
public struct ThemeReport: Sendable, Codable, Hashable {
  public var id: String
  public var name: String
  public var subthemes: [NamedRef]
  /// Nil when no indicator of the theme has figures for the period.
  public var totals: Figures?
  /// The total per 1,000 inhabitants of the municipality.
  public var ratePerThousandInhabitants: DisclosedValue
  public var indicators: [IndicatorReport]
  /// Indicators with figures that buurt figures leave out: their sources deliver per wijk
  /// (or coarser), so their counts cannot be split over buurten.
  public var leftOutOfBuurten: [String]

  public init(
    id: String, name: String, subthemes: [NamedRef], totals: Figures?,
    ratePerThousandInhabitants: DisclosedValue, indicators: [IndicatorReport],
    leftOutOfBuurten: [String] = []
  ) {
    self.id = id
    self.name = name
    self.subthemes = subthemes
    self.totals = totals
    self.ratePerThousandInhabitants = ratePerThousandInhabitants
    self.indicators = indicators
    self.leftOutOfBuurten = leftOutOfBuurten
  }

  /// The distinct partners behind the theme's indicators, in first-seen order.
  public var partners: [String] {
    var seen: [String] = []
    for indicator in indicators {
      for p in indicator.partners where !seen.contains(p) { seen.append(p) }
    }
    return seen
  }
}

/// An id and its display name (sub-themes, indicators).
public struct NamedRef: Sendable, Codable, Hashable {
  public var id: String
  public var name: String
  public init(id: String, name: String) {
    self.id = id
    self.name = name
  }
}

/// The unit an indicator's rate is expressed in.
public enum RateUnit: String, Sendable, Codable, Hashable, CaseIterable {
  case count
  case per1000Inhabitants
  case per1000Dwellings
  case per1000Households
}

/// One indicator at municipal level: its figures for the period, its rate, and its series
/// around the period with what the detector expected.
public struct IndicatorReport: Sendable, Codable, Hashable {
  public var id: String
  public var name: String
  public var subtheme: String?
  public var unit: RateUnit
  /// The period the indicator is detected in (and charted in).
  public var basePeriod: PeriodKind
  /// The area level detection runs at (`buurt`, or `wijk` for low counts).
  public var level: AreaLevel
  public var sources: [SourceCategories]
  public var availability: Availability
  /// Nil when `availability` has no figures.
  public var figures: Figures?
  /// Per 1,000 of the unit's denominator (not for `count` indicators).
  public var rate: DisclosedValue
  /// Nil when the indicator has no data at all.
  public var chart: ChartSeries?

  public init(
    id: String, name: String, subtheme: String?, unit: RateUnit, basePeriod: PeriodKind,
    level: AreaLevel, sources: [SourceCategories], availability: Availability,
    figures: Figures?, rate: DisclosedValue, chart: ChartSeries?
  ) {
    self.id = id
    self.name = name
    self.subtheme = subtheme
    self.unit = unit
    self.basePeriod = basePeriod
    self.level = level
    self.sources = sources
    self.availability = availability
    self.figures = figures
    self.rate = rate
    self.chart = chart
  }

  /// The distinct partners, in the order the sources list them.
  public var partners: [String] {
    var seen: [String] = []
    for s in sources where !seen.contains(s.partner) { seen.append(s.partner) }
    return seen
  }
}

/// A source's categories that feed an indicator (as the pipeline lists them).
public struct SourceCategories: Sendable, Codable, Hashable {
  public var source: String
  public var partner: String
  public var categories: [String]
  public init(source: String, partner: String, categories: [String]) {
    self.source = source
    self.partner = partner
    self.categories = categories
  }
}

/// A series for a chart: per period the observed count (disclosed), and where a
/// detector ran, what it expected, its upper bound and whether it alarmed.
public struct ChartSeries: Sendable, Codable, Hashable {
  /// Where expected values and alarms come from.
  public enum Basis: String, Sendable, Codable, Hashable {
    /// Computed for the report on this series (municipal series: detection stores area
    /// series only).
    case computed
    /// The detection results stored by the run (flagged areas).
    case stored
    /// No detector values (observed counts only).
    case none
  }

  /// The area the series is for.
  public var area: String
  public var kind: PeriodKind
  public var basis: Basis
  /// The detector's method name (`farringtonFlexible`, ...), when one ran.
  public var method: String?
  /// Set when the points sum a finer series (weeks whose counts were mostly too small to
  /// show): expected values are the sums of the finer ones, upper bounds are absent, and a
  /// point alarms when one of its finer periods did.
  public var aggregatedFrom: PeriodKind?
  public var points: [ChartPoint]

  public init(
    area: String, kind: PeriodKind, basis: Basis, method: String?, points: [ChartPoint]
  ) {
    self.area = area
    self.kind = kind
    self.basis = basis
    self.method = method
    self.points = points
  }

  /// The points as the SVG chart takes them (a count below the minimum cell is drawn in
  /// the chart's suppressed band; its tooltip reads `<5`).
  public func seriesPoints(_ language: DisplayLanguage) -> [SeriesPoint] {
    points.map { p in
      let observed: Int? =
        switch p.observed {
        case .some(.exact(let v)): v
        case .some(.belowMinimum): 0
        case .none: nil
        }
      return SeriesPoint(
        label: PeriodText(language).axis(p.period), observed: observed, expected: p.expected,
        upperBound: p.upperBound, alarm: p.alarm)
    }
  }
}

/// One period of a chart series.
public struct ChartPoint: Sendable, Codable, Hashable {
  public var period: Period
  /// Nil where no data were delivered for the period.
  public var observed: DisclosedCount?
  public var expected: Double?
  public var upperBound: Double?
  public var alarm: Bool

  public init(
    period: Period, observed: DisclosedCount?, expected: Double? = nil,
    upperBound: Double? = nil, alarm: Bool = false
  ) {
    self.period = period
    self.observed = observed
    self.expected = expected
    self.upperBound = upperBound
    self.alarm = alarm
  }

  enum CodingKeys: String, CodingKey { case period, observed, expected, upperBound, alarm }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(period, forKey: .period)
    try c.encode(observed, forKey: .observed)
    try c.encode(expected, forKey: .expected)
    try c.encode(upperBound, forKey: .upperBound)
    try c.encode(alarm, forKey: .alarm)
  }
}
