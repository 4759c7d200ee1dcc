import SafetyCore

/// Counts per series × area × period, for periods of one kind. Sparse: cells that were never
/// added are zero. Cells that sum to zero are kept (a delta cube may cancel out); call
/// `droppingZeros()` to remove them.
public struct CountCube: Sendable, Equatable {
  public let periodKind: PeriodKind
  private var table: CountTable

  public init(periodKind: PeriodKind = .week, minimumCapacity: Int = 0) {
    self.periodKind = periodKind
    self.table = CountTable(minimumCapacity: minimumCapacity)
  }

  /// The cells as a dictionary (for inspection; `sortedCells()` for ordered output).
  public var cells: [CellKey: Int64] {
    var out: [CellKey: Int64] = Dictionary(minimumCapacity: table.count)
    table.forEach { out[CellKey(packed: $0)] = $1 }
    return out
  }

  /// Number of cells (zero-valued ones included).
  public var cellCount: Int { table.count }

  /// Every cell, in no particular order.
  public func forEachCell(_ body: (CellKey, Int64) -> Void) {
    table.forEach { body(CellKey(packed: $0), $1) }
  }

  @inline(__always)
  public mutating func add(_ key: CellKey, _ count: Int64 = 1) {
    table.add(key.packed, count)
  }

  public static func == (a: CountCube, b: CountCube) -> Bool {
    a.periodKind == b.periodKind
      && a.droppingZeros().sortedCells().elementsEqual(
        b.droppingZeros().sortedCells(), by: { $0.key == $1.key && $0.count == $1.count })
  }

  @inline(__always)
  public mutating func add(series: Int, area: Int, period: Int, _ count: Int64 = 1) {
    add(CellKey(series: series, area: area, period: period), count)
  }

  public subscript(series: Int, area: Int, period: Int) -> Int64 {
    table.value(CellKey(series: series, area: area, period: period).packed) ?? 0
  }

  /// Adds every cell of `other` (same period kind).
  public mutating func merge(_ other: CountCube) {
    precondition(other.periodKind == periodKind, "merging cubes of different period kinds")
    if table.count == 0 {
      table = other.table
      return
    }
    table.reserve(table.count + other.table.count)
    other.table.forEach { table.add($0, $1) }
  }

  /// The cells in key order (series, area, period): the deterministic form for output,
  /// storing and comparing.
  public func sortedCells() -> [(key: CellKey, count: Int64)] {
    var out: [(key: CellKey, count: Int64)] = []
    out.reserveCapacity(table.count)
    table.forEach { out.append((CellKey(packed: $0), $1)) }
    out.sort { $0.key < $1.key }
    return out
  }

  public var total: Int64 {
    var sum: Int64 = 0
    table.forEach { sum &+= $1 }
    return sum
  }
  public var isEmpty: Bool { table.count == 0 }

  public func droppingZeros() -> CountCube {
    var out = CountCube(periodKind: periodKind, minimumCapacity: table.count)
    table.forEach { if $1 != 0 { out.table.add($0, $1) } }
    return out
  }

  /// The cube with each area replaced by `parent[area]` (buurt → wijk, wijk → gemeente),
  /// counts summed. The unknown bucket (`-1`) and areas without a parent (`parent[a] < 0`)
  /// go to the unknown bucket: nothing is dropped.
  public func rolledUp(areaParent parent: [Int]) -> CountCube {
    var out = CountCube(periodKind: periodKind, minimumCapacity: table.count)
    forEachCell { key, value in
      let a = key.area
      let p = a >= 0 && a < parent.count ? parent[a] : -1
      out.add(CellKey(series: key.series, area: max(p, -1), period: key.period), value)
    }
    return out
  }

  /// The cube in coarser periods (week → month → quarter → year; a week goes to the month of
  /// its Thursday). Returns nil when `kind` is finer than this cube's.
  public func rolledUp(to kind: PeriodKind) -> CountCube? {
    guard kind >= periodKind else { return nil }
    if kind == periodKind { return self }
    var mapped: [Int: Int] = [:]
    var out = CountCube(periodKind: kind, minimumCapacity: table.count / 4)
    forEachCell { key, value in
      let target: Int
      if let t = mapped[key.period] {
        target = t
      } else {
        let rolled = Period(kind: periodKind, ordinal: key.period).rolled(to: kind)
        target = rolled?.ordinal ?? key.period
        mapped[key.period] = target
      }
      out.add(CellKey(series: key.series, area: key.area, period: target), value)
    }
    return out
  }
}
