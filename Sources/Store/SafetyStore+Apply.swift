import Aggregate
import Foundation
import GRDB
import Normalise
import SafetyCore

/// What applying one export changed.
public struct ApplyResult: Sendable, Hashable, Codable {
  public var exportID: Int64
  /// Records (or aggregated cells) that were not in the store.
  public var recordsNew: Int
  /// Records moved to another category, area or date (latest export wins), or aggregated
  /// cells whose count changed or that the newer export no longer has.
  public var recordsReplaced: Int
  /// Records or cells delivered again as they were.
  public var recordsUnchanged: Int
}

extension SafetyStore {
  /// Applies a normalised export in ONE transaction: ledger entry, delivery, records (dedupe
  /// by keyed hash, latest export wins) or aggregated counts (the export's periods replace
  /// what an older export of the same source said about them), the count cube, and the
  /// unknown-area labels. `registry` names the areas behind the export's area indices.
  public func apply(_ export: NormalisedExport, receipt: ExportReceipt, registry: AreaRegistry)
    throws -> ApplyResult
  {
    let areaCodes = registry.areas.map(\.code.rawValue)
    func code(_ area: Int32) -> String {
      area >= 0 && Int(area) < areaCodes.count ? areaCodes[Int(area)] : SafetyStore.unknownArea
    }
    return try queue.write { db in
      let categoryIDs = try storeCategoryIDs(db, source: export.source, names: export.categories)
      try insertLedger(
        db, receipt, status: .applied, stats: export.stats, result: nil,
        periods: periodRange(export), reason: nil)
      let exportID = db.lastInsertedRowID
      try insertDelivery(db, exportID: exportID, receipt, outcome: "applied")
      checkpoint("store.apply.ledger-inserted")
      var deltas = CountDeltas()
      var result = ApplyResult(
        exportID: exportID, recordsNew: 0, recordsReplaced: 0, recordsUnchanged: 0)
      if export.counts.isEmpty {
        try applyRecords(db, export, exportID, categoryIDs, areaCodes, registry, &deltas, &result)
      } else {
        try applyCounts(db, export, exportID, categoryIDs, code, &deltas, &result)
      }
      try deltas.write(db)
      checkpoint("store.apply.cube-written")
      try db.execute(
        sql:
          "UPDATE exports SET recordsNew = ?, recordsReplaced = ?, recordsUnchanged = ? WHERE id = ?",
        arguments: [result.recordsNew, result.recordsReplaced, result.recordsUnchanged, exportID])
      for (label, rows) in export.unknownAreaLabels {
        try db.execute(
          sql: """
            INSERT INTO unknownAreas (source, label, rows, lastExportId) VALUES (?, ?, ?, ?)
            ON CONFLICT (source, label) DO UPDATE SET rows = rows + excluded.rows,
              lastExportId = excluded.lastExportId
            """, arguments: [export.source, label, rows, exportID])
      }
      checkpoint("store.apply.before-commit")
      return result
    }
  }

  private func periodRange(_ export: NormalisedExport) -> (Period, Period)? {
    if !export.counts.isEmpty {
      let periods = export.counts.map(\.period)
      guard let lo = periods.min(), let hi = periods.max() else { return nil }
      return (lo, hi)
    }
    let days = export.records.map(\.day)
    guard let lo = days.min(), let hi = days.max() else { return nil }
    return (
      .week(ISOWeek(containing: CivilDate(dayNumber: Int(lo)))),
      .week(ISOWeek(containing: CivilDate(dayNumber: Int(hi))))
    )
  }

  /// Store ids of a source's categories (by normalised name), created when new.
  func storeCategoryIDs(_ db: Database, source: String, names: [String]) throws -> [Int64] {
    try names.map { name in
      try db.execute(
        sql: "INSERT OR IGNORE INTO categories (source, name) VALUES (?, ?)",
        arguments: [source, name])
      guard
        let id = try Int64.fetchOne(
          db, sql: "SELECT id FROM categories WHERE source = ? AND name = ?",
          arguments: [source, name])
      else { throw StoreError.inconsistent("category \(source)/\(name) vanished") }
      return id
    }
  }

