import Crypto
import Foundation

/// The keyed hash of a partner's registration key: HMAC-SHA256 with a per-store secret over
/// the source id and the trimmed key bytes. The raw key is never kept; the same key in the
/// same source always gives the same digest in one store, and nothing outside the store's
/// secret can link digests back to keys.
public struct KeyHasher: @unchecked Sendable {  // SymmetricKey is immutable
  private let key: SymmetricKey

  /// `secret`: at least 32 random bytes (the store's key file).
  public init(secret: [UInt8]) {
    precondition(secret.count >= 32, "the HMAC secret must have at least 32 bytes")
    key = SymmetricKey(data: secret)
  }

  public func digest(source: String, key raw: UnsafeRawBufferPointer) -> KeyDigest {
    forSource(source).digest(key: raw)
  }

  /// The hasher for one source's keys, with the secret and the source id absorbed once
  /// (the per-row work is then only the key itself).
  public func forSource(_ source: String) -> SourceKeyHasher {
    var mac = HMAC<SHA256>(key: key)
    mac.update(data: Array(source.utf8) + [0])
    return SourceKeyHasher(prototype: mac)
  }

  public func digest(source: String, key: String) -> KeyDigest {
    var copy = key
    return copy.withUTF8 { digest(source: source, key: UnsafeRawBufferPointer($0)) }
  }
}

/// `KeyHasher` for one source: digests equal `KeyHasher.digest(source:key:)`.
public struct SourceKeyHasher: @unchecked Sendable {  // the prototype is copied, never mutated
  let prototype: HMAC<SHA256>

  public func digest(key raw: UnsafeRawBufferPointer) -> KeyDigest {
    var start = 0
    var end = raw.count
    while start < end, raw[start] == 0x20 || raw[start] == 0x09 { start += 1 }
    while end > start, raw[end - 1] == 0x20 || raw[end - 1] == 0x09 { end -= 1 }
    var mac = prototype
    mac.update(data: UnsafeRawBufferPointer(rebasing: raw[start..<end]))
    let code = mac.finalize()
    return code.withUnsafeBytes { KeyDigest(bytes: $0) }
  }
}

/// A 256-bit keyed hash, held as four words for cheap hashing and comparing.
public struct KeyDigest: Sendable, Hashable, Comparable {
  public var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

  public init(bytes: UnsafeRawBufferPointer) {
    precondition(bytes.count == 32)
    func word(_ i: Int) -> UInt64 {
      var v: UInt64 = 0
      for j in 0..<8 { v = v << 8 | UInt64(bytes[i * 8 + j]) }
      return v
    }
    w0 = word(0)
    w1 = word(1)
    w2 = word(2)
    w3 = word(3)
  }

  /// The 32 bytes, big-endian per word (the HMAC output as computed).
  public var bytes: [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(32)
    for w in [w0, w1, w2, w3] {
      for j in (0..<8).reversed() { out.append(UInt8(truncatingIfNeeded: w >> (UInt64(j) * 8))) }
    }
    return out
  }

  /// The 32 bytes without allocating (valid inside `body` only).
  public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    var words = (w0.bigEndian, w1.bigEndian, w2.bigEndian, w3.bigEndian)
    return try Swift.withUnsafeBytes(of: &words) { try body($0) }
  }

  public static func < (a: KeyDigest, b: KeyDigest) -> Bool {
    (a.w0, a.w1, a.w2, a.w3) < (b.w0, b.w1, b.w2, b.w3)
  }
}
