import GRDB
import SafetyCore

/// A source's category as stored (normalised: trimmed, lower case).
public struct CategoryRef: Sendable, Hashable, Comparable {
  public var source: String
  public var name: String
  public init(source: String, name: String) {
    self.source = source
    self.name = name
  }
  public static func < (a: CategoryRef, b: CategoryRef) -> Bool {
    (a.source, a.name) < (b.source, b.name)
  }
}

extension SafetyStore {
  /// Dense count series per area code for the sum of `categories`, one value per period of
  /// `kind` from `first` through `last` (both of that kind). Counts kept in finer periods are
  /// rolled up (a week into the month of its Thursday); counts kept in coarser periods than
  /// `kind` cannot be split and are left out. The unknown bucket is under
  /// `SafetyStore.unknownArea`. Areas without any count are absent (all zeros).
  public func series(
    of categories: [CategoryRef], kind: PeriodKind, from first: Period, through last: Period
  ) throws -> [String: [Int64]] {
    precondition(
      first.kind == kind && last.kind == kind, "period bounds must be of the series' kind")
    let length = last.ordinal - first.ordinal + 1
    guard length > 0 else { return [:] }
    return try queue.read { db in
      var out: [String: [Int64]] = [:]
      let ids = try categoryIDs(db, categories)
      guard !ids.isEmpty else { return out }
      let placeholders = ids.map { _ in "?" }.joined(separator: ",")
      let rows = try Row.fetchCursor(
        db,
        sql:
          "SELECT area, periodKind, period, count FROM counts WHERE categoryId IN (\(placeholders))",
        arguments: StatementArguments(ids))
      var rolled: [Period: Int] = [:]
      while let row = try rows.next() {
        guard let stored = PeriodKind(rawValue: row["periodKind"]), stored <= kind else { continue }
        let period = Period(kind: stored, ordinal: row["period"])
        let ordinal: Int
        if let cached = rolled[period] {
          ordinal = cached
        } else {
          ordinal = period.rolled(to: kind)?.ordinal ?? Int.min
          rolled[period] = ordinal
        }
        let i = ordinal - first.ordinal
        guard i >= 0 && i < length else { continue }
        let area: String = row["area"]
        out[area, default: Array(repeating: 0, count: length)][i] += row["count"]
      }
      return out
    }
  }

  /// Every category the store has seen, with its total count.
  public func categoriesSeen() throws -> [(category: CategoryRef, count: Int64)] {
    try queue.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT c.source, c.name, COALESCE(SUM(n.count), 0) AS total FROM categories c
          LEFT JOIN counts n ON n.categoryId = c.id GROUP BY c.id ORDER BY c.source, c.name
          """
      ).map { (CategoryRef(source: $0["source"], name: $0["name"]), $0["total"]) }
    }
  }

  /// Area texts that matched no area, per source, with their row counts.
  public func unknownAreaLabels() throws -> [(source: String, label: String, rows: Int)] {
    try queue.read { db in
      try Row.fetchAll(
        db, sql: "SELECT source, label, rows FROM unknownAreas ORDER BY source, rows DESC, label"
      ).map { ($0["source"], $0["label"], $0["rows"]) }
    }
  }

  /// Totals for summaries and tests: records kept, aggregated cells, and the sum of the
  /// count cube.
  public func totals() throws -> (records: Int, aggregates: Int, counted: Int64) {
    try queue.read { db in
      (
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM records") ?? 0,
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM aggregates") ?? 0,
        try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(count), 0) FROM counts") ?? 0
      )
    }
  }

  /// Recomputes the count cube from records and aggregates and compares it with the stored
  /// one; returns the number of differing cells (0 for a consistent store).
  public func verifyCounts() throws -> Int {
    try queue.read { db in
      try Int.fetchOne(
        db,
        sql: """
          WITH derived AS (
            SELECT categoryId, 'week' AS periodKind, area, week AS period, COUNT(*) AS count
              FROM records GROUP BY categoryId, area, week
            UNION ALL
            SELECT categoryId, periodKind, area, period, count FROM aggregates WHERE count > 0
          )
          SELECT COUNT(*) FROM (
            SELECT * FROM derived EXCEPT SELECT categoryId, periodKind, area, period, count FROM counts
            UNION ALL
            SELECT categoryId, periodKind, area, period, count FROM counts EXCEPT SELECT * FROM derived
          )
          """) ?? -1
    }
  }

  /// The ids of `categories`; a name ending in `*` (`1.4.*`) stands for every category of
  /// its source that begins with the rest. Each id once, so a category named twice (exactly
  /// and through a `*`) counts once.
  func categoryIDs(_ db: Database, _ categories: [CategoryRef]) throws -> [Int64] {
    var out: [Int64] = []
    var seen: Set<Int64> = []
    for category in categories {
      let ids: [Int64]
      if category.name.hasSuffix("*") {
        let prefix = String(category.name.dropLast())
        ids = try Int64.fetchAll(
          db,
          sql:
            "SELECT id FROM categories WHERE source = ? AND substr(name, 1, length(?)) = ? ORDER BY id",
          arguments: [category.source, prefix, prefix])
      } else {
        ids = try Int64.fetchAll(
          db, sql: "SELECT id FROM categories WHERE source = ? AND name = ?",
          arguments: [category.source, category.name])
      }
      for id in ids where seen.insert(id).inserted { out.append(id) }
    }
    return out
  }
}
