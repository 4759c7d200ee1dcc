import PipelineSpec
import SafetyCore

/// Turns the raw rows of one export into records or counts: reads the declared columns
/// only, parses dates (Europe/Amsterdam calendar) and periods, resolves areas through the
/// registry (codes, crosswalk, names, aliases; unknown ones into the unknown bucket) and
/// categories (trimmed, case-insensitive). Bad rows become row diagnostics with positions;
/// no field value is ever put in a diagnostic. One normaliser per file; not shared.
public struct Normaliser {
  public let plan: SourcePlan
  public let registry: AreaRegistry
  /// Dates after this day are `future-date` errors.
  public let runDate: CivilDate
  public let hasher: KeyHasher?
  public let file: String
  public let columns: SourcePlan.Columns
  public let maxDiagnostics: Int

  /// Normalised categories seen, by local id.
  public private(set) var categories: [String] = []
  /// For each local category id, the indicators it feeds.
  public private(set) var categoryIndicators: [[Int]] = []
  public private(set) var stats = RowStats()
  /// The first `maxDiagnostics` row diagnostics.
  public private(set) var diagnostics: [Diagnostic] = []
  /// All row diagnostics by code, including those past the cap.
  public private(set) var diagnosticCounts: [DiagnosticCode: Int] = [:]
  /// Area texts that matched nothing, with their row counts (at most 1,000 distinct).
  public private(set) var unknownAreaLabels: [String: Int] = [:]

  private let maxIndex: Int
  private let sourceHasher: SourceKeyHasher?
  private let earliestDay = CivilDate(year: 1900, month: 1, day: 1)?.dayNumber ?? 0
  private var areaCache = ByteCache<Int32>()
  private var categoryCache = ByteCache<Int32>()
  private var categoryIDs: [String: Int32] = [:]
  /// Local category ids of a wide export's count columns, in `plan.countColumns` order.
  private var countCategories: [Int32] = []

  public init(
    plan: SourcePlan, registry: AreaRegistry, columns: SourcePlan.Columns, file: String,
    runDate: CivilDate, hasher: KeyHasher?, maxDiagnostics: Int = 100
  ) {
    self.plan = plan
    self.registry = registry
    self.columns = columns
    self.file = file
    self.runDate = runDate
    self.hasher = hasher
    self.maxDiagnostics = maxDiagnostics
    self.maxIndex = columns.maxIndex
    self.sourceHasher = hasher?.forSource(plan.id)
    if let fixed = plan.fixedCategory { _ = categoryID(normalised: normaliseCategory(fixed)) }
    for column in plan.countColumns {
      countCategories.append(categoryID(normalised: normaliseCategory(column)))
    }
  }

  /// Records a diagnostic that is not about one row (e.g. from the reader).
  public mutating func note(_ diagnostic: Diagnostic) {
    diagnosticCounts[diagnostic.code, default: 0] += 1
    if diagnostics.count < maxDiagnostics { diagnostics.append(diagnostic) }
  }

  private mutating func reject<R: RowFields & ~Copyable>(
    _ row: borrowing R, field: Int, _ code: DiagnosticCode, _ message: String
  ) -> RowOutcome {
    stats.rejected += 1
    if diagnostics.count < maxDiagnostics {
      var position =
        field <= row.fieldCount
        ? row.position(ofField: field)
        : SourcePosition(file: file, line: row.lineNumber, column: 1)
      position.file = file
      diagnostics.append(.error(code, message, at: position))
    }
    diagnosticCounts[code, default: 0] += 1
    return .rejected
  }

  /// Counts a data row as rejected for a reason found outside the normaliser (e.g. its
  /// field count differs from the header's).
  public mutating func rejectRow<R: RowFields & ~Copyable>(
    _ row: borrowing R, field: Int, _ code: DiagnosticCode, _ message: String
  ) -> RowOutcome {
    stats.total += 1
    return reject(row, field: field, code, message)
  }

