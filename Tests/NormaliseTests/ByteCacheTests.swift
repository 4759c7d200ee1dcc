import Testing

@testable import Normalise

@Suite struct ByteCacheTests {
  @Test func findsByContent() {
    var cache = ByteCache<Int>()
    Array("abc".utf8).withUnsafeBytes { cache.set(1, for: $0) }
    Array("abd".utf8).withUnsafeBytes { cache.set(2, for: $0) }
    Array("abc".utf8).withUnsafeBytes { cache.set(3, for: $0) }
    #expect(Array("abc".utf8).withUnsafeBytes { cache.value(for: $0) } == 3)
    #expect(Array("ab".utf8).withUnsafeBytes { cache.value(for: $0) } == nil)
    #expect(cache.count == 2)
  }

  @Test func growsAndKeepsEverything() {
    var cache = ByteCache<Int>()
    for i in 0..<5_000 { cache.set(i, forText: "BU\(i)") }
    #expect(cache.count == 5_000)
    for i in stride(from: 0, to: 5_000, by: 7) {
      #expect(Array("BU\(i)".utf8).withUnsafeBytes { cache.value(for: $0) } == i)
    }
    #expect([UInt8]().withUnsafeBytes { cache.value(for: $0) } == nil)
  }
}
