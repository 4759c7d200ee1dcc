import SafetyCore

/// Counts per series × period × area for one partition, with one dense column over all
/// areas per (series, period) pair. A partner export covers a few periods and categories but
/// every area, so a row costs a lookup in a small, cache-resident table and an increment in
/// an array — much less than a hash-table probe per row into a large cube. Convert to a
/// sparse `CountCube` when the partition is done.
public struct AreaColumnCounter: Sendable {
  public let areaCount: Int
  /// (series, period) packed → column index.
  private var columnIndex: CountTable
  private var columns: [(series: Int, period: Int)] = []
  /// Column-major counts: `counts[column * stride + area + 1]` (slot 0 is the unknown area).
  private var counts: [Int32] = []
  private var stride: Int { areaCount + 1 }
  private var lastKey: UInt64 = .max
  private var lastColumn = 0
  /// Slots that went from zero to non-zero, so `cube` visits only those.
  private var touched: [Int] = []

  /// `areaCount`: the number of areas (indices `0..<areaCount`; `-1` is the unknown bucket).
  public init(areaCount: Int) {
    self.areaCount = areaCount
    columnIndex = CountTable(minimumCapacity: 64)
  }

  @inline(__always)
  public mutating func add(series: Int, area: Int, period: Int) {
    let key = UInt64(series) << 32 | UInt64(period)
    let column: Int
    if key == lastKey {
      column = lastColumn
    } else if let c = columnIndex.value(key) {
      column = Int(c)
      lastKey = key
      lastColumn = column
    } else {
      column = columns.count
      columns.append((series, period))
      columnIndex.add(key, Int64(column))
      counts.append(contentsOf: repeatElement(0, count: stride))
      lastKey = key
      lastColumn = column
    }
    let slot = column * stride + area + 1
    if counts[slot] == 0 { touched.append(slot) }
    counts[slot] &+= 1
  }

  /// The non-zero counts as a sparse cube of `periodKind`, each series mapped through
  /// `seriesMap` (one source category may feed several indicators: its count goes to each).
  public func cube(periodKind: PeriodKind, seriesMap: (Int) -> [Int]) -> CountCube {
    var out = CountCube(periodKind: periodKind, minimumCapacity: touched.count)
    let targets: [[Int]] = columns.map { seriesMap($0.series) }
    for slot in touched {
      let column = slot / stride
      let n = counts[slot]
      for series in targets[column] {
        out.add(
          series: series, area: slot - column * stride - 1, period: columns[column].period,
          Int64(n))
      }
    }
    return out
  }
}
