import Foundation
import SafetyCore

/// Expected counts: for category c in buurt b on day d,
///
///     rate_c / 365.25 · exposure_b,c(year) / 1,000 · profile_c(b) · heterogeneity_b,c
///       · season_c(d) · trend_c(d) · weekday_c(d)
///
/// Counts are then drawn negative-binomial around these means (see `EventGenerator`).
public struct IntensityModel: Sendable {
  public let registry: AreaRegistry
  public let catalogue: Catalogue
  public let timeline: Timeline
  /// Season × trend × weekday per category per day (mean about 1 over a year).
  let dailyFactor: [[Double]]
  /// Sum of `dailyFactor` over the days of each week inside the span.
  let weekFactor: [[Double]]
  /// `dailyBase` per buurt, category and year, flattened.
  private let baseTable: [Double]
  private let yearCount: Int

  public init(registry: AreaRegistry, catalogue: Catalogue, timeline: Timeline) {
    self.registry = registry
    self.catalogue = catalogue
    self.timeline = timeline
    var daily: [[Double]] = []
    var weekly: [[Double]] = []
    let mid = Double(timeline.dayCount) / 2 / 365.25
    for c in catalogue.categories {
      let weights = c.weekday.weights
      let mean = weights.reduce(0, +) / 7
      var row = [Double](repeating: 0, count: timeline.dayCount)
      for d in 0..<timeline.dayCount {
        let date = timeline.date(d)
        let doy = date.dayNumber - CivilDate.known(date.year, 1, 1).dayNumber + 1
        let season = c.season.factor(dayOfYear: doy, month: date.month, day: date.day)
        let trend = exp(c.trendPerYear * (Double(d) / 365.25 - mid))
        row[d] = season * trend * weights[date.isoWeekday - 1] / mean
      }
      daily.append(row)
      weekly.append(
        (0..<timeline.weekCount).map { w in timeline.days(ofWeek: w).reduce(0) { $0 + row[$1] } })
    }
    dailyFactor = daily
    weekFactor = weekly
    yearCount = timeline.years.count
    var table = [Double](
      repeating: 0, count: registry.buurten.count * catalogue.categories.count * yearCount)
    var i = 0
    for b in registry.buurten.indices {
      for c in catalogue.categories {
        for y in timeline.years {
          table[i] = IntensityModel.computeBase(c, buurt: b, year: y, registry: registry)
          i += 1
        }
      }
    }
    baseTable = table
  }

  /// Expected count per day at factor 1 for a category in a buurt in a year.
  public func dailyBase(_ c: Category, buurt b: Int, year: Int) -> Double {
    let y = min(max(year - timeline.years.lowerBound, 0), yearCount - 1)
    return baseTable[(b * catalogue.categories.count + c.index) * yearCount + y]
  }

  static func computeBase(_ c: Category, buurt b: Int, year: Int, registry: AreaRegistry) -> Double
  {
    let buurt = registry.buurten[b]
    let f = registry.figures(buurt: b, year: year)
    let units: Double
    switch c.exposure {
    case .inhabitants:
      units = max(Double(f.inhabitants), c.group.exposureFloor(buurt.profile))
    case .households: units = Double(f.households)
    case .corporationDwellings(let corp):
      units = Double(f.dwellings) * buurt.corporationShare[corp.rawValue]
    case .fixed:
      units = 1_000 * (c.group.exposureFloor(buurt.profile) > 0 ? 1.5 : 1)
    }
    let group = c.group.ordinal
    return c.perYear / 365.25 * units / 1_000 * c.group.multiplier(buurt.profile)
      * buurt.heterogeneity[group]
  }

  /// Expected count of a category in a buurt in week `w` (week's Thursday sets the year).
  public func weeklyMean(_ c: Category, buurt b: Int, week w: Int) -> Double {
    dailyBase(c, buurt: b, year: timeline.weekYear[w]) * weekFactor[c.index][w]
  }

  /// Expected count of a category in a buurt over a range of days.
  public func mean(_ c: Category, buurt b: Int, days: Range<Int>) -> Double {
    var total = 0.0
    var year = -1
    var base = 0.0
    for d in days.clamped(to: 0..<timeline.dayCount) {
      let y = timeline.yearOfDay[d]
      if y != year {
        year = y
        base = dailyBase(c, buurt: b, year: y)
      }
      total += base * dailyFactor[c.index][d]
    }
    return total
  }

  /// Relative weight of each day of a week for placing a category's events.
  func dayWeights(_ c: Category, week w: Int) -> (first: Int, weights: [Double]) {
    let days = timeline.days(ofWeek: w)
    return (days.lowerBound, days.map { dailyFactor[c.index][$0] })
  }
}
