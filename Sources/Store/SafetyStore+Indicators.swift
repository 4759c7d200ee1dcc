import Normalise
import PipelineSpec
import SafetyCore

extension SafetyStore {
  /// The source categories an indicator sums, as stored (normalised names).
  public static func categories(of indicator: Indicator) -> [CategoryRef] {
    indicator.from.flatMap { source, names in
      names.map { CategoryRef(source: source, name: normaliseCategory($0)) }
    }
  }

  /// Dense series of one indicator per area at `level`, in periods of `kind` from `first`
  /// through `last`: the sum of its source categories (`series(of:kind:from:through:)`),
  /// with areas rolled up through the registry's parents to `level` (buurt → wijk →
  /// gemeente). Counts a source keeps at a coarser level than `level` (a wijk count when
  /// buurten are asked) cannot be split: they stay under their own code. The unknown bucket
  /// stays under `SafetyStore.unknownArea`; codes no longer in the registry are kept as they
  /// are.
  public func indicatorSeries(
    _ indicator: Indicator, level: AreaLevel, registry: AreaRegistry, kind: PeriodKind,
    from first: Period, through last: Period
  ) throws -> [String: [Int64]] {
    let raw = try series(
      of: SafetyStore.categories(of: indicator), kind: kind, from: first, through: last)
    var out: [String: [Int64]] = [:]
    for (code, values) in raw {
      let target = SafetyStore.rollUp(code, to: level, registry: registry)
      if var existing = out[target] {
        for i in existing.indices { existing[i] += values[i] }
        out[target] = existing
      } else {
        out[target] = values
      }
    }
    return out
  }

  /// The code of the area at `level` that holds `code` (itself when it is that level or
  /// coarser, or unknown to the registry).
  static func rollUp(_ code: String, to level: AreaLevel, registry: AreaRegistry) -> String {
    guard let areaCode = AreaCode(code), var i = registry.index(of: areaCode) else { return code }
    while let area = registry.area(i), area.level < level, area.parent >= 0 { i = area.parent }
    return registry.area(i)?.code.rawValue ?? code
  }
}
