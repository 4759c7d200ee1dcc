/// A rectangle of grid cells, `[x0, x1) × [y0, y1)`.
public struct CellRect: Sendable, Hashable {
  public var x0: Int, y0: Int, x1: Int, y1: Int
  public var width: Int { x1 - x0 }
  public var height: Int { y1 - y0 }
  public var cellCount: Int { width * height }
}

/// How the areas of one gemeente tile its territory: a grid of square cells whose corner
/// points are jittered (shared corners move together, so neighbouring polygons still meet
/// exactly). Every wijk and buurt is a rectangle of cells; polygons trace every grid corner
/// along their edge, so shared borders have identical vertices.
public struct GemeenteTiling: Sendable {
  public var originX: Double
  public var originY: Double
  public var cellSize: Double
  public var columns: Int
  public var rows: Int
  /// Buurt index (global) per cell, row-major from the south-west corner.
  public var owner: [Int]
  public var jitterSeed: UInt64

  /// RD New coordinates (metres) of grid corner (i, j).
  public func point(_ i: Int, _ j: Int) -> (x: Double, y: Double) {
    var dx = 0.0
    var dy = 0.0
    // Corners on the outer border stay on the border line (straight municipal edge on
    // that side), interior corners move up to 30 % of a cell.
    var rng = SeededRandom(seed: jitterSeed, stream: i, j)
    if i > 0, i < columns { dx = (rng.uniform() - 0.5) * 0.6 * cellSize }
    if j > 0, j < rows { dy = (rng.uniform() - 0.5) * 0.6 * cellSize }
    return (
      (originX + Double(i) * cellSize + dx).rounded(),
      (originY + Double(j) * cellSize + dy).rounded()
    )
  }

  /// The closed, counter-clockwise exterior ring of a rectangle of cells.
  public func ring(_ r: CellRect) -> [(x: Double, y: Double)] {
    var ring: [(x: Double, y: Double)] = []
    for i in r.x0..<r.x1 { ring.append(point(i, r.y0)) }
    for j in r.y0..<r.y1 { ring.append(point(r.x1, j)) }
    for i in stride(from: r.x1, to: r.x0, by: -1) { ring.append(point(i, r.y1)) }
    for j in stride(from: r.y1, to: r.y0, by: -1) { ring.append(point(r.x0, j)) }
    ring.append(ring[0])
    return ring
  }

  /// Pairs of buurten (global indices) that share a cell edge, each pair once (a < b).
  public func adjacentPairs() -> Set<Pair> {
    var pairs = Set<Pair>()
    for y in 0..<rows {
      for x in 0..<columns {
        let a = owner[y * columns + x]
        if x + 1 < columns {
          let b = owner[y * columns + x + 1]
          if a != b { pairs.insert(Pair(a, b)) }
        }
        if y + 1 < rows {
          let b = owner[(y + 1) * columns + x]
          if a != b { pairs.insert(Pair(a, b)) }
        }
      }
    }
    return pairs
  }
}

/// An unordered pair of indices, stored with `a < b`.
public struct Pair: Sendable, Hashable, Comparable {
  public let a: Int
  public let b: Int
  public init(_ x: Int, _ y: Int) {
    a = min(x, y)
    b = max(x, y)
  }
  public static func < (l: Pair, r: Pair) -> Bool { (l.a, l.b) < (r.a, r.b) }
}

/// The tiling of every gemeente in a registry, with each wijk's and buurt's rectangle.
public struct Tiling: Sendable {
  public var gemeenten: [GemeenteTiling]
  public var wijkRects: [CellRect]
  public var buurtRects: [CellRect]
}

/// Squarified slice layout on an integer grid: splits `rect` into one rectangle per weight,
/// areas roughly proportional to the weights, every rectangle at least one cell.
func sliceLayout(_ rect: CellRect, weights: [Double]) -> [CellRect] {
  precondition(rect.cellCount >= weights.count, "grid too small for its areas")
  if weights.count == 1 { return [rect] }
  let total = weights.reduce(0, +)
  // Split the items into two runs with weight sums as equal as possible.
  var best = 1
  var bestGap = Double.infinity
  var prefix = 0.0
  for k in 1..<weights.count {
    prefix += weights[k - 1]
    let gap = abs(prefix - total / 2)
    if gap < bestGap {
      bestGap = gap
      best = k
    }
  }
  let left = Array(weights[..<best])
  let right = Array(weights[best...])
  let share = left.reduce(0, +) / total
  func split(alongX: Bool) -> (CellRect, CellRect)? {
    let length = alongX ? rect.width : rect.height
    let side = alongX ? rect.height : rect.width
    let minLeft = (left.count + side - 1) / side
    let minRight = (right.count + side - 1) / side
    guard minLeft + minRight <= length else { return nil }
    let k = min(max(Int((Double(length) * share).rounded()), minLeft), length - minRight)
    if alongX {
      return (
        CellRect(x0: rect.x0, y0: rect.y0, x1: rect.x0 + k, y1: rect.y1),
        CellRect(x0: rect.x0 + k, y0: rect.y0, x1: rect.x1, y1: rect.y1)
      )
    }
    return (
      CellRect(x0: rect.x0, y0: rect.y0, x1: rect.x1, y1: rect.y0 + k),
      CellRect(x0: rect.x0, y0: rect.y0 + k, x1: rect.x1, y1: rect.y1)
    )
  }
  let preferX = rect.width >= rect.height
  guard let (a, b) = split(alongX: preferX) ?? split(alongX: !preferX) else {
    preconditionFailure("cannot split \(rect) for \(weights.count) areas")
  }
  return sliceLayout(a, weights: left) + sliceLayout(b, weights: right)
}

/// Tiles one gemeente: wijken sliced from the whole grid, buurten from their wijk.
/// `buurtWeights[w]` are the relative areas of wijk w's buurten (global buurt indices in
/// `buurtIndices[w]`). Returns the gemeente tiling and the wijk and buurt rectangles.
func tileGemeente(
  originX: Double, originY: Double, cellSize: Double, cellsPerBuurt: Double,
  buurtIndices: [[Int]], buurtWeights: [[Double]], jitterSeed: UInt64
) -> (GemeenteTiling, wijkRects: [CellRect], buurtRects: [(Int, CellRect)]) {
  let buurtCount = buurtIndices.reduce(0) { $0 + $1.count }
  let cells = Double(buurtCount) * cellsPerBuurt
  let columns = max(2, Int((cells * 4 / 3).squareRoot().rounded()))
  let rows = max(2, Int((cells / Double(columns)).rounded(.up)))
  let whole = CellRect(x0: 0, y0: 0, x1: columns, y1: rows)
  let wijkRects = sliceLayout(whole, weights: buurtWeights.map { $0.reduce(0, +) })
  var owner = [Int](repeating: -1, count: columns * rows)
  var buurtRects: [(Int, CellRect)] = []
  for (w, wr) in wijkRects.enumerated() {
    let rects = sliceLayout(wr, weights: buurtWeights[w])
    for (k, r) in rects.enumerated() {
      let b = buurtIndices[w][k]
      buurtRects.append((b, r))
      for y in r.y0..<r.y1 {
        for x in r.x0..<r.x1 { owner[y * columns + x] = b }
      }
    }
  }
  let tiling = GemeenteTiling(
    originX: originX, originY: originY, cellSize: cellSize, columns: columns, rows: rows,
    owner: owner, jitterSeed: jitterSeed)
  return (tiling, wijkRects, buurtRects)
}
