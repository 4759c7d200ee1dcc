/// The key of one count: a series (an indicator, or a source category), an area (an index
/// into the area registry; `-1` is the unknown-area bucket) and a period ordinal (see
/// `SafetyCore.Period`). Packed into 64 bits — 16 for the series, 24 each for the biased area
/// and period — so that hashing and sorting are single integer operations. Sorted by series,
/// then area, then period.
public struct CellKey: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let packed: UInt64

  /// Largest series id, area index and period ordinal a key holds.
  public static let maxSeries = Int(UInt16.max)
  public static let maxArea = (1 << 24) - 2
  public static let maxPeriod = (1 << 24) - 1

  /// `series` in `0...65535`, `area` in `-1...16_777_214`, `period` in `0...16_777_215`.
  @inline(__always)
  public init(series: Int, area: Int, period: Int) {
    precondition(series >= 0 && series <= CellKey.maxSeries, "series out of range")
    precondition(area >= -1 && area <= CellKey.maxArea, "area out of range")
    precondition(period >= 0 && period <= CellKey.maxPeriod, "period out of range")
    packed = UInt64(series) << 48 | UInt64(area + 1) << 24 | UInt64(period)
  }

  public init(packed: UInt64) { self.packed = packed }

  public var series: Int { Int(packed >> 48) }
  public var area: Int { Int((packed >> 24) & 0xFF_FFFF) - 1 }
  public var period: Int { Int(packed & 0xFF_FFFF) }

  public static func < (a: CellKey, b: CellKey) -> Bool { a.packed < b.packed }

  @inline(__always)
  public func hash(into hasher: inout Hasher) { hasher.combine(packed) }

  public var description: String { "(\(series), \(area), \(period))" }
}
