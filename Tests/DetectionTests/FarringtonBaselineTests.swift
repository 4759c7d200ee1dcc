import Testing

@testable import Detection

@Suite struct FarringtonBaselineTests {
  func levels(k: Int, n: Int, frequency: Int = 52, b: Int, w: Int, p: Int, past: Int) throws
    -> [Int8]
  {
    let buffer = UnsafeMutablePointer<Int8>.allocate(capacity: n)
    buffer.initialize(repeating: 0, count: n)  // build() only writes its span
    defer { buffer.deallocate() }
    try FarringtonBaseline.build(
      k: k, n: n, frequency: frequency, b: b, w: w, noPeriods: p, pastWeeksNotIncluded: past,
      levels: buffer)
    return Array(UnsafeBufferPointer(start: buffer, count: n))
  }

  @Test func originalMethodUsesTheWindowsOnly() throws {
    let l = try levels(k: 300, n: 312, b: 3, w: 3, p: 1, past: 3)
    let used: [Int] = l.indices.filter { l[$0] != 0 }.map { $0 + 1 }
    var expected: [Int] = []
    for i in [3, 2, 1] {
      let centre = 300 - 52 * i
      expected += Array((centre - 3)...(centre + 3))
    }
    #expect(used == expected)
    #expect(used.count == 21)
  }

  @Test func noufailyBlocksCoverEveryWeekUpToKMinus27() throws {
    let l = try levels(k: 312, n: 312, b: 4, w: 3, p: 10, past: 26)
    let used = l.indices.filter { l[$0] != 0 }.map { $0 + 1 }
    #expect(used.first == 312 - 208 - 3 && used.last == 312 - 27)
    #expect(used.count == 185)
    // level 10 on the windows, levels 1...9 in blocks of 5 after each older window
    #expect(l[312 - 52 - 1] == 10 && l[312 - 52 + 3 - 1] == 10)
    #expect(l[312 - 104 + 4 - 1] == 1 && l[312 - 104 + 8 - 1] == 1 && l[312 - 104 + 9 - 1] == 2)
    #expect(l[312 - 52 - 4 - 1] == 9)
  }

  @Test func indexZeroIsDroppedLikeR() throws {
    // k = 211, b = 4: the oldest window 3 +/- 3 reaches index 0, which R drops silently
    let l = try levels(k: 211, n: 312, b: 4, w: 3, p: 1, past: 3)
    #expect(l.indices.filter { l[$0] != 0 }.count == 27)
  }

  @Test func negativeWindowIsRefusedLikeR() {
    // k = 210: the window 2 +/- 3 needs index -1 ("only 0's may be mixed with negative subscripts")
    #expect(throws: FarringtonBaseline.Refusal.self) {
      _ = try levels(k: 210, n: 312, b: 4, w: 3, p: 1, past: 3)
    }
    // reference point before the series ("Some reference time points did not exist")
    #expect(throws: FarringtonBaseline.Refusal.self) {
      _ = try levels(k: 100, n: 312, b: 2, w: 3, p: 1, past: 3)
    }
  }

  @Test func monthlyEmptyBlocksOverwriteLikeR() throws {
    // frequency 12, w = 3, 10 periods: gaps of 5 months give blocks 1,1,1,1,1,0,0,0,0;
    // R's descending `a:(a-1)` for empty blocks relabels two months (level 9 twice).
    let l = try levels(k: 73, n: 96, frequency: 12, b: 3, w: 3, p: 10, past: 0)
    let gap = Array(l[(41 - 1)..<(46)])
    #expect(gap == [1, 2, 3, 4, 9, 9])
  }
}
