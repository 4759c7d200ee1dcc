import SafetyCore

/// Counts per series × area × period, for periods of one kind. Sparse: cells that were never
/// added are zero. Cells that sum to zero are kept (a delta cube may cancel out); call
/// `droppingZeros()` to remove them.
public struct CountCube: Sendable, Equatable {
  public let periodKind: PeriodKind
  public private(set) var cells: [CellKey: Int64]

  public init(periodKind: PeriodKind = .week, minimumCapacity: Int = 0) {
    self.periodKind = periodKind
    self.cells = Dictionary(minimumCapacity: minimumCapacity)
  }

  @inline(__always)
  public mutating func add(_ key: CellKey, _ count: Int64 = 1) {
    cells[key, default: 0] &+= count
  }

  @inline(__always)
  public mutating func add(series: Int, area: Int, period: Int, _ count: Int64 = 1) {
    add(CellKey(series: series, area: area, period: period), count)
  }

  public subscript(series: Int, area: Int, period: Int) -> Int64 {
    cells[CellKey(series: series, area: area, period: period)] ?? 0
  }

  /// Adds every cell of `other` (same period kind).
  public mutating func merge(_ other: CountCube) {
    precondition(other.periodKind == periodKind, "merging cubes of different period kinds")
    if cells.isEmpty {
      cells = other.cells
      return
    }
    cells.reserveCapacity(cells.count + other.cells.count)
    for (key, value) in other.cells { cells[key, default: 0] &+= value }
  }

  /// The cells in key order (series, area, period): the deterministic form for output,
  /// storing and comparing.
  public func sortedCells() -> [(key: CellKey, count: Int64)] {
    cells.sorted { $0.key < $1.key }.map { (key: $0.key, count: $0.value) }
  }

  public var total: Int64 { cells.values.reduce(0, &+) }
  public var isEmpty: Bool { cells.isEmpty }

  public func droppingZeros() -> CountCube {
    var out = self
    out.cells = cells.filter { $0.value != 0 }
    return out
  }

  /// The cube with each area replaced by `parent[area]` (buurt → wijk, wijk → gemeente),
  /// counts summed. The unknown bucket (`-1`) and areas without a parent (`parent[a] < 0`)
  /// go to the unknown bucket: nothing is dropped.
  public func rolledUp(areaParent parent: [Int]) -> CountCube {
    var out = CountCube(periodKind: periodKind, minimumCapacity: cells.count)
    for (key, value) in cells {
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
    var out = CountCube(periodKind: kind, minimumCapacity: cells.count / 4)
    for (key, value) in cells {
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
