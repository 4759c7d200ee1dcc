/// An open-addressing hash table from packed cell keys to counts: linear probing, a
/// multiplicative hash, power-of-two capacity, at most 70 % full. Faster than `Dictionary`
/// for the one thing a count cube does per row: find a cell and add to it.
struct CountTable: Sendable {
  /// Stored keys are `packed + 1`, so 0 marks an empty slot.
  private(set) var keys: [UInt64]
  private(set) var values: [Int64]
  private(set) var count = 0
  private var mask: Int

  init(minimumCapacity: Int = 0) {
    var capacity = 16
    while capacity * 7 < minimumCapacity * 10 { capacity <<= 1 }
    keys = Array(repeating: 0, count: capacity)
    values = Array(repeating: 0, count: capacity)
    mask = capacity - 1
  }

  @inline(__always)
  static func slot(_ key: UInt64, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  @inline(__always)
  mutating func add(_ packed: UInt64, _ value: Int64) {
    let stored = packed &+ 1
    var i = CountTable.slot(stored, mask)
    while true {
      let k = keys[i]
      if k == stored {
        values[i] &+= value
        return
      }
      if k == 0 {
        keys[i] = stored
        values[i] = value
        count += 1
        if count * 10 > keys.count * 7 { grow() }
        return
      }
      i = (i + 1) & mask
    }
  }

  func value(_ packed: UInt64) -> Int64? {
    let stored = packed &+ 1
    var i = CountTable.slot(stored, mask)
    while true {
      let k = keys[i]
      if k == stored { return values[i] }
      if k == 0 { return nil }
      i = (i + 1) & mask
    }
  }

  mutating func reserve(_ minimumCount: Int) {
    while minimumCount * 10 > keys.count * 7 { grow() }
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    let capacity = keys.count * 2
    keys = Array(repeating: 0, count: capacity)
    values = Array(repeating: 0, count: capacity)
    mask = capacity - 1
    for (k, v) in zip(oldKeys, oldValues) where k != 0 {
      var i = CountTable.slot(k, mask)
      while keys[i] != 0 { i = (i + 1) & mask }
      keys[i] = k
      values[i] = v
    }
  }

  /// Every cell as (packed key, value), in table order.
  func forEach(_ body: (UInt64, Int64) -> Void) {
    for (k, v) in zip(keys, values) where k != 0 { body(k &- 1, v) }
  }
}
