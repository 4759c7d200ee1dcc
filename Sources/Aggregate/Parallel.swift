import Dispatch
import SafetyCore

/// Work over partitions with Dispatch, merged deterministically.
public enum Parallel {
  /// `body(i)` for `i` in `0..<count`, run with `DispatchQueue.concurrentPerform`; the
  /// results come back in partition order whatever order they finished in.
  public static func map<Result: Sendable>(
    count: Int, _ body: @Sendable (Int) -> Result
  ) -> [Result] {
    guard count > 0 else { return [] }
    if count == 1 { return [body(0)] }
    let slots = Slots<Result>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { i in
      slots.set(i, body(i))
    }
    return slots.values()
  }

  /// Builds one cube per partition concurrently (`body` adds partition `i`'s facts) and
  /// merges them in partition order. The result equals a serial run over all partitions.
  public static func aggregate(
    partitions: Int, periodKind: PeriodKind, _ body: @Sendable (Int, inout CountCube) -> Void
  ) -> CountCube {
    let cubes = map(count: partitions) { i in
      var cube = CountCube(periodKind: periodKind)
      body(i, &cube)
      return cube
    }
    var out = CountCube(periodKind: periodKind)
    for cube in cubes { out.merge(cube) }
    return out
  }
}

/// One result slot per partition; each slot is written by exactly one partition.
final class Slots<T>: @unchecked Sendable {
  private let buffer: UnsafeMutableBufferPointer<T?>

  init(count: Int) {
    buffer = .allocate(capacity: count)
    buffer.initialize(repeating: nil)
  }

  deinit {
    buffer.deinitialize()
    buffer.deallocate()
  }

  func set(_ i: Int, _ value: T) { buffer[i] = value }
  func values() -> [T] { buffer.compactMap { $0 } }
}
