import Foundation

/// Values (rendered page content, API bodies, report models) kept until the store
/// changes: each entry remembers the store's data version it was made from and is rebuilt
/// when that moved on (a run, an acknowledgement). Bounded: when full it starts over.
final class VersionedCache<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [String: (version: Int, value: Value)] = [:]
  let enabled: Bool
  let capacity: Int

  init(enabled: Bool, capacity: Int = 512) {
    self.enabled = enabled
    self.capacity = capacity
  }

  /// The cached value for `key` at `version`, or `build()`'s (then cached).
  func value(_ key: String, version: Int, build: () throws -> Value) rethrows -> Value {
    guard enabled else { return try build() }
    if let hit = lock.withLock({ entries[key] }), hit.version == version { return hit.value }
    let value = try build()
    lock.withLock {
      if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
      entries[key] = (version, value)
    }
    return value
  }
}

typealias PageCache = VersionedCache<String>
