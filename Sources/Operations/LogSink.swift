import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Where log lines go. The real sink is standard error; tests capture lines in memory.
public protocol LogSink: Sendable {
  func write(line: String)
  /// Draws a progress line that the next `write(fragment:)` or `write(line:)` replaces
  /// (terminals only).
  func write(fragment: String)
  /// Whether the sink is an interactive terminal (human format and progress when auto).
  var isTerminal: Bool { get }
}

extension LogSink {
  public func write(fragment: String) { write(line: fragment) }
}

/// Standard error, one write per line (lines from concurrent loggers do not interleave).
/// A progress fragment stays on its line until the next write clears it.
public struct StandardErrorSink: LogSink {
  /// Whether a progress fragment is on the terminal's last line.
  private static let fragmentShown = Atomic<Bool>(false)

  public init() {}

  public func write(line: String) {
    let clear = Self.fragmentShown.exchange(false, ordering: .relaxed)
    put((clear ? "\r\u{1B}[2K" : "") + line + "\n")
  }

  public func write(fragment: String) {
    Self.fragmentShown.store(true, ordering: .relaxed)
    put("\r\u{1B}[2K" + fragment)
  }

  private func put(_ text: String) {
    var remaining = Array(text.utf8)[...]
    while !remaining.isEmpty {
      let written = remaining.withUnsafeBytes {
        Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count)
      }
      if written < 0, errno == EINTR { continue }
      guard written > 0 else { return }
      remaining = remaining.dropFirst(written)
    }
  }

  public var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// Collects lines in memory, for tests.
public final class CapturingSink: LogSink, @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [String] = []
  public let isTerminal: Bool

  public init(isTerminal: Bool = false) { self.isTerminal = isTerminal }

  public func write(line: String) {
    lock.lock()
    storage.append(line)
    lock.unlock()
  }

  public var lines: [String] {
    lock.lock()
    defer { lock.unlock() }
    return storage
  }
}