  /// Normalises one data row (not the header).
  public mutating func normalise<R: RowFields & ~Copyable>(_ row: borrowing R) -> RowOutcome {
    stats.total += 1
    let columns = self.columns
    if !plan.skipAreas.isEmpty, columns.area < row.fieldCount,
      plan.skipAreas.contains(AreaRegistry.nameKey(row.text(columns.area)))
    {
      stats.ok += 1
      return .skipped
    }
    if row.fieldCount <= maxIndex {
      return reject(
        row, field: row.fieldCount, .missingCell,
        "row has \(row.fieldCount) fields; column \(maxIndex + 1) is needed")
    }
    // Category.
    let category: Int32
    if let c = columns.category {
      let raw = row.bytes(c)
      if let hit = categoryCache.value(for: raw) {
        category = hit
      } else {
        let normalised = normaliseCategory(row.text(c))
        if normalised.isEmpty { return reject(row, field: c, .missingCell, "category is empty") }
        category = categoryID(normalised: normalised)
        categoryCache.set(category, for: raw)
      }
    } else {
      category = 0
    }
    // Area.
    let area: Int32
    let a = columns.area
    let rawArea = row.bytes(a)
    if let hit = areaCache.value(for: rawArea) {
      area = hit
    } else if plan.areaMatch == .code || plan.areaMatch == .auto,
      let hit = registry.codeBytes.value(for: rawArea)
    {
      area = hit
      areaCache.set(area, for: rawArea)
    } else {
      let text = row.text(a)
      area = Int32(registry.resolve(text, match: plan.areaMatch, source: plan.id) ?? -1)
      areaCache.set(area, for: rawArea)
    }
    if area < 0 {
      // A full postcode with house numbers nearby can point at a household: an unknown
      // one is kept by its four digits only.
      let text = row.text(a)
      let label =
        AreaRegistry.postcodeKey(text).map { String($0.prefix(4)) }
        ?? String(text.trimmingSpaces().prefix(100))
      if unknownAreaLabels[label] != nil || unknownAreaLabels.count < 1000 {
        unknownAreaLabels[label, default: 0] += 1
      }
    }

    let outcome: RowOutcome
    switch plan.shape {
    case .records:
      guard let d = columns.date, let k = columns.key, let pattern = plan.datePattern else {
        return .rejected
      }
      let day: CivilDate
      switch pattern.parse(row.bytes(d)) {
      case .success(let date): day = date
      case .failure(.malformed):
        if row.bytes(d).isEmpty { return reject(row, field: d, .missingCell, "date is empty") }
        return reject(row, field: d, .invalidDate, "date does not match \(pattern)")
      case .failure(.impossible):
        return reject(row, field: d, .invalidDate, "no such date (pattern \(pattern))")
      }
      if day > runDate {
        return reject(row, field: d, .futureDate, "date is after the run date \(runDate)")
      }
      if day.dayNumber < earliestDay {
        return reject(row, field: d, .invalidDate, "date is before 1900")
      }
      let rawKey = row.bytes(k)
      if isBlank(rawKey) { return reject(row, field: k, .missingCell, "key is empty") }
      let digest = sourceHasher?.digest(key: rawKey)
      outcome = .record(
        NormalisedRecord(key: digest, category: category, area: area, day: Int32(day.dayNumber)))
    case .aggregated:
      if !columns.periods.isEmpty {
        return periodCounts(row, category: category, area: area)
      }
      let period: Period
      if let d = columns.date, let pattern = plan.datePattern {
        switch pattern.parse(row.bytes(d)) {
        case .success(let date):
          if date > runDate {
            return reject(row, field: d, .futureDate, "date is after the run date \(runDate)")
          }
          period = Period(containing: date, kind: .week)
        case .failure:
          return reject(row, field: d, .invalidDate, "date does not match \(pattern)")
        }
      } else if let p = columns.period, let pattern = plan.periodPattern {
        let value: Period?
        if let year = columns.periodYear {
          value = periodWithYear(row, year: year, period: p, pattern)
        } else {
          value = pattern.parse(row.bytes(p))
        }
        guard let parsed = value else {
          let from = columns.periodYear == nil ? "" : " from the year and period columns"
          return reject(
            row, field: p, .typeError, "expected a \(pattern.kind.rawValue)\(from) (\(pattern))")
        }
        if parsed.firstDay > runDate {
          return reject(row, field: p, .futureDate, "period starts after the run date \(runDate)")
        }
        period = parsed
      } else {
        return .rejected
      }
      if !columns.counts.isEmpty {
        return wideCounts(row, period: period, area: area)
      }
      guard let c = columns.count else { return .rejected }
      let raw = row.bytes(c)
      if isMissingCount(raw) {
        outcome = .counts([])
      } else if let count = parseCount(raw) {
        outcome = .count(
          NormalisedCount(period: period, category: category, area: area, count: count))
      } else {
        return reject(row, field: c, .typeError, "expected a whole number of zero or more")
      }
    }
    stats.ok += 1
    if area < 0 { stats.unknownArea += 1 }
    if categoryIndicators[Int(category)].isEmpty { stats.unmappedCategory += 1 }
    return outcome
  }

