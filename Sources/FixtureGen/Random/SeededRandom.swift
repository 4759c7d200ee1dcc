import SafetyCore

/// A small, fast, seedable generator (xoshiro256**, Blackman & Vigna 2018) whose output
/// depends only on its seed: the same seed gives the same numbers on every platform and
/// Swift version, which `SystemRandomNumberGenerator` does not promise.
public struct SeededRandom: RandomNumberGenerator, Sendable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// Seeds the state from one 64-bit value through SplitMix64 (the seeding the xoshiro
  /// authors recommend).
  public init(seed: UInt64) {
    var sm = SplitMix64(seed: seed)
    s0 = sm.next()
    s1 = sm.next()
    s2 = sm.next()
    s3 = sm.next()
  }

  /// A generator for one independent stream, keyed by a seed and any number of integers
  /// (source, category, area, period ...). Streams keyed differently do not overlap in
  /// practice, and a stream does not depend on the order in which others are drawn — so
  /// generation can run in any order, or in parallel, and still give the same bytes.
  public init(seed: UInt64, stream keys: Int...) {
    self.init(seed: SeededRandom.mix(seed, keys))
  }

  public init(seed: UInt64, streamKeys keys: [Int]) {
    self.init(seed: SeededRandom.mix(seed, keys))
  }

  static func mix(_ seed: UInt64, _ keys: [Int]) -> UInt64 {
    var sm = SplitMix64(seed: seed ^ 0x9E37_79B9_7F4A_7C15)
    var h = sm.next()
    for k in keys {
      var step = SplitMix64(seed: h ^ (UInt64(bitPattern: Int64(k)) &* 0xBF58_476D_1CE4_E5B9))
      h = step.next()
    }
    return h
  }

  public mutating func next() -> UInt64 {
    let result = rotl(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotl(s3, 45)
    return result
  }

  @inline(__always) private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
  }
}
