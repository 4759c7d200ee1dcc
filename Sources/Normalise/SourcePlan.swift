import PipelineSpec
import SafetyCore

/// Everything the normaliser needs about one source, compiled from the pipeline once:
/// patterns, the category → indicator map, and the columns to read.
public struct SourcePlan: Sendable {
  public let id: String
  public let source: Source

  /// The indicators a (normalised) category feeds: named exactly or through an entry
  /// ending in `*`; each once, in pipeline order.
  public func indicators(feedBy category: String) -> [Int] {
    var out = indicatorsByCategory[category] ?? []
    for prefix in indicatorsByPrefix where categoryMatches(prefix.entry, category) {
      out += prefix.indicators.filter { !out.contains($0) }
    }
    return out.sorted()
  }
  public let shape: SourceShape
  public let datePattern: DatePattern?
  public let periodPattern: PeriodPattern?
  public let areaMatch: AreaMatch
  /// Normalised category → indices (into the pipeline's indicators) it feeds.
  public let indicatorsByCategory: [String: [Int]]
  /// Category entries ending in `*` (`1.4.*`, normalised) → indices of the indicators they
  /// feed.
  public let indicatorsByPrefix: [(entry: String, indicators: [Int])]
  /// The category of every row when the source declares `category: {value: ...}`.
  public let fixedCategory: String?
  /// The period kind rows are counted in: weeks for dated rows, the period column's kind.
  public let periodKind: PeriodKind
  /// A wide export's count columns as declared (`counts`); each is its own category.
  public let countColumns: [String]
  /// Count cells that hold no figure (`missingCounts`), trimmed, as UTF-8 bytes.
  public let missingCounts: [[UInt8]]
  /// Area texts whose rows are skipped (`area.skip`), as `AreaRegistry.nameKey`s.
  public let skipAreas: Set<String>

