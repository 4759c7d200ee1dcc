import Testing

@testable import Dashboard

@Suite struct PageCacheTests {
  @Test func keepsAValueUntilTheStoreVersionMoves() {
    let cache = VersionedCache<String>(enabled: true, capacity: 2)
    var builds = 0
    func get(_ key: String, _ version: Int) -> String {
      cache.value(key, version: version) {
        builds += 1
        return "\(key)@\(version)#\(builds)"
      }
    }
    #expect(get("a", 1) == "a@1#1")
    #expect(get("a", 1) == "a@1#1")
    #expect(get("a", 2) == "a@2#2")
    #expect(get("b", 2) == "b@2#3")
    // Full: the next new key starts over.
    #expect(get("c", 2) == "c@2#4")
    #expect(get("a", 2) == "a@2#5")
    let off = VersionedCache<String>(enabled: false)
    var n = 0
    _ = off.value("a", version: 1) {
      n += 1
      return ""
    }
    _ = off.value("a", version: 1) {
      n += 1
      return ""
    }
    #expect(n == 2)
  }
}
