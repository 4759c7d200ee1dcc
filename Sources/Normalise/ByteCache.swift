import Foundation

/// A small hash map from byte strings to values, looked up with borrowed bytes, so that a
/// field's raw bytes find their meaning without allocating a `String` per row. Partners use
/// few distinct areas and categories, so after the first rows almost every lookup hits.
/// Open addressing over a power-of-two table; the keys' bytes live in one arena.
public struct ByteCache<Value> {  // Sendable when Value is (below)
  fileprivate struct Slot {
    var hash: UInt64
    var offset: Int32
    var length: Int32
    var value: Value
  }
  private var slots: [Slot?]
  private var arena: [UInt8] = []
  private var mask: Int
  public private(set) var count = 0

  public init() {
    slots = Array(repeating: nil, count: 64)
    mask = 63
  }

  @inline(__always)
  static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in bytes {
      h ^= UInt64(b)
      h &*= 0x100_0000_01B3
    }
    return h
  }

  @inline(__always)
  private func equal(_ slot: Slot, _ bytes: UnsafeRawBufferPointer) -> Bool {
    guard Int(slot.length) == bytes.count else { return false }
    if bytes.isEmpty { return true }
    return arena.withUnsafeBytes { a in
      guard let base = a.baseAddress, let other = bytes.baseAddress else { return false }
      return memcmp(base + Int(slot.offset), other, bytes.count) == 0
    }
  }

  @inline(__always)
  public func value(for bytes: UnsafeRawBufferPointer) -> Value? {
    let h = ByteCache.hash(bytes)
    var i = Int(truncatingIfNeeded: h) & mask
    while let slot = slots[i] {
      if slot.hash == h && equal(slot, bytes) { return slot.value }
      i = (i + 1) & mask
    }
    return nil
  }

  public mutating func set(_ value: Value, for bytes: UnsafeRawBufferPointer) {
    let h = ByteCache.hash(bytes)
    var i = Int(truncatingIfNeeded: h) & mask
    while let slot = slots[i] {
      if slot.hash == h && equal(slot, bytes) {
        slots[i]?.value = value
        return
      }
      i = (i + 1) & mask
    }
    let offset = Int32(arena.count)
    arena.append(contentsOf: bytes)
    slots[i] = Slot(hash: h, offset: offset, length: Int32(bytes.count), value: value)
    count += 1
    if count * 2 > slots.count { grow() }
  }

  public mutating func set(_ value: Value, forText text: String) {
    var copy = text
    copy.withUTF8 { set(value, for: UnsafeRawBufferPointer($0)) }
  }

  private mutating func grow() {
    let old = slots
    slots = Array(repeating: nil, count: old.count * 2)
    mask = slots.count - 1
    for case let slot? in old {
      var i = Int(truncatingIfNeeded: slot.hash) & mask
      while slots[i] != nil { i = (i + 1) & mask }
      slots[i] = slot
    }
  }
}

extension ByteCache: Sendable where Value: Sendable {}
extension ByteCache.Slot: Sendable where Value: Sendable {}