  private func applyRecords(
    _ db: Database, _ export: NormalisedExport, _ exportID: Int64, _ categoryIDs: [Int64],
    _ areaCodes: [String], _ registry: AreaRegistry, _ deltas: inout CountDeltas,
    _ result: inout ApplyResult
  ) throws {
    func code(_ area: Int32) -> String {
      area >= 0 && Int(area) < areaCodes.count ? areaCodes[Int(area)] : SafetyStore.unknownArea
    }
    // Cube changes by packed (category, area index, week) while going through the rows;
    // turned into area codes once per cell at the end.
    var fast = CountCube(periodKind: .week)
    let packable = categoryIDs.allSatisfy { $0 >= 0 && $0 <= Int64(CellKey.maxSeries) }
    func change(_ category: Int64, _ area: Int32?, _ areaCode: String, _ week: Int, _ n: Int64) {
      if packable, let area, week >= 0, week <= CellKey.maxPeriod {
        fast.add(series: Int(category), area: Int(area), period: week, n)
      } else {
        deltas.add(category: category, kind: .week, area: areaCode, period: week, n)
      }
    }
    defer {
      fast.forEachCell { key, n in
        deltas.add(
          category: Int64(key.series), kind: .week, area: code(Int32(key.area)), period: key.period,
          n)
      }
    }
    let select = try db.cachedStatement(
      sql: "SELECT categoryId, area, day, week FROM records WHERE source = ? AND keyHash = ?")
    let insert = try db.cachedStatement(
      sql: """
        INSERT INTO records (source, keyHash, categoryId, area, day, week, exportId)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """)
    let update = try db.cachedStatement(
      sql: """
        UPDATE records SET categoryId = ?, area = ?, day = ?, week = ?, exportId = ?
        WHERE source = ? AND keyHash = ?
        """)
    // Keys are keyed hashes, so random: applied in key order, each export walks the records
    // B-tree once from left to right instead of jumping around it.
    let keys: [KeyDigest] = try export.records.map { record in
      guard let key = record.key else {
        throw StoreError.inconsistent("record without a keyed hash in \(export.source)")
      }
      return key
    }
    let order = keys.indices.sorted { keys[$0] < keys[$1] }
    let find = RawStatement(select)
    let add = RawStatement(insert)
    let move = RawStatement(update)
    find.bind(1, text: export.source)
    defer {
      find.reset()
      add.reset()
      move.reset()
    }
    let halfway = order.count / 2
    for (n, index) in order.enumerated() {
      if n == halfway { checkpoint("store.apply.records-halfway") }
      let record = export.records[index]
      let category = categoryIDs[Int(record.category)]
      let area = code(record.area)
      let day = Int(record.day)
      let week = weekIndex(day)
      try keys[index].withUnsafeBytes { key in
        find.bind(2, blob: key)
        if try find.step() {
          let oldCategory = find.int64(0)
          let oldArea = find.text(1)
          let oldDay = Int(find.int64(2))
          let oldWeek = Int(find.int64(3))
          find.reset()
          if oldCategory == category && oldArea == area && oldDay == day {
            result.recordsUnchanged += 1
            return
          }
          move.bind(1, category)
          move.bind(2, text: area)
          move.bind(3, day)
          move.bind(4, week)
          move.bind(5, exportID)
          move.bind(6, text: export.source)
          move.bind(7, blob: key)
          try move.run()
          let oldIndex =
            oldArea == SafetyStore.unknownArea
            ? Int32(-1) : AreaCode(oldArea).flatMap(registry.index(of:)).map(Int32.init)
          change(oldCategory, oldIndex, oldArea, oldWeek, -1)
          change(category, record.area, area, week, 1)
          result.recordsReplaced += 1
        } else {
          find.reset()
          add.bind(1, text: export.source)
          add.bind(2, blob: key)
          add.bind(3, category)
          add.bind(4, text: area)
          add.bind(5, day)
          add.bind(6, week)
          add.bind(7, exportID)
          try add.run()
          change(category, record.area, area, week, 1)
          result.recordsNew += 1
        }
      }
    }
  }

  /// The ISO week index (`ISOWeek.index`) of a day number: weeks start on Monday.
  @inline(__always)
  func weekIndex(_ day: Int) -> Int {
    let d = day + 3
    return d >= 0 ? d / 7 : (d - 6) / 7
  }

