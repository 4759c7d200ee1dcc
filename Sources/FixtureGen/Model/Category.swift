import Foundation

/// What a category's rate is counted against.
public enum Exposure: Sendable, Hashable {
  /// Per 1,000 inhabitants per year.
  case inhabitants
  /// Per 1,000 households per year.
  case households
  /// Per 1,000 dwellings of one housing corporation per year.
  case corporationDwellings(HousingCorporation)
  /// Per area per year (events and the like), scaled by the profile only.
  case fixed
}

/// Yearly seasonality: `1 + amplitude · cos(2π (dayOfYear − peakDay) / 365.25)`, and a
/// multiplier on 31 December and 1 January (the turn of the year, *jaarwisseling*).
public struct Season: Sendable, Hashable {
  public var amplitude: Double
  public var peakDay: Double
  public var turnOfYear: Double = 1

  public static let flat = Season(amplitude: 0, peakDay: 1)

  func factor(dayOfYear: Int, month: Int, day: Int) -> Double {
    var f = 1 + amplitude * cos(2 * Double.pi * (Double(dayOfYear) - peakDay) / 365.25)
    if (month == 12 && day == 31) || (month == 1 && day == 1) { f *= turnOfYear }
    return f
  }
}

/// Relative frequency per weekday (Monday first).
public enum WeekdayProfile: Sendable, Hashable {
  case flat, weekend, workdays, shopping

  var weights: [Double] {
    switch self {
    case .flat: [1, 1, 1, 1, 1, 1, 1]
    case .weekend: [0.8, 0.8, 0.85, 0.9, 1.2, 1.55, 1.25]
    case .workdays: [1.1, 1.1, 1.1, 1.1, 1.1, 0.8, 0.7]
    case .shopping: [0.9, 0.95, 1, 1, 1.15, 1.45, 0.55]
    }
  }
}

/// When in the day registrations happen (for timestamps).
public enum HourProfile: Sendable, Hashable {
  case daytime, evening, night, anytime

  var weights: [Double] {
    switch self {
    case .daytime:
      [
        0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.2, 1.6, 1.8, 1.9, 2, 2, 2, 2, 1.9, 1.8, 1.6, 1.2, 1,
        0.8, 0.6, 0.4, 0.3,
      ]
    case .evening:
      [
        0.9, 0.6, 0.4, 0.3, 0.2, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.3, 1.5, 1.7, 1.9,
        2.1, 2.3, 2.4, 2, 1.4,
      ]
    case .night:
      [
        2.4, 2.4, 2, 1.5, 0.8, 0.4, 0.3, 0.3, 0.3, 0.3, 0.3, 0.4, 0.4, 0.4, 0.4, 0.5, 0.6, 0.7, 0.8,
        1, 1.3, 1.6, 2, 2.2,
      ]
    case .anytime: [Double](repeating: 1, count: 24)
    }
  }
}

/// One category of one source: what the export writes, and how often it happens.
public struct Category: Sendable {
  public var index: Int = 0
  public var source: SourceID
  /// The category exactly as the partner writes it (final classification).
  public var code: String
  /// A description column where the partner writes one (police).
  public var label: String?
  /// Rate per 1,000 exposure units per year at the town average.
  public var perYear: Double
  public var exposure: Exposure
  public var group: CategoryGroup
  public var season: Season = .flat
  /// Gentle trend, log scale per year (−0.05 ≈ −5 % a year).
  public var trendPerYear: Double = 0
  /// Negative-binomial size of weekly (or monthly) counts: variance = μ + μ²/size.
  public var dispersion: Double = 8
  public var weekday: WeekdayProfile = .flat
  public var hours: HourProfile = .anytime
  /// Some registrations are first delivered under another category and reclassified in a
  /// later export (counting rule: latest wins): that code and the share it applies to.
  public var preliminary: (code: String, label: String?, share: Double)? = nil
  /// Days from the event to its registration: share registered the same day and the
  /// longest delay.
  public var sameDayShare: Double = 1
  public var maxLagDays: Int = 0
}
