import Testing

@testable import Aggregate

@Suite struct CountTableTests {
  @Test func addsFindsAndGrows() {
    var table = CountTable()
    for k in UInt64(0)..<10_000 { table.add(k &* 0x1_0000_0001, Int64(k)) }
    for k in UInt64(0)..<10_000 { table.add(k &* 0x1_0000_0001, 1) }
    #expect(table.count == 10_000)
    #expect(table.value(0) == 1)
    #expect(table.value(9_999 &* 0x1_0000_0001) == 10_000)
    #expect(table.value(12_345) == nil)
    var sum: Int64 = 0
    table.forEach { _, v in sum += v }
    #expect(sum == (0..<10_000).reduce(0, +) + 10_000)
  }

  @Test func holdsTheLargestKey() {
    var table = CountTable()
    table.add(UInt64.max - 1, 5)
    #expect(table.value(UInt64.max - 1) == 5)
  }
}
