/// A small hash map from byte strings to values, looked up with borrowed bytes, so that a
/// field's raw bytes find their meaning without allocating a `String` per row. Partners use
/// few distinct areas and categories, so after the first rows almost every lookup hits.
public struct ByteCache<Value> {
  private var buckets: [UInt64: [(bytes: [UInt8], value: Value)]] = [:]
  public private(set) var count = 0

  public init() {}

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
  public func value(for bytes: UnsafeRawBufferPointer) -> Value? {
    guard let bucket = buckets[ByteCache.hash(bytes)] else { return nil }
    for entry in bucket where entry.bytes.count == bytes.count {
      if entry.bytes.withUnsafeBytes({ $0.elementsEqual(bytes) }) { return entry.value }
    }
    return nil
  }

  public mutating func set(_ value: Value, for bytes: UnsafeRawBufferPointer) {
    let h = ByteCache.hash(bytes)
    let copy = [UInt8](bytes)
    if var bucket = buckets[h] {
      if let i = bucket.firstIndex(where: { $0.bytes == copy }) {
        bucket[i].value = value
      } else {
        bucket.append((copy, value))
        count += 1
      }
      buckets[h] = bucket
    } else {
      buckets[h] = [(copy, value)]
      count += 1
    }
  }
}
