/// Per-thread buffers for farringtonFlexible.
final class FarringtonWorkspace {
  let glm = GLMWorkspace()
  private(set) var levels: UnsafeMutablePointer<Int8>
  private(set) var levelCapacity: Int
  private(set) var groupOfLevel: UnsafeMutablePointer<Int32>
  private(set) var levelCounts: UnsafeMutablePointer<Int>
  private(set) var cursor: UnsafeMutablePointer<Int>
  private var groupCapacity: Int

  init() {
    levelCapacity = 512
    levels = .allocate(capacity: levelCapacity)
    groupCapacity = 16
    groupOfLevel = .allocate(capacity: groupCapacity)
    levelCounts = .allocate(capacity: groupCapacity)
    cursor = .allocate(capacity: groupCapacity)
  }

  deinit {
    levels.deallocate()
    groupOfLevel.deallocate()
    levelCounts.deallocate()
    cursor.deallocate()
  }

  /// Room for a series of `length` time points and levels 0...`maxLevel`.
  func reserve(length: Int, maxLevel: Int) {
    if length > levelCapacity {
      levels.deallocate()
      levelCapacity = Swift.max(length, levelCapacity * 2)
      levels = .allocate(capacity: levelCapacity)
    }
    if maxLevel + 1 > groupCapacity {
      groupOfLevel.deallocate()
      levelCounts.deallocate()
      cursor.deallocate()
      groupCapacity = maxLevel + 1
      groupOfLevel = .allocate(capacity: groupCapacity)
      levelCounts = .allocate(capacity: groupCapacity)
      cursor = .allocate(capacity: groupCapacity)
    }
    glm.reserve(rows: length, groups: maxLevel + 1)
  }
}
