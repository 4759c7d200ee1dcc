/// One count series (one area x indicator), the unit the algorithms work on.
///
/// Time points are 1-based (`timeIndex` 1 = the first observation), as in R `surveillance`
/// with `epochAsDate = FALSE`: every "year back" is exactly `frequency` time points, so a
/// 53rd ISO week simply shifts the reference weeks by one (R does the same).
public struct CountSeries: Sendable, Hashable {
  /// A caller's identifier (area code + indicator, a CSV `series_id`, ...).
  public var id: String
  /// Observed counts; `nil` = missing (R `NA`).
  public var observed: [Double]
  /// Optional population / denominator per time point (for a population offset).
  public var population: [Double]?
  /// Time points per year: 52 (weekly) or 12 (monthly); other values are accepted.
  public var frequency: Int
  /// The period number of the first observation within its year (R `sts@start[2]`);
  /// only the harmonic CUSUM model uses it (`t = startPeriod + index - 1`).
  public var startPeriod: Int

  /// A series from counts where `nil` marks a missing observation.
  public init(
    id: String, counts: [Int?], population: [Double]? = nil, frequency: Int = 52,
    startPeriod: Int = 1
  ) {
    self.init(
      id: id, observed: counts.map { $0.map(Double.init) ?? .nan }, population: population,
      frequency: frequency, startPeriod: startPeriod)
  }

  /// A series from counts where `Double.nan` marks a missing observation.
  public init(
    id: String, observed: [Double], population: [Double]? = nil, frequency: Int = 52,
    startPeriod: Int = 1
  ) {
    precondition(population == nil || population?.count == observed.count)
    self.id = id
    self.observed = observed
    self.population = population
    self.frequency = frequency
    self.startPeriod = startPeriod
  }

  /// Number of time points.
  public var count: Int { observed.count }

  /// Calls `body` with a buffer view of the series (no copy).
  func withView<R>(_ body: (SeriesView) -> R) -> R {
    observed.withUnsafeBufferPointer { obs in
      if let population {
        return population.withUnsafeBufferPointer { pop in
          body(SeriesView(observed: obs, population: pop, frequency: frequency))
        }
      }
      return body(SeriesView(observed: obs, population: nil, frequency: frequency))
    }
  }

  /// The observation at 1-based time point `t`, `nil` when missing or out of range.
  public func value(at t: Int) -> Double? {
    guard t >= 1, t <= observed.count else { return nil }
    let v = observed[t - 1]
    return v.isNaN ? nil : v
  }
}

/// Observed counts per time point x unit with an optional population, in the spirit of
/// surveillance's `sts` class: one frequency and length shared by all units.
public struct SurveillanceSeries: Sendable, Hashable {
  public let frequency: Int
  public let startPeriod: Int
  public let length: Int
  public let units: [String]
  /// Unit-major storage: `observed[u * length + (t - 1)]`, NaN = missing.
  public let observed: [Double]
  public let population: [Double]?

  /// - Parameters:
  ///   - columns: one array of counts per unit (all of `length` time points).
  public init(
    units: [String], columns: [[Double]], population: [[Double]]? = nil, frequency: Int = 52,
    startPeriod: Int = 1
  ) {
    precondition(units.count == columns.count, "one column per unit")
    let length = columns.first?.count ?? 0
    precondition(columns.allSatisfy { $0.count == length }, "columns of equal length")
    if let population {
      precondition(
        population.count == columns.count && population.allSatisfy { $0.count == length })
    }
    self.units = units
    self.length = length
    self.frequency = frequency
    self.startPeriod = startPeriod
    self.observed = columns.flatMap { $0 }
    self.population = population?.flatMap { $0 }
  }

  /// - Parameters:
  ///   - observed: unit-major storage, `observed[u * length + (t - 1)]` (NaN = missing).
  ///   - population: the same layout, optional.
  public init(
    units: [String], length: Int, observed: [Double], population: [Double]? = nil,
    frequency: Int = 52, startPeriod: Int = 1
  ) {
    precondition(observed.count == units.count * length, "units x length observations")
    precondition(population == nil || population?.count == observed.count)
    self.units = units
    self.length = length
    self.frequency = frequency
    self.startPeriod = startPeriod
    self.observed = observed
    self.population = population
  }

  /// The series of one unit.
  public subscript(unit u: Int) -> CountSeries {
    let range = (u * length)..<((u + 1) * length)
    return CountSeries(
      id: units[u], observed: Array(observed[range]),
      population: population.map { Array($0[range]) },
      frequency: frequency, startPeriod: startPeriod)
  }

  /// All units as separate series.
  public var series: [CountSeries] { (0..<units.count).map { self[unit: $0] } }
}

/// A borrowed view of one series' storage (valid only inside `withView`).
struct SeriesView {
  let observed: UnsafeBufferPointer<Double>
  let population: UnsafeBufferPointer<Double>?
  let frequency: Int
  var count: Int { observed.count }
}
