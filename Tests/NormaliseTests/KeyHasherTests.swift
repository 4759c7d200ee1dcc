import Aggregate
import Testing

@testable import Normalise

@Suite struct KeyHasherTests {
  let hasher = KeyHasher(secret: Array(repeating: 7, count: 32))

  @Test func hashesTrimmedKeysPerSource() {
    let a = hasher.digest(source: "politie", key: " P-001 ")
    #expect(a == hasher.digest(source: "politie", key: "P-001"))
    #expect(a != hasher.digest(source: "woonpunt", key: "P-001"))
    #expect(
      a != KeyHasher(secret: Array(repeating: 8, count: 32)).digest(source: "politie", key: "P-001")
    )
    let bytes = a.bytes
    #expect(bytes.count == 32)
    #expect(bytes.withUnsafeBytes { KeyDigest(bytes: $0) } == a)
  }

  @Test func aSourceHasherCanBeReusedAndSharedAcrossThreads() {
    let source = hasher.forSource("politie")
    let keys = (0..<200).map { "P-\($0)" }
    let expected = keys.map { hasher.digest(source: "politie", key: $0) }
    @Sendable func digest(_ k: String) -> KeyDigest {
      var copy = k
      return copy.withUTF8 { source.digest(key: UnsafeRawBufferPointer($0)) }
    }
    #expect(keys.map(digest) == expected)
    let parallel = Parallel.map(count: keys.count) { digest(keys[$0]) }
    #expect(parallel == expected)
  }
}
