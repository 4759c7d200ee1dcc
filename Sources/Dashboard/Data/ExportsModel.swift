import Reporting
import SafetyCore
import Store

/// What the data page and `/api/exports` show: the exports ledger per source and per
/// file, quarantine reasons, the area texts that matched no area, the categories that feed
/// no indicator, and the latest runs.
struct ExportsModel: Sendable, Encodable {
  struct Filter: Sendable, Hashable {
    var source: String?
    var status: LedgerEntry.Status?
    /// Every matching export instead of the latest `limit`.
    var all = false
    static let limit = 100

    init(query: FormData) {
      source = query["source"].flatMap { $0.isEmpty ? nil : $0 }
      status = query["status"].flatMap(LedgerEntry.Status.init(rawValue:))
      all = query["all"] == "1"
    }

    init() {}

    var cacheKey: String { "\(source ?? "")|\(status?.rawValue ?? "")|\(all)" }
  }

  struct SourceSummary: Sendable, Encodable {
    var source: String
    var partner: String
    var filesApplied = 0
    var filesQuarantined = 0
    var duplicates = 0
    var rowsTotal = 0
    var rowsOk = 0
    var rowsRejected = 0
    var rowsUnknownArea = 0
    var rowsUnmapped = 0
    var firstPeriod: String?
    var lastPeriod: String?
    var lastReceivedAt: String?
  }

  struct Export: Sendable, Encodable {
    var id: Int64
    var source: String
    var partner: String
    var file: String
    var contentHash: String
    var receivedAt: String
    var status: LedgerEntry.Status
    var rowsTotal: Int
    var rowsOk: Int
    var rowsRejected: Int
    var rowsUnknownArea: Int
    var rowsUnmapped: Int
    var recordsNew: Int
    var recordsReplaced: Int
    var recordsUnchanged: Int
    var firstPeriod: String?
    var lastPeriod: String?
    var reason: String?
    var duplicates: Int
  }

  struct UnknownArea: Sendable, Encodable {
    var source: String
    var label: String
    var rows: DisclosedCount
  }

  struct UnmappedCategory: Sendable, Encodable {
    var source: String
    var category: String
    var count: DisclosedCount
  }

  var sources: [SourceSummary]
  /// Matching exports, newest first (the latest `Filter.limit` unless all were asked).
  var exports: [Export]
  /// How many exports match the filter in all.
  var matching: Int
  var quarantined: [Export]
  var unknownAreas: [UnknownArea]
  var unmappedCategories: [UnmappedCategory]
  var runs: [StoredRun]

  init(reader: DashboardReader, filter: Filter) throws {
    let store = reader.store
    let ledger = try store.ledger()
    let duplicates = try store.duplicateDeliveriesByExport()
    let all = ledger.reversed().map { e in
      Export(
        id: e.id, source: e.source, partner: reader.partner(of: e.source), file: e.originalName,
        contentHash: e.contentHash, receivedAt: e.receivedAt, status: e.status,
        rowsTotal: e.rowsTotal, rowsOk: e.rowsOk, rowsRejected: e.rowsRejected,
        rowsUnknownArea: e.rowsUnknownArea, rowsUnmapped: e.rowsUnmapped,
        recordsNew: e.recordsNew, recordsReplaced: e.recordsReplaced,
        recordsUnchanged: e.recordsUnchanged, firstPeriod: e.periodFirst,
        lastPeriod: e.periodLast, reason: e.reason, duplicates: duplicates[e.id] ?? 0)
    }
    // Per source, in pipeline order, then sources the pipeline no longer has.
    var bySource: [String: SourceSummary] = [:]
    for e in all {
      var s = bySource[e.source] ?? SourceSummary(source: e.source, partner: e.partner)
      s.duplicates += e.duplicates
      if e.status == .quarantined {
        s.filesQuarantined += 1
      } else {
        s.filesApplied += 1
        s.rowsTotal += e.rowsTotal
        s.rowsOk += e.rowsOk
        s.rowsRejected += e.rowsRejected
        s.rowsUnknownArea += e.rowsUnknownArea
        s.rowsUnmapped += e.rowsUnmapped
        s.firstPeriod = Self.earlier(s.firstPeriod, e.firstPeriod)
        s.lastPeriod = Self.later(s.lastPeriod, e.lastPeriod)
      }
      if e.receivedAt > (s.lastReceivedAt ?? "") { s.lastReceivedAt = e.receivedAt }
      bySource[e.source] = s
    }
    let order = reader.pipeline.spec.sources.keys
    sources =
      order.compactMap { bySource[$0] }
      + bySource.keys.filter { !order.contains($0) }.sorted().compactMap { bySource[$0] }
    let matched = all.filter { e in
      (filter.source == nil || e.source == filter.source)
        && (filter.status == nil || e.status == filter.status)
    }
    matching = matched.count
    exports = filter.all ? matched : Array(matched.prefix(Filter.limit))
    quarantined = all.filter { $0.status == .quarantined }
    let policy = reader.disclosure
    unknownAreas = try store.unknownAreaLabels().map {
      UnknownArea(source: $0.source, label: $0.label, rows: policy.count($0.rows))
    }
    unmappedCategories = try store.categoriesSeen().filter {
      reader.indicators(feeding: $0.category).isEmpty
    }.map {
      UnmappedCategory(
        source: $0.category.source, category: $0.category.name,
        count: policy.count(Int(clamping: $0.count)))
    }
    runs = try store.recentRuns(limit: 20)
  }

  /// Periods as stored (`2024-W36`, `2024-09`, ...) compared as periods where they parse.
  static func earlier(_ a: String?, _ b: String?) -> String? {
    guard let a else { return b }
    guard let b else { return a }
    return Self.order(a, b) ? a : b
  }

  static func later(_ a: String?, _ b: String?) -> String? {
    guard let a else { return b }
    guard let b else { return a }
    return Self.order(a, b) ? b : a
  }

  private static func order(_ a: String, _ b: String) -> Bool {
    if let pa = Period(parsing: a), let pb = Period(parsing: b) {
      return pa.firstDay <= pb.firstDay
    }
    return a <= b
  }
}
