import Flagging
import SafetyCore
import Store

/// What a report reads from a store. `SafetyStore` is the real one; tests use an in-memory
/// double.
public protocol ReportDataSource: Sendable {
  /// Dense counts of one source category per area code (as stored: buurt or wijk codes,
  /// `?` for the unknown bucket), one value per period of `kind` from `first` through
  /// `last`. Counts kept in coarser periods than `kind` are left out.
  func counts(of category: CategoryRef, kind: PeriodKind, from first: Period, through last: Period)
    throws -> [String: [Int64]]

  /// The exports ledger, oldest first.
  func exports() throws -> [ReportExport]

  /// Per source, how many deliveries were skipped as the same content delivered again.
  func duplicateDeliveries() throws -> [String: Int]

  /// Every stored flag with its history and reviews; nil when no run has evaluated flags
  /// yet (detection has not run).
  func flags() throws -> [ReportFlag]?

  /// The stored detector results of an indicator in an area, oldest first.
  func storedResults(indicator: String, area: String) throws -> [ReportDetectionPoint]
}

/// One line of the exports ledger, as a report uses it.
public struct ReportExport: Sendable, Hashable {
  public enum Status: String, Sendable, Hashable { case applied, quarantined }
  public var source: String
  public var name: String
  public var contentHash: String
  public var receivedAt: String
  public var status: Status
  public var rowsOk: Int
  public var rowsRejected: Int
  public var rowsUnknownArea: Int
  /// The first and last period of its data (weeks for records, the source's periods for
  /// aggregates).
  public var firstPeriod: Period?
  public var lastPeriod: Period?
  public var reason: String?

  public init(
    source: String, name: String, contentHash: String, receivedAt: String, status: Status,
    rowsOk: Int, rowsRejected: Int, rowsUnknownArea: Int, firstPeriod: Period?,
    lastPeriod: Period?, reason: String?
  ) {
    self.source = source
    self.name = name
    self.contentHash = contentHash
    self.receivedAt = receivedAt
    self.status = status
    self.rowsOk = rowsOk
    self.rowsRejected = rowsRejected
    self.rowsUnknownArea = rowsUnknownArea
    self.firstPeriod = firstPeriod
    self.lastPeriod = lastPeriod
    self.reason = reason
  }

  /// The days its data cover.
  public var coverage: (first: CivilDate, last: CivilDate)? {
    guard let firstPeriod, let lastPeriod else { return nil }
    return (firstPeriod.firstDay, lastPeriod.lastDay)
  }
}

extension SafetyStore: ReportDataSource {
  public func counts(
    of category: CategoryRef, kind: PeriodKind, from first: Period, through last: Period
  ) throws -> [String: [Int64]] {
    try series(of: [category], kind: kind, from: first, through: last)
  }

  public func exports() throws -> [ReportExport] {
    try ledger().map { e in
      ReportExport(
        source: e.source, name: e.originalName, contentHash: e.contentHash,
        receivedAt: e.receivedAt, status: e.status == .applied ? .applied : .quarantined,
        rowsOk: e.rowsOk, rowsRejected: e.rowsRejected, rowsUnknownArea: e.rowsUnknownArea,
        firstPeriod: e.periodFirst.flatMap { Period(parsing: $0) },
        lastPeriod: e.periodLast.flatMap { Period(parsing: $0) }, reason: e.reason)
    }
  }

  public func duplicateDeliveries() throws -> [String: Int] {
    try duplicateDeliveriesBySource()
  }

  public func flags() throws -> [ReportFlag]? {
    guard try latestFlagRun() != nil else { return nil }
    return try flagRecords().map(ReportFlag.init)
  }

  public func storedResults(indicator: String, area: String) throws -> [ReportDetectionPoint] {
    try detectionResults(indicator: indicator, area: area).map {
      ReportDetectionPoint(
        period: $0.period, observed: $0.observed, expected: $0.expected,
        upperBound: $0.upperbound, alarm: $0.alarm)
    }
  }
}
