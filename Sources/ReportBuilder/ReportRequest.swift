import Reporting
import SafetyCore

/// What report to build: the period, what to compare it with, the language and the run
/// date (the report's "today": figures hold what the store held for it).
public struct ReportRequest: Sendable, Hashable {
  public var period: Period
  /// A period of the same kind to compare with, besides the previous period and the same
  /// period last year (`--compare`).
  public var compare: Period?
  public var language: DisplayLanguage
  public var runDate: CivilDate

  public init(period: Period, compare: Period? = nil, language: DisplayLanguage, runDate: CivilDate)
  {
    self.period = period
    self.compare = compare
    self.language = language
    self.runDate = runDate
  }

  /// Reads `--period` and `--compare` as users write them: `2024Q3`, `2024-09`, `2024-W36`,
  /// `2024`. A compare year for a shorter period means the same period in that year
  /// (`--period 2024Q3 --compare 2022` compares with 2022Q3). Returns a message for the
  /// user when they cannot be used.
  public static func periods(period text: String, compare compareText: String?)
    -> Result<(Period, Period?), ReportRequestError>
  {
    guard let period = Period(parsing: text) else {
      return .failure(
        ReportRequestError(
          "--period must be a year, quarter, month or ISO week (2024, 2024Q3, 2024-09, 2024-W36), found '\(text)'"
        ))
    }
    guard let compareText else { return .success((period, nil)) }
    guard var compare = Period(parsing: compareText) else {
      return .failure(
        ReportRequestError(
          "--compare must be a period like --period (or a year), found '\(compareText)'"))
    }
    if compare.kind == .year && period.kind != .year {
      var p = period
      while p.rolled(to: .year).map({ $0.ordinal }) ?? Int.min > compare.ordinal {
        p = p.previousYear
      }
      guard p.rolled(to: .year)?.ordinal == compare.ordinal else {
        return .failure(
          ReportRequestError("--compare \(compareText) must be before --period \(text)"))
      }
      compare = p
    }
    guard compare.kind == period.kind else {
      return .failure(
        ReportRequestError(
          "--compare \(compareText) is a \(compare.kind.rawValue), --period \(text) a \(period.kind.rawValue)"
        ))
    }
    guard compare < period else {
      return .failure(
        ReportRequestError("--compare \(compareText) must be before --period \(text)"))
    }
    return .success((period, compare))
  }

  /// The comparison periods in column order: previous period, same period last year
  /// (for periods shorter than a year), then `compare` when it is neither (it takes the
  /// role `chosen` either way).
  public var comparisons: [ReportComparison] {
    var out = [ReportComparison(role: .previousPeriod, period: period.advanced(by: -1))]
    if period.kind != .year {
      out.append(ReportComparison(role: .sameLastYear, period: period.previousYear))
    }
    if let compare {
      if let i = out.firstIndex(where: { $0.period.period == compare }) {
        out[i].role = .chosen
      } else {
        out.append(ReportComparison(role: .chosen, period: compare))
      }
    }
    return out
  }
}

/// A `--period`/`--compare` that cannot be used, with the message for the user.
public struct ReportRequestError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
