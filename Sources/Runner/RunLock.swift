import Foundation

/// One run at a time per pipeline: an exclusive `flock` on `<state>/run.lock`. The kernel
/// releases it when the process ends, however it ends, so a killed run leaves no stale lock.
public final class RunLock {
  private let descriptor: Int32
  public let path: String

  /// Takes the lock, or throws `RunnerError.busy` when another run holds it.
  public init(path: String) throws {
    self.path = path
    let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw RunnerError.io("cannot open the lock file \(path)") }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      close(fd)
      throw RunnerError.busy("another run of this pipeline is busy (lock \(path))")
    }
    descriptor = fd
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
