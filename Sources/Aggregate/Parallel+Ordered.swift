import Dispatch
import Foundation

extension Parallel {
  /// `map(i)` for `i` in `0..<count` on all cores, and `reduce` on the results strictly in
  /// index order, one at a time, overlapping with the mapping of later items: the worker
  /// that completes the next result in order does the reducing while the others go on
  /// mapping. At most `window` results wait to be reduced, so memory stays bounded when
  /// reducing is slower than mapping. The reductions see the same sequence as a serial loop,
  /// so the outcome is deterministic.
  public static func orderedReduce<Result>(
    count: Int, window: Int, map: @Sendable (Int) -> Result, reduce: (Result) -> Void
  ) {
    guard count > 0 else { return }
    let state = OrderedState<Result>(window: max(1, window))
    withoutActuallyEscaping(reduce) { reduce in
      let reducer = UncheckedBox(reduce)
      DispatchQueue.concurrentPerform(iterations: count) { i in
        state.waitForTurn(i)
        let result = map(i)
        state.deliver(i, result, reduce: reducer.value)
      }
    }
  }
}

/// Lets the non-Sendable reduce closure cross into the workers; `OrderedState` runs it
/// under its lock's protocol (one reducer at a time).
struct UncheckedBox<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}

final class OrderedState<Result>: @unchecked Sendable {
  private let condition = NSCondition()
  private var ready: [Int: Result] = [:]
  private var next = 0
  private var reducing = false
  private let window: Int

  init(window: Int) { self.window = window }

  /// Blocks item `i` from starting while it is more than `window` ahead of the reducer.
  func waitForTurn(_ i: Int) {
    condition.lock()
    while i >= next + window { condition.wait() }
    condition.unlock()
  }

  func deliver(_ i: Int, _ result: Result, reduce: (Result) -> Void) {
    condition.lock()
    ready[i] = result
    guard !reducing else {
      condition.unlock()
      return
    }
    reducing = true
    while let item = ready.removeValue(forKey: next) {
      condition.unlock()
      reduce(item)
      condition.lock()
      next += 1
      condition.broadcast()
    }
    reducing = false
    condition.unlock()
  }
}
