/// The reference period of farringtonFlexible for one time point, built exactly as R
/// `surveillance` (`algo.farrington.referencetimepoints`, `blocks`,
/// `algo.farrington.data.glm`) builds it with `epochAsDate = FALSE`: reference points are
/// index based (k - frequency * i), windows of +/- w around them get level `noPeriods`, the
/// gaps between windows are cut into `noPeriods - 1` blocks, and the weeks
/// k - pastWeeksNotIncluded ... k are removed. R's `:` and subscript rules are reproduced
/// literally (descending sequences for empty blocks, index 0 silently dropped, negative
/// indices an error), because they decide which weeks enter the model.
enum FarringtonBaseline {
  /// Why R refuses to build the reference period.
  enum Refusal: Error {
    /// "Some reference time points did not exist; decrease 'b' or postpone 'range'."
    case referencePointsMissing
    /// "only 0's may be mixed with negative subscripts" (a window reaches before week 1).
    case negativeSubscript
    /// "Number of factors too big!"
    case tooManyPeriods
  }

  /// Fills `levels[span]` (position p - 1 for week p, see `span`) with the level of each
  /// baseline week (0 = not in the baseline). `k` is 1-based, `n` the series length.
  static func build(
    k: Int, n: Int, frequency: Int, b: Int, w: Int, noPeriods p: Int,
    pastWeeksNotIncluded: Int, levels: UnsafeMutablePointer<Int8>
  ) throws(Refusal) {
    // reference time points k, k - f, ..., k - b f must all exist
    if k - frequency * b < 1 || k > n { throw .referencePointsMissing }
    for i in span(k: k, frequency: frequency, b: b, w: w) { levels[i] = 0 }
    let level = Int8(truncatingIfNeeded: p)
    try assign(levels, n: n, from: k - w, to: k, value: level)
    var newer = k
    for _ in 1...b {
      let refWeek = newer - frequency
      try assign(levels, n: n, from: refWeek - w, to: refWeek + w, value: level)
      if p != 1 {
        let period = newer - 2 * w - 1 - refWeek
        if period < p - (2 * w + 1) { throw .tooManyPeriods }
        let blockLength = floorDiv(period, p - 1)
        let rest = floorMod(period, p - 1)
        // cumulative block ends: cs[0] = 0, cs[j] = sum of the first j lengths
        var cs = 0
        for j in 1...(p - 1) {
          let len = blockLength + (j <= rest ? 1 : 0)
          let from = refWeek + w + 1 + cs
          cs += len
          let to = refWeek + w + 1 + cs - 1
          try assign(levels, n: n, from: from, to: to, value: Int8(truncatingIfNeeded: j))
        }
      }
      newer = refWeek
    }
    // blocksID[(k - pastWeeksNotIncluded):k] <- NA
    try assign(levels, n: n, from: k - pastWeeksNotIncluded, to: k, value: 0)
  }

  /// The 0-based positions `build` can label (the oldest window up to week k); all others
  /// stay outside the baseline.
  @inline(__always)
  static func span(k: Int, frequency: Int, b: Int, w: Int) -> Range<Int> {
    Swift.max(0, k - frequency * b - w - 1)..<k
  }

  /// R's `x[from:to] <- value` on a 1-based vector of length n (positions beyond n are
  /// ignored: R would extend the vector, but those weeks have no observation).
  @inline(__always)
  static func assign(
    _ levels: UnsafeMutablePointer<Int8>, n: Int, from: Int, to: Int, value: Int8
  ) throws(Refusal) {
    let lo = Swift.min(from, to)
    let hi = Swift.max(from, to)
    if lo < 0 && hi > 0 { throw .negativeSubscript }
    if hi <= 0 {
      // only non-positive subscripts: R would assign everything *except* them; no reachable
      // configuration produces this (reference weeks are >= 1), so refuse.
      if lo < 0 { throw .negativeSubscript }
      return
    }
    let start = Swift.max(lo, 1)
    let end = Swift.min(hi, n)
    if start > end { return }
    for pos in start...end { levels[pos - 1] = value }
  }

  /// R's `%/%` (floor division) for a positive divisor.
  @inline(__always)
  static func floorDiv(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && a < 0) ? q - 1 : q
  }

  /// R's `%%` (result has the divisor's sign) for a positive divisor.
  @inline(__always)
  static func floorMod(_ a: Int, _ b: Int) -> Int {
    let r = a % b
    return r < 0 ? r + b : r
  }
}
