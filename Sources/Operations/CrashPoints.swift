import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Named points in the run where the crash-safety harness can kill the process. Each point
/// marks a state the next run must be able to finish from: inside a store transaction,
/// between a commit and the file's move, in the middle of a move across file systems, ...
///
/// Test builds only: in a debug build, `SAFETY_MONITOR_CRASH_AT=N` makes the process write
/// `crash point N: <name>` to standard error and SIGKILL itself when it reaches its N-th
/// point (counted from 1 over the whole process), and `SAFETY_MONITOR_CRASH_TRACE=1` writes
/// every point reached. `SAFETY_MONITOR_SIMULATE_EXDEV=1` makes file moves take the
/// copy-sync-rename path used across file systems. A release build ignores all three: the
/// points compile to nothing.
public enum CrashPoints {
  /// Called at every crash point.
  @inline(__always)
  public static func reach(_ name: StaticString) {
    #if DEBUG
      state.reach(name)
    #endif
  }

  /// Whether moves should act as if archive and inbox were on different file systems.
  public static var simulateCrossDevice: Bool {
    #if DEBUG
      state.crossDevice
    #else
      false
    #endif
  }

  #if DEBUG
    private static let state = State(environment: ProcessInfo.processInfo.environment)

    final class State: Sendable {
      let killAt: Int
      let trace: Bool
      let crossDevice: Bool
      let count = Atomic<Int>(0)

      init(environment: [String: String]) {
        killAt = environment["SAFETY_MONITOR_CRASH_AT"].flatMap { Int($0) } ?? 0
        trace = environment["SAFETY_MONITOR_CRASH_TRACE"] == "1"
        crossDevice = environment["SAFETY_MONITOR_SIMULATE_EXDEV"] == "1"
      }

      func reach(_ name: StaticString) {
        guard killAt > 0 || trace else { return }
        let n = count.add(1, ordering: .sequentiallyConsistent).newValue
        if trace || n == killAt {
          StandardErrorSink().write(line: "crash point \(n): \(name)")
        }
        if n == killAt { kill(getpid(), SIGKILL) }
      }
    }
  #endif
}