  /// Throws a configuration diagnostic when the source cannot be compiled (run `validate`
  /// for all problems at once).
  public init(id: String, in pipeline: LoadedPipeline) throws(Diagnostic) {
    guard let source = pipeline.spec.sources[id] else {
      throw Diagnostic.error(.configError, "no source '\(id)' in the pipeline")
    }
    self.id = id
    self.source = source
    shape = source.resolvedShape
    if let date = source.date {
      guard let pattern = DatePattern(date.format) else {
        throw Diagnostic.error(
          .configError, "'\(date.format)' is not a date pattern",
          at: pipeline.position("sources", id, "date", "format"))
      }
      datePattern = pattern
    } else {
      datePattern = nil
    }
    if let period = source.period, source.date == nil {
      guard let pattern = PeriodPattern(period.effectiveFormat, kind: period.kind) else {
        throw Diagnostic.error(
          .configError, "'\(period.format ?? "")' is not a \(period.kind.rawValue) pattern",
          at: pipeline.position("sources", id, "period", "format"))
      }
      periodPattern = pattern
      periodKind = period.kind
    } else {
      periodPattern = nil
      periodKind = .week
    }
    if datePattern == nil && periodPattern == nil {
      throw Diagnostic.error(
        .configError, "source '\(id)' has neither a date nor a period column",
        at: pipeline.position("sources", id))
    }
    if shape == .records && source.key == nil {
      throw Diagnostic.error(
        .configError, "record-level source '\(id)' has no key column",
        at: pipeline.position("sources", id))
    }
    if shape == .aggregated && source.count == nil && (source.counts ?? []).isEmpty
      && source.period?.inHeader != true
    {
      throw Diagnostic.error(
        .configError, "aggregated source '\(id)' has no count column",
        at: pipeline.position("sources", id))
    }
    areaMatch = source.area.match ?? .auto
    countColumns = shape == .aggregated && source.count == nil ? source.counts ?? [] : []
    missingCounts = (source.missingCounts ?? []).map { Array($0.trimmingSpaces().utf8) }
    skipAreas = Set((source.area.skip ?? []).map(AreaRegistry.nameKey))
    fixedCategory =
      countColumns.isEmpty && source.category?.column == nil ? source.category?.value : nil
    var map: [String: [Int]] = [:]
    var prefixes: [String: [Int]] = [:]
    for (i, (_, indicator)) in pipeline.spec.indicators.enumerated() {
      for category in indicator.from[id] ?? [] {
        let key = normaliseCategory(category)
        if key.hasSuffix("*") {
          if prefixes[key]?.contains(i) != true { prefixes[key, default: []].append(i) }
        } else if map[key]?.contains(i) != true {
          map[key, default: []].append(i)
        }
      }
    }
    indicatorsByCategory = map
    indicatorsByPrefix = prefixes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  /// The columns of an export's header that this source reads, by position.
  public struct Columns: Sendable, Equatable {
    public var key: Int?
    public var date: Int?
    public var period: Int?
    /// The period's year column, when it has one of its own.
    public var periodYear: Int?
    public var area: Int
    public var category: Int?
    public var count: Int?
    /// A wide export's count columns, in the order of `SourcePlan.countColumns`.
    public var counts: [Int] = []
    /// Periods in the column names (`period: {column: "*"}`): each such column and its
    /// period.
    public var periods: [PeriodCount] = []
    /// The highest index read, so short rows are recognised.
    public var maxIndex: Int {
      ([key, date, period, periodYear, area, category, count].compactMap { $0 } + counts
        + periods.map(\.column)).max() ?? area
    }
  }

  /// A column whose name is a period, with that period.
  public struct PeriodCount: Sendable, Equatable {
    public var column: Int
    public var period: Period
  }

  /// The columns of `header` whose names read as periods (`period: {column: "*"}`).
  func periodColumns(_ header: [String]) -> [PeriodCount] {
    guard source.period?.inHeader == true, let pattern = periodPattern else { return [] }
    return header.enumerated().compactMap { i, label in
      pattern.parse(label).map { PeriodCount(column: i, period: $0) }
    }
  }

  /// Finds the declared columns in a header, order-free and case- and space-insensitive
  /// (or by 1-based number for exports without a header). Personal columns are not looked
  /// up. Throws a `missing-label` diagnostic naming the absent columns, at the header's
  /// `line`.
  public func bind(header: [String]?, file: String, line: Int = 1) throws(Diagnostic) -> Columns {
    var labels: [String: [Int]] = [:]
    for (i, label) in (header ?? []).enumerated() {
      labels[normaliseHeader(label), default: []].append(i)
    }
    var missing: [String] = []
    var ambiguous: [String] = []
    func find(_ name: String?) -> Int? {
      guard let name else { return nil }
      guard header != nil else {
        if let n = Int(name.trimmingSpaces()), n >= 1 { return n - 1 }
        missing.append(name)
        return nil
      }
      guard let hits = labels[normaliseHeader(name)] else {
        missing.append(name)
        return nil
      }
      if hits.count > 1 { ambiguous.append(name) }
      return hits[0]
    }
    let columns = Columns(
      key: shape == .records ? find(source.key) : nil,
      date: find(source.date?.column),
      period: source.date == nil && source.period?.inHeader != true
        ? find(source.period?.column) : nil,
      periodYear: source.date == nil ? find(source.period?.yearColumn) : nil,
      area: find(source.area.column) ?? 0,
      category: countColumns.isEmpty ? find(source.category?.column) : nil,
      count: shape == .aggregated ? find(source.count) : nil,
      counts: countColumns.compactMap(find),
      periods: periodColumns(header ?? []))

    let position = SourcePosition(file: file, line: line, column: 1)
    if !missing.isEmpty {
      // The header's own texts are not repeated: when a file has no header row (or the
      // wrong delimiter), its "header" is a row of data. `safety-monitor sniff` shows it.
      let width = header?.count ?? 0
      throw Diagnostic.error(
        .missingColumn,
        "missing column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")) "
          + "for source '\(id)'; the header row has \(width) column\(width == 1 ? "" : "s") "
          + "(check the delimiter and header names with safety-monitor sniff)", at: position)
    }
    if !ambiguous.isEmpty {
      throw Diagnostic.error(
        .duplicateHeader,
        "column\(ambiguous.count > 1 ? "s" : "") \(ambiguous.joined(separator: ", ")) "
          + "appear\(ambiguous.count > 1 ? "" : "s") more than once in the header", at: position)
    }
    if let period = source.period, period.inHeader, columns.periods.isEmpty {
      throw Diagnostic.error(
        .missingColumn,
        "no column of the header is named as a \(period.kind.rawValue) "
          + "(\(periodPattern.map { "\($0)" } ?? "")) for source '\(id)'", at: position)
    }
    return columns
  }
}
