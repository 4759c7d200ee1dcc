import SafetyCore

/// A wijk or buurt: its population, its figures per theme and indicator with the level
/// index (100 = municipality), and its flags.
public struct AreaReport: Sendable, Codable, Hashable {
  public var code: String
  public var name: String
  public var level: AreaLevel
  /// The wijk of a buurt, the gemeente of a wijk.
  public var parent: String?
  /// Population in the period's year (the latest earlier year when that is missing).
  public var population: AreaPopulation?
  public var themes: [AreaThemeFigures]
  public var indicators: [AreaIndicatorFigures]
  public var flags: AreaFlagSummary

  public init(
    code: String, name: String, level: AreaLevel, parent: String?,
    population: AreaPopulation?, themes: [AreaThemeFigures],
    indicators: [AreaIndicatorFigures], flags: AreaFlagSummary
  ) {
    self.code = code
    self.name = name
    self.level = level
    self.parent = parent
    self.population = population
    self.themes = themes
    self.indicators = indicators
    self.flags = flags
  }

  public func theme(_ id: String) -> AreaThemeFigures? { themes.first { $0.theme == id } }
}

/// Inhabitants, dwellings and households (CBS figures, public) of one year.
public struct AreaPopulation: Sendable, Codable, Hashable {
  public var year: Int
  public var inhabitants: Int?
  public var dwellings: Int?
  public var households: Int?

  public init(year: Int, inhabitants: Int?, dwellings: Int?, households: Int?) {
    self.year = year
    self.inhabitants = inhabitants
    self.dwellings = dwellings
    self.households = households
  }
}

/// A theme in one area: the count (with comparisons), per 1,000 inhabitants, and the
/// index: the area's rate as a share of the municipal rate (100 = the municipality).
public struct AreaThemeFigures: Sendable, Codable, Hashable {
  public var theme: String
  public var figures: Figures
  public var ratePerThousandInhabitants: DisclosedValue
  public var index: DisclosedValue

  public init(
    theme: String, figures: Figures, ratePerThousandInhabitants: DisclosedValue,
    index: DisclosedValue
  ) {
    self.theme = theme
    self.figures = figures
    self.ratePerThousandInhabitants = ratePerThousandInhabitants
    self.index = index
  }
}

/// One indicator in one area: count, rate in the indicator's unit, index.
public struct AreaIndicatorFigures: Sendable, Codable, Hashable {
  public var indicator: String
  public var figures: Figures
  public var rate: DisclosedValue
  public var index: DisclosedValue

  public init(indicator: String, figures: Figures, rate: DisclosedValue, index: DisclosedValue) {
    self.indicator = indicator
    self.figures = figures
    self.rate = rate
    self.index = index
  }
}

/// The flags open at the end of the period in an area (for a wijk: in it and its buurten).
public struct AreaFlagSummary: Sendable, Codable, Hashable {
  /// Flags open at the end of the period (not resolved).
  public var open: Int
  public var new: Int
  public var escalated: Int
  /// The most pressing status among the open flags (escalated > new > ongoing >
  /// de-escalated), nil without open flags.
  public var status: FlagStatus?
  /// Themes with open flags.
  public var themes: [String]

  public init(open: Int, new: Int, escalated: Int, status: FlagStatus?, themes: [String]) {
    self.open = open
    self.new = new
    self.escalated = escalated
    self.status = status
    self.themes = themes
  }

  public static let none = AreaFlagSummary(open: 0, new: 0, escalated: 0, status: nil, themes: [])
}
