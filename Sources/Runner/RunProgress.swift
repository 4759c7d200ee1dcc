import Dispatch
import Operations
import Synchronization

/// Bytes and rows read so far in a run, counted by the reading threads and drawn on a
/// terminal by a `ProgressReporter` a few times per second. Bytes of a file being read are
/// estimated from its rows (field bytes plus separators) until the file is done.
final class RunProgress: @unchecked Sendable {  // the timer is set once; counters are atomic
  let reporter: ProgressReporter
  private let doneBytes = Atomic<Int>(0)
  private let readingBytes = Atomic<Int>(0)
  private let rows = Atomic<Int>(0)
  private let timer: DispatchSourceTimer

  init(reporter: ProgressReporter) {
    self.reporter = reporter
    timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "safety-monitor.progress"))
    timer.schedule(deadline: .now() + 0.25, repeating: 0.25)
    timer.setEventHandler { [weak self] in self?.draw() }
    timer.resume()
  }

  var bytes: Int {
    doneBytes.load(ordering: .relaxed) + readingBytes.load(ordering: .relaxed)
  }

  func draw() {
    reporter.update(bytes: bytes, rows: rows.load(ordering: .relaxed))
  }

  /// Rows and estimated bytes read from a file still being read.
  func advance(rows n: Int, bytes: Int) {
    rows.add(n, ordering: .relaxed)
    readingBytes.add(bytes, ordering: .relaxed)
  }

  /// A file is read: its estimate is replaced by its real size.
  func complete(estimated: Int, actual: Int) {
    readingBytes.subtract(estimated, ordering: .relaxed)
    doneBytes.add(actual, ordering: .relaxed)
  }

  func finish() {
    timer.cancel()
    reporter.finish(bytes: bytes, rows: rows.load(ordering: .relaxed))
  }
}

/// One file's share of the run's progress, flushed every few thousand rows.
struct FileProgress {
  let run: RunProgress?
  var pendingRows = 0
  var pendingBytes = 0
  var estimated = 0

  init(_ run: RunProgress?) { self.run = run }

  @inline(__always)
  mutating func row(bytes: Int) {
    guard run != nil else { return }
    pendingRows += 1
    pendingBytes += bytes
    if pendingRows == 4096 { flush() }
  }

  mutating func flush() {
    run?.advance(rows: pendingRows, bytes: pendingBytes)
    estimated += pendingBytes
    pendingRows = 0
    pendingBytes = 0
  }

  mutating func complete(actualBytes: Int) {
    flush()
    run?.complete(estimated: estimated, actual: actualBytes)
  }
}
