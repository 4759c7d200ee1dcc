import SafetyCore

/// Figures of one area for one year, rounded to 5 as CBS publishes them.
public struct PopulationFigures: Sendable, Hashable {
  public var inhabitants: Int
  public var dwellings: Int
  public var households: Int
}

public struct Gemeente: Sendable {
  public var code: AreaCode
  public var name: String
  public var wijken: [Int]
}

public struct Wijk: Sendable {
  public var code: AreaCode
  public var name: String
  public var gemeente: Int
  public var buurten: [Int]
  /// Local names partners use for the wijk (alias, source id or nil for all sources).
  public var aliases: [(alias: String, source: String?)] = []
}

public struct Buurt: Sendable {
  /// The current CBS code (the one in `areas.csv`).
  public var code: AreaCode
  public var name: String
  public var wijk: Int
  public var gemeente: Int
  public var profile: AreaProfile
  /// Per year 2019...: inhabitants, dwellings, households.
  public var figures: [PopulationFigures]
  /// Share of dwellings owned by each housing corporation (`HousingCorporation.allCases`).
  public var corporationShare: [Double]
  /// A retired code and the first year of the current one (see `crosswalk.csv`).
  public var oldCode: AreaCode?
  public var codeChangeYear: Int?
  /// Local names and old spellings partners use (alias, source id or nil for all sources),
  /// with the share of a partner's rows that use the alias instead of the registry name.
  public var aliases: [(alias: String, source: String?)] = []
  /// Relative rate per category group on top of the profile (neighbourhoods differ).
  public var heterogeneity: [Double] = []

  /// The code a partner writes for a date: the old code before the change year, unless
  /// the partner updates, and `keepsOldCode` partners always write the old one.
  public func code(in year: Int, keepsOldCode: Bool = false) -> AreaCode {
    if let old = oldCode, let since = codeChangeYear, keepsOldCode || year < since {
      return old
    }
    return code
  }
}

/// A complete synthetic area registry: gemeenten, wijken and buurten with population per
/// year, aliases, code changes and the tiling behind boundaries and adjacency.
public struct AreaRegistry: Sendable {
  public var firstYear: Int
  public var years: ClosedRange<Int>
  public var gemeenten: [Gemeente]
  public var wijken: [Wijk]
  public var buurten: [Buurt]
  public var tiling: Tiling

  public func figures(buurt: Int, year: Int) -> PopulationFigures {
    let b = buurten[buurt]
    let i = min(max(year - firstYear, 0), b.figures.count - 1)
    return b.figures[i]
  }

  /// Sum of the buurten's figures (so wijk and gemeente rows add up exactly).
  public func figures(wijk: Int, year: Int) -> PopulationFigures {
    wijken[wijk].buurten.reduce(PopulationFigures(inhabitants: 0, dwellings: 0, households: 0)) {
      let f = figures(buurt: $1, year: year)
      return PopulationFigures(
        inhabitants: $0.inhabitants + f.inhabitants, dwellings: $0.dwellings + f.dwellings,
        households: $0.households + f.households)
    }
  }

  public func figures(gemeente: Int, year: Int) -> PopulationFigures {
    gemeenten[gemeente].wijken.reduce(
      PopulationFigures(inhabitants: 0, dwellings: 0, households: 0)
    ) {
      let f = figures(wijk: $1, year: year)
      return PopulationFigures(
        inhabitants: $0.inhabitants + f.inhabitants, dwellings: $0.dwellings + f.dwellings,
        households: $0.households + f.households)
    }
  }
}

/// Rounds to the nearest multiple of 5, as CBS publishes neighbourhood figures.
func roundTo5(_ x: Double) -> Int { Int((max(x, 0) / 5).rounded()) * 5 }
