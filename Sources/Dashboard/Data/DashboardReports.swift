import PipelineSpec
import ReportBuilder
import Reporting
import SafetyCore
import Store

/// The report model (`SafetyReport`, the reports' own) for the period the desk shows,
/// built from the store on first use and kept until the store changes. The desk shows the
/// latest quarter that ended by the last run's date, or the period in `?period=`.
final class DashboardReports: Sendable {
  let reader: DashboardReader
  let builder: ReportBuilder
  let cache: VersionedCache<SafetyReport>

  init(reader: DashboardReader, cachePages: Bool) throws {
    self.reader = reader
    builder = ReportBuilder(
      pipeline: reader.pipeline, registry: reader.registry,
      boundaries: try Boundaries.load(reader.pipeline))
    cache = VersionedCache(enabled: cachePages, capacity: 16)
  }

  /// The day the figures are for: the run date of the latest finished run.
  func runDate(today: CivilDate) throws -> CivilDate {
    let runs = try reader.store.recentRuns(limit: 20)
    return runs.first { $0.status == "ok" || $0.status == "failed" }
      .flatMap { CivilDate(iso: $0.runDate) } ?? today
  }

  /// The latest quarter that ended on or before `runDate`.
  static func defaultPeriod(runDate: CivilDate) -> Period {
    var p = Period(containing: runDate, kind: .quarter)
    if p.lastDay > runDate { p = p.advanced(by: -1) }
    return p
  }

  /// The period asked for in `?period=` (a quarter, month or year not after the run
  /// date's), or the default.
  static func period(asked: String?, runDate: CivilDate) -> Period {
    if let asked, let p = Period(parsing: asked), p.kind != .week, p.firstDay <= runDate {
      return p
    }
    return defaultPeriod(runDate: runDate)
  }

  func report(period: Period, language: DisplayLanguage, runDate: CivilDate, version: Int)
    throws -> SafetyReport
  {
    try cache.value("\(period)|\(language.rawValue)|\(runDate)", version: version) {
      try builder.build(
        ReportRequest(period: period, language: language, runDate: runDate), from: reader.store)
    }
  }
}
