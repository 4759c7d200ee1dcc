import GRDB
import Normalise
import PipelineSpec
import SafetyCore

extension SafetyStore {
  /// Per source, the first and last period its applied exports cover (from the ledger).
  public func sourceCoverage() throws -> [String: ClosedRange<Period>] {
    try queue.read { db in
      var out: [String: ClosedRange<Period>] = [:]
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT source, periodFirst, periodLast FROM exports
          WHERE status = 'applied' AND periodFirst IS NOT NULL AND periodLast IS NOT NULL
          """)
      for row in rows {
        guard let first = Period(parsing: row["periodFirst"] as String),
          let last = Period(parsing: row["periodLast"] as String), first.kind == last.kind,
          first <= last
        else { continue }
        let source: String = row["source"]
        if let known = out[source], known.lowerBound.kind == first.kind {
          out[source] = min(known.lowerBound, first)...max(known.upperBound, last)
        } else if out[source] == nil {
          out[source] = first...last
        }
      }
      return out
    }
  }

  /// Dense series of one indicator per source and area at `level`: like
  /// `indicatorSeries(_:level:registry:kind:from:through:)`, but one map per source id (their
  /// sum is the indicator's series).
  public func indicatorSeriesBySource(
    _ indicator: Indicator, level: AreaLevel, registry: AreaRegistry, kind: PeriodKind,
    from first: Period, through last: Period
  ) throws -> [String: [String: [Int64]]] {
    var out: [String: [String: [Int64]]] = [:]
    for (source, names) in indicator.from {
      let categories = names.map { CategoryRef(source: source, name: normaliseCategory($0)) }
      let raw = try series(of: categories, kind: kind, from: first, through: last)
      var rolled: [String: [Int64]] = [:]
      for (code, values) in raw {
        let target = SafetyStore.rollUp(code, to: level, registry: registry)
        if var existing = rolled[target] {
          for i in existing.indices { existing[i] += values[i] }
          rolled[target] = existing
        } else {
          rolled[target] = values
        }
      }
      out[source] = rolled
    }
    return out
  }
}
