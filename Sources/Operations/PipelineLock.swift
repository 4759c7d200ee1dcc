import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One run at a time per pipeline: an exclusive `flock(2)` on a lock file in the state
/// folder. The kernel releases the lock when the holding process ends in any way (SIGKILL
/// included), so a lock left by a killed run is recovered by the next run automatically;
/// the file's contents (pid, start time) are only for people reading it.
///
/// Commands that only read (`run --dry-run`, `store check`, `store backup`) take the lock
/// shared: they wait for a run to finish and a run waits for them, but they do not exclude
/// each other and write nothing (not even the lock file).
public final class PipelineLock: @unchecked Sendable {
  public let path: String
  private var descriptor: Int32
  private let exclusive: Bool

  public enum Failure: Error, Equatable, CustomStringConvertible {
    /// Another process holds the lock; `holder` is what it wrote in the file.
    case busy(path: String, holder: String)
    case cannotOpen(path: String, errno: Int32)

    public var description: String {
      switch self {
      case .busy(let path, let holder):
        "another run holds the lock \(path)" + (holder.isEmpty ? "" : " (\(holder))")
      case .cannotOpen(let path, let code):
        "cannot open lock file \(path): \(String(cString: strerror(code)))"
      }
    }
  }

  private init(path: String, descriptor: Int32, exclusive: Bool) {
    self.path = path
    self.descriptor = descriptor
    self.exclusive = exclusive
  }

  /// Takes the lock, waiting up to `wait` seconds (0: try once) for another run to finish.
  /// `now` is the time written into the lock file (an input, for tests). A `shared` lock
  /// on a lock file that does not exist yet (no run ever took it) holds nothing.
  public static func acquire(
    at path: String, wait: Double = 0, shared: Bool = false, now: Date = Date(),
    pollInterval: Double = 0.1
  ) throws -> PipelineLock {
    let fd =
      shared ? open(path, O_RDONLY | O_CLOEXEC) : open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    if fd < 0, shared, errno == ENOENT {
      return PipelineLock(path: path, descriptor: -1, exclusive: false)
    }
    guard fd >= 0 else { throw Failure.cannotOpen(path: path, errno: errno) }
    let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, wait) * 1e9)
    while flock(fd, (shared ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0 {
      guard errno == EWOULDBLOCK || errno == EINTR,
        DispatchTime.now().uptimeNanoseconds < deadline
      else {
        let holder =
          (try? String(contentsOfFile: path, encoding: .utf8))?
          .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        close(fd)
        throw Failure.busy(path: path, holder: holder)
      }
      usleep(useconds_t(pollInterval * 1e6))
    }
    if shared { return PipelineLock(path: path, descriptor: fd, exclusive: false) }
    let stamp = ISO8601DateFormatter().string(from: now)
    let note = "pid \(getpid()) since \(stamp)\n"
    _ = ftruncate(fd, 0)
    _ = note.withCString { pwrite(fd, $0, strlen($0), 0) }
    return PipelineLock(path: path, descriptor: fd, exclusive: true)
  }

  /// Releases the lock (also done when the process ends).
  public func release() {
    guard descriptor >= 0 else { return }
    if exclusive { _ = ftruncate(descriptor, 0) }
    _ = flock(descriptor, LOCK_UN)
    close(descriptor)
    descriptor = -1
  }

  deinit { release() }
}
