import Normalise
import SafetyCore
import Store

/// The area codes as stored, resolved through the registry: for each code, the code of
/// the area holding it at every level at or above its own (a buurt code has a buurt, wijk
/// and gemeente; a wijk code — a source that delivers per wijk — has no buurt). Unknown
/// codes and the unknown bucket resolve to nothing: they count in no area.
struct AreaResolver: Sendable {
  let registry: AreaRegistry
  private var cache: [String: [AreaLevel: String]] = [:]

  init(registry: AreaRegistry) { self.registry = registry }

  mutating func ancestors(of code: String) -> [AreaLevel: String] {
    if let hit = cache[code] { return hit }
    var out: [AreaLevel: String] = [:]
    if let areaCode = AreaCode(code), var i = registry.resolve(code: areaCode) {
      while let area = registry.area(i) {
        out[area.level] = area.code.rawValue
        guard area.parent >= 0 else { break }
        i = area.parent
      }
    }
    cache[code] = out
    return out
  }
}

/// One category's counts over consecutive periods, summed per area at every level.
struct RolledCounts: Sendable {
  /// Level → area code → counts per period.
  var byArea: [AreaLevel: [String: [Int64]]] = [:]
  /// Level → counts per period kept at a coarser level (a wijk count when buurten are
  /// asked): they cannot be split over the level's areas.
  var coarser: [AreaLevel: [Int64]] = [:]
  /// Everything in a known area.
  var total: [Int64]

  init(length: Int) { total = Array(repeating: 0, count: length) }
}

/// Counts of many categories over one run of periods of one kind, rolled up to wijken,
/// buurten and the municipality.
struct CountBank: Sendable {
  let kind: PeriodKind
  let first: Period
  let length: Int
  private(set) var categories: [CategoryRef: RolledCounts] = [:]

  init(kind: PeriodKind, first: Period, last: Period) {
    self.kind = kind
    self.first = first
    length = max(0, last.ordinal - first.ordinal + 1)
  }

  /// Reads `categories` from `source` and rolls them up.
  mutating func load(
    _ wanted: some Sequence<CategoryRef>, from source: some ReportDataSource,
    resolver: inout AreaResolver
  ) throws {
    guard length > 0 else { return }
    let last = first.advanced(by: length - 1)
    for category in wanted where categories[category] == nil {
      var rolled = RolledCounts(length: length)
      for (code, values) in try source.counts(of: category, kind: kind, from: first, through: last)
      {
        let ancestors = resolver.ancestors(of: code)
        guard !ancestors.isEmpty else { continue }
        add(values, to: &rolled.total)
        for level in [AreaLevel.buurt, .wijk, .gemeente] {
          if let target = ancestors[level] {
            add(values, to: &rolled.byArea[level, default: [:]][target, default: zeros])
          } else {
            add(values, to: &rolled.coarser[level, default: zeros])
          }
        }
      }
      categories[category] = rolled
    }
  }

  var zeros: [Int64] { Array(repeating: 0, count: length) }

  private func add(_ values: [Int64], to target: inout [Int64]) {
    for i in 0..<min(values.count, target.count) { target[i] += values[i] }
  }

  /// The index of `period` in the bank, nil outside it.
  func index(of period: Period) -> Int? {
    guard period.kind == kind else { return nil }
    let i = period.ordinal - first.ordinal
    return i >= 0 && i < length ? i : nil
  }

  /// The sum over `categories` in the municipality (all known areas).
  func total(_ categories: Set<CategoryRef>) -> [Int64] {
    var out = zeros
    for c in categories {
      if let r = self.categories[c] { for i in 0..<length { out[i] += r.total[i] } }
    }
    return out
  }

  /// The sum over `categories` in one area of `level`.
  func area(_ code: String, level: AreaLevel, _ categories: Set<CategoryRef>) -> [Int64] {
    var out = zeros
    for c in categories {
      if let values = self.categories[c]?.byArea[level]?[code] {
        for i in 0..<length { out[i] += values[i] }
      }
    }
    return out
  }

  /// Whether any of `categories` has counts at a level coarser than `level`.
  func hasCoarser(_ categories: Set<CategoryRef>, than level: AreaLevel) -> Bool {
    categories.contains { c in
      (self.categories[c]?.coarser[level] ?? []).contains { $0 > 0 }
    }
  }
}
