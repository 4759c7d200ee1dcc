/// The level of an area compared with the municipality, as the Rotterdam Wijkprofiel
/// presents it: the rate per 1,000 residents as an index where 100 is the municipal
/// average (the municipality's own rate: all counts over all residents, not the mean of
/// the area rates). 150 means one and a half times the municipal rate.
public enum LevelIndex {
  /// One area's count and population for the same period.
  public struct Area: Sendable, Hashable {
    public var count: Double
    public var population: Double
    public init(count: Double, population: Double) {
      self.count = count
      self.population = population
    }
  }

  /// Per area: the rate per 1,000 and the index (100 = municipal rate).
  public struct Level: Sendable, Hashable {
    /// Count per 1,000 residents; nil when the population is not positive or unknown.
    public var ratePerThousand: Double?
    /// 100 x area rate / municipal rate; nil when either rate is undefined or the
    /// municipal rate is zero (no cases anywhere: every area is "average").
    public var index: Double?
    public var reason: NotAvailableReason?
  }

  /// Count per 1,000 residents, nil for a missing count or a population that is not
  /// positive.
  public static func ratePerThousand(count: Double, population: Double) -> Double? {
    guard !count.isNaN, population.isFinite, population > 0 else { return nil }
    return count / population * 1000
  }

  /// The municipal rate per 1,000 over the areas with a usable count and population.
  public static func municipalRate(_ areas: [Area]) -> Double? {
    var count = 0.0
    var population = 0.0
    for a in areas where !a.count.isNaN && a.population.isFinite && a.population > 0 {
      count += a.count
      population += a.population
    }
    return ratePerThousand(count: count, population: population)
  }

  /// Rates and indices for all areas of one municipality (and one indicator and period).
  public static func levels(_ areas: [Area]) -> [Level] {
    let reference = municipalRate(areas)
    return areas.map { area in
      guard let rate = ratePerThousand(count: area.count, population: area.population) else {
        return Level(
          ratePerThousand: nil, index: nil,
          reason: area.count.isNaN ? .missingObservation : .undefined)
      }
      guard let reference, reference > 0 else {
        return Level(ratePerThousand: rate, index: nil, reason: .undefined)
      }
      return Level(ratePerThousand: rate, index: 100 * rate / reference, reason: nil)
    }
  }
}
