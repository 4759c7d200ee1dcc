import Foundation
import Testing

@testable import Operations

@Suite struct PipelineLockTests {
  func tempPath() -> String {
    NSTemporaryDirectory() + "lock-test-\(UUID().uuidString).lock"
  }

  @Test func secondHolderIsRefusedUntilTheFirstReleases() throws {
    let path = tempPath()
    let first = try PipelineLock.acquire(at: path)
    #expect(throws: PipelineLock.Failure.self) {
      _ = try PipelineLock.acquire(at: path, wait: 0)
    }
    first.release()
    let second = try PipelineLock.acquire(at: path)
    second.release()
  }

  @Test func busyErrorNamesTheHolder() throws {
    let path = tempPath()
    let first = try PipelineLock.acquire(at: path)
    defer { first.release() }
    do {
      _ = try PipelineLock.acquire(at: path, wait: 0.2, pollInterval: 0.05)
      Issue.record("expected busy")
    } catch let PipelineLock.Failure.busy(_, holder) {
      #expect(holder.contains("pid \(getpid())"))
    }
  }

  @Test func waitsForARunThatFinishes() throws {
    let path = tempPath()
    let first = try PipelineLock.acquire(at: path)
    DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { first.release() }
    let second = try PipelineLock.acquire(at: path, wait: 5, pollInterval: 0.02)
    second.release()
  }

  @Test func lockOfAKilledProcessIsRecovered() throws {
    // A child process takes the lock and is killed with SIGKILL; the lock must be free.
    let path = tempPath()
    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
    // -o: the command (cat, waiting on a pipe we close at the end) does not inherit the
    // descriptor; flock itself holds the lock.
    child.arguments = ["-o", path, "cat"]
    let input = Pipe()
    child.standardInput = input
    child.standardOutput = FileHandle.nullDevice
    child.standardError = FileHandle.nullDevice
    defer { try? input.fileHandleForWriting.close() }
    try child.run()
    // Wait until the child holds it.
    var held = false
    for _ in 0..<100 {
      if (try? PipelineLock.acquire(at: path, wait: 0)).map({ $0.release() }) == nil {
        held = true
        break
      }
      usleep(20_000)
    }
    #expect(held)
    kill(child.processIdentifier, SIGKILL)
    // A killed process's locks are released by the kernel as it exits.
    let lock = try PipelineLock.acquire(at: path, wait: 5, pollInterval: 0.02)
    lock.release()
  }

  @Test func sharedHoldersExcludeAnExclusiveOneAndWriteNothing() throws {
    let path = tempPath()
    // No lock file yet (no run ever): a shared lock holds nothing and creates nothing.
    let nothing = try PipelineLock.acquire(at: path, shared: true)
    #expect(!FileManager.default.fileExists(atPath: path))
    nothing.release()
    try PipelineLock.acquire(at: path).release()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let reader = try PipelineLock.acquire(at: path, shared: true)
    let another = try PipelineLock.acquire(at: path, shared: true)
    #expect(throws: PipelineLock.Failure.self) { _ = try PipelineLock.acquire(at: path) }
    reader.release()
    another.release()
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    let run = try PipelineLock.acquire(at: path)
    #expect(throws: PipelineLock.Failure.self) {
      _ = try PipelineLock.acquire(at: path, shared: true)
    }
    run.release()
  }
}
