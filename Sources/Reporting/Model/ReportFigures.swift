import SafetyCore

/// A count in the report's period and in each comparison period, with the relative
/// change from each comparison period to the report's period.
public struct Figures: Sendable, Codable, Hashable {
  public var count: DisclosedCount
  /// One per `SafetyReport.comparisons`, in the same order.
  public var compared: [ComparedCount]

  public init(count: DisclosedCount, compared: [ComparedCount]) {
    self.count = count
    self.compared = compared
  }

  /// The comparison with the period of `role`, if the report has one.
  public func compared(_ role: ReportComparison.Role, in report: SafetyReport) -> ComparedCount? {
    guard let i = report.comparisons.firstIndex(where: { $0.role == role }), i < compared.count
    else { return nil }
    return compared[i]
  }
}

/// The count of a comparison period and the change from it: (now − then) / then, a
/// fraction (0.12 = +12 %), and whether the change is more than chance (`ChangeTest`).
public struct ComparedCount: Sendable, Codable, Hashable {
  public var period: String
  public var count: DisclosedCount
  public var change: DisclosedValue
  /// The change is shown and significant (`ChangeTest`, p < 0.05).
  public var significant: Bool

  public init(period: Period, count: DisclosedCount, change: DisclosedValue, significant: Bool) {
    self.period = period.description
    self.count = count
    self.change = change
    self.significant = significant
  }
}

/// Whether an indicator's figures for the period can be trusted as complete.
public enum Availability: Sendable, Codable, Hashable {
  /// All its sources cover the period.
  case complete
  /// A source's data do not cover the whole period (they end before it does, or start
  /// after it began): the figures are too low. `coverage` is what all sources cover.
  case incomplete(coverage: DayRange)
  /// Its sources deliver coarser periods than the report's (monthly data in a weekly
  /// report): no figures.
  case coarserThanPeriod(PeriodKind)
  /// No source has delivered any data yet.
  case noData

  enum CodingKeys: String, CodingKey { case status, coverage, finestPeriod }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    switch try c.decode(String.self, forKey: .status) {
    case "complete": self = .complete
    case "incomplete": self = .incomplete(coverage: try c.decode(DayRange.self, forKey: .coverage))
    case "coarser-than-period":
      self = .coarserThanPeriod(try c.decode(PeriodKind.self, forKey: .finestPeriod))
    case "no-data": self = .noData
    case let other:
      throw DecodingError.dataCorruptedError(
        forKey: .status, in: c, debugDescription: "unknown availability \(other)")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .complete: try c.encode("complete", forKey: .status)
    case .incomplete(let coverage):
      try c.encode("incomplete", forKey: .status)
      try c.encode(coverage, forKey: .coverage)
    case .coarserThanPeriod(let kind):
      try c.encode("coarser-than-period", forKey: .status)
      try c.encode(kind, forKey: .finestPeriod)
    case .noData: try c.encode("no-data", forKey: .status)
    }
  }

  /// Whether figures are shown at all.
  public var hasFigures: Bool {
    switch self {
    case .complete, .incomplete: true
    case .coarserThanPeriod, .noData: false
    }
  }
}