  private func applyCounts(
    _ db: Database, _ export: NormalisedExport, _ exportID: Int64, _ categoryIDs: [Int64],
    _ code: (Int32) -> String, _ deltas: inout CountDeltas, _ result: inout ApplyResult
  ) throws {
    // The export's cells, summed (two names may resolve to one area).
    var cells: [CellID: Int64] = [:]
    for c in export.counts {
      let id = CellID(
        category: categoryIDs[Int(c.category)], kind: c.period.kind, area: code(c.area),
        period: c.period.ordinal)
      cells[id, default: 0] += c.count
    }
    // What the store holds for the export's source and periods is replaced whole.
    let periods = Set(export.counts.map(\.period))
    var old: [CellID: Int64] = [:]
    let sourceCategories = try Int64.fetchAll(
      db, sql: "SELECT id FROM categories WHERE source = ?", arguments: [export.source])
    for period in periods {
      for category in sourceCategories {
        let rows = try Row.fetchAll(
          db,
          sql: """
            SELECT area, count FROM aggregates
            WHERE categoryId = ? AND periodKind = ? AND period = ?
            """, arguments: [category, period.kind.rawValue, period.ordinal])
        for row in rows {
          let id = CellID(
            category: category, kind: period.kind, area: row["area"], period: period.ordinal)
          old[id] = row["count"]
        }
        try db.execute(
          sql: "DELETE FROM aggregates WHERE categoryId = ? AND periodKind = ? AND period = ?",
          arguments: [category, period.kind.rawValue, period.ordinal])
      }
    }
    let insert = try db.cachedStatement(
      sql: """
        INSERT INTO aggregates (categoryId, periodKind, period, area, count, exportId)
        VALUES (?, ?, ?, ?, ?, ?)
        """)
    let sorted = cells.sorted(by: { $0.key < $1.key })
    for (n, (id, count)) in sorted.enumerated() {
      if n == sorted.count / 2 { checkpoint("store.apply.cells-halfway") }
      try insert.execute(arguments: [
        id.category, id.kind.rawValue, id.period, id.area, count, exportID,
      ])
      let before = old.removeValue(forKey: id)
      switch before {
      case nil: result.recordsNew += 1
      case count: result.recordsUnchanged += 1
      default: result.recordsReplaced += 1
      }
      deltas.add(
        category: id.category, kind: id.kind, area: id.area, period: id.period,
        count - (before ?? 0))
    }
    for (id, count) in old {
      result.recordsReplaced += 1
      deltas.add(category: id.category, kind: id.kind, area: id.area, period: id.period, -count)
    }
  }
}

/// A cell of the store's count cube.
struct CellID: Hashable, Comparable {
  var category: Int64
  var kind: PeriodKind
  var area: String
  var period: Int

  static func < (a: CellID, b: CellID) -> Bool {
    (a.category, a.kind, a.area, a.period) < (b.category, b.kind, b.area, b.period)
  }
}

/// Changes to the count cube, written in one pass at the end of an export.
struct CountDeltas {
  var cells: [CellID: Int64] = [:]

  mutating func add(category: Int64, kind: PeriodKind, area: String, period: Int, _ n: Int64) {
    cells[CellID(category: category, kind: kind, area: area, period: period), default: 0] += n
  }

  func write(_ db: Database) throws {
    let upsert = try db.cachedStatement(
      sql: """
        INSERT INTO counts (categoryId, periodKind, area, period, count) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (categoryId, periodKind, area, period) DO UPDATE SET count = count + excluded.count
        """)
    let update = try db.cachedStatement(
      sql: """
        UPDATE counts SET count = count + ? WHERE categoryId = ? AND periodKind = ? AND area = ?
          AND period = ?
        """)
    let prune = try db.cachedStatement(
      sql: """
        DELETE FROM counts WHERE categoryId = ? AND periodKind = ? AND area = ? AND period = ?
          AND count <= 0
        """)
    let up = RawStatement(upsert)
    let down = RawStatement(update)
    let gone = RawStatement(prune)
    defer {
      up.reset()
      down.reset()
      gone.reset()
    }
    for (id, n) in cells.sorted(by: { $0.key < $1.key }) where n != 0 {
      if n > 0 {
        up.bind(1, id.category)
        up.bind(2, text: id.kind.rawValue)
        up.bind(3, text: id.area)
        up.bind(4, id.period)
        up.bind(5, n)
        try up.run()
      } else {
        // A decrease: the cell was counted before; it may reach zero (then it goes). The
        // schema's CHECK (count >= 0) stops a cube that no longer matches its records.
        down.bind(1, n)
        down.bind(2, id.category)
        down.bind(3, text: id.kind.rawValue)
        down.bind(4, text: id.area)
        down.bind(5, id.period)
        try down.run()
        guard down.changes == 1 else {
          throw StoreError.inconsistent("count cube cell to decrease is missing")
        }
        gone.bind(1, id.category)
        gone.bind(2, text: id.kind.rawValue)
        gone.bind(3, text: id.area)
        gone.bind(4, id.period)
        try gone.run()
      }
    }
  }
}
