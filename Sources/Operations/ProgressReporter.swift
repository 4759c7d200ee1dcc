import Foundation

/// Progress of a long ingest on a terminal: share done, bytes, rows per second, time left.
/// Silent when standard error is not a terminal (cron), and never prints field values.
/// Draws on one line that log lines and the next update replace; `finish` leaves the
/// final state as a line.
public final class ProgressReporter: @unchecked Sendable {
  private let sink: any LogSink
  private let enabled: Bool
  private let totalBytes: Int
  private let start: UInt64
  private var lastDraw: UInt64 = 0
  private let label: String
  private let interval: UInt64

  /// `enabled: nil` means "when the sink is a terminal".
  public init(
    label: String, totalBytes: Int, sink: any LogSink = StandardErrorSink(), enabled: Bool? = nil,
    redrawEvery seconds: Double = 0.2
  ) {
    self.label = label
    self.sink = sink
    self.enabled = enabled ?? sink.isTerminal
    self.totalBytes = max(1, totalBytes)
    self.start = DispatchTime.now().uptimeNanoseconds
    self.interval = UInt64(seconds * 1e9)
  }

  /// Call as often as convenient; draws at most every `redrawEvery` seconds.
  public func update(bytes: Int, rows: Int, force: Bool = false) {
    guard enabled else { return }
    let now = DispatchTime.now().uptimeNanoseconds
    guard force || now - lastDraw >= interval else { return }
    lastDraw = now
    sink.write(
      fragment: Self.line(
        label: label, bytes: bytes, totalBytes: totalBytes, rows: rows,
        elapsed: Double(now - start) / 1e9))
  }

  /// Writes the final state as a line of its own.
  public func finish(bytes: Int, rows: Int) {
    guard enabled else { return }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    sink.write(
      line: Self.line(
        label: label, bytes: bytes, totalBytes: totalBytes, rows: rows, elapsed: elapsed))
  }

  /// The progress text, e.g. `politie.csv  42% 120/287 MB  512,000 rows/s  ETA 0:12`.
  static func line(label: String, bytes: Int, totalBytes: Int, rows: Int, elapsed: Double) -> String
  {
    let share = min(1, Double(bytes) / Double(max(1, totalBytes)))
    let rate = elapsed > 0 ? Double(rows) / elapsed : 0
    let remaining = share > 0 && share < 1 ? elapsed * (1 - share) / share : 0
    let mb = { (b: Int) in
      String(format: totalBytes >= 10_000_000 ? "%.0f" : "%.1f", Double(b) / 1_000_000)
    }
    let eta = String(format: "%d:%02d", Int(remaining) / 60, Int(remaining) % 60)
    return "\(label)  \(Int(share * 100))% \(mb(bytes))/\(mb(totalBytes)) MB  "
      + "\(Int(rate)) rows/s  ETA \(eta)"
  }
}