  /// The counts of one row of a wide export. A cell that is neither a count nor a missing
  /// marker rejects the whole row (its other cells are not kept either).
  private mutating func wideCounts<R: RowFields & ~Copyable>(
    _ row: borrowing R, period: Period, area: Int32
  ) -> RowOutcome {
    var counts: [NormalisedCount] = []
    counts.reserveCapacity(countCategories.count)
    var mapped = false
    for (i, c) in columns.counts.enumerated() {
      let raw = row.bytes(c)
      if isMissingCount(raw) { continue }
      guard let count = parseCount(raw) else {
        return reject(
          row, field: c, .typeError,
          "expected a whole number of zero or more in count column '\(plan.countColumns[i])'")
      }
      let category = countCategories[i]
      if !categoryIndicators[Int(category)].isEmpty { mapped = true }
      counts.append(NormalisedCount(period: period, category: category, area: area, count: count))
    }
    stats.ok += 1
    if area < 0 { stats.unknownArea += 1 }
    if !mapped { stats.unmappedCategory += 1 }
    return .counts(counts)
  }

  /// The counts of one row whose periods are the columns (`period: {column: "*"}`). A cell
  /// that is neither a count nor a missing marker, or a figure above zero for a period after
  /// the run date, rejects the whole row.
  private mutating func periodCounts<R: RowFields & ~Copyable>(
    _ row: borrowing R, category: Int32, area: Int32
  ) -> RowOutcome {
    var counts: [NormalisedCount] = []
    counts.reserveCapacity(columns.periods.count)
    for column in columns.periods {
      let raw = row.bytes(column.column)
      if isMissingCount(raw) { continue }
      guard let count = parseCount(raw) else {
        return reject(
          row, field: column.column, .typeError,
          "expected a whole number of zero or more for \(column.period)")
      }
      if column.period.firstDay > runDate {
        // A template's months to come, filled with zeros, say nothing yet.
        if count == 0 { continue }
        return reject(
          row, field: column.column, .futureDate,
          "a figure for \(column.period), which starts after the run date \(runDate)")
      }
      counts.append(
        NormalisedCount(period: column.period, category: category, area: area, count: count))
    }
    stats.ok += 1
    if area < 0 { stats.unknownArea += 1 }
    if categoryIndicators[Int(category)].isEmpty { stats.unmappedCategory += 1 }
    return .counts(counts)
  }

  /// Whether a count cell holds one of the source's missing markers (trimmed).
  private func isMissingCount(_ raw: UnsafeRawBufferPointer) -> Bool {
    guard !plan.missingCounts.isEmpty else { return false }
    let value = trimmed(raw)
    return plan.missingCounts.contains { $0.elementsEqual(value) }
  }

  /// A period whose year stands in a column of its own: the year, a space and the period
  /// column's value, read with the pattern (`yyyy w`).
  private func periodWithYear<R: RowFields & ~Copyable>(
    _ row: borrowing R, year: Int, period: Int, _ pattern: PeriodPattern
  ) -> Period? {
    let a = trimmed(row.bytes(year))
    let b = trimmed(row.bytes(period))
    guard a.count + b.count <= 64 else { return nil }
    return withUnsafeTemporaryAllocation(byteCount: a.count + 1 + b.count, alignment: 1) {
      joined in
      UnsafeMutableRawBufferPointer(rebasing: joined[..<a.count]).copyMemory(from: a)
      joined[a.count] = 0x20
      UnsafeMutableRawBufferPointer(rebasing: joined[(a.count + 1)...]).copyMemory(from: b)
      return pattern.parse(UnsafeRawBufferPointer(joined))
    }
  }

  private mutating func categoryID(normalised: String) -> Int32 {
    if let id = categoryIDs[normalised] { return id }
    let id = Int32(categories.count)
    categories.append(normalised)
    categoryIndicators.append(plan.indicators(feedBy: normalised))
    categoryIDs[normalised] = id
    return id
  }
}
