import Foundation
import Testing

@testable import Operations

@Suite struct ProgressReporterTests {
  @Test func drawsOnOneLineAndFinishesWithALine() {
    let tty = RecordingSink()
    let progress = ProgressReporter(label: "run", totalBytes: 2_000_000, sink: tty, redrawEvery: 0)
    progress.update(bytes: 500_000, rows: 10)
    progress.update(bytes: 1_000_000, rows: 20)
    progress.finish(bytes: 2_000_000, rows: 40)
    #expect(tty.fragments.count == 2)
    #expect(tty.fragments[0].hasPrefix("run  25% 0.5/2.0 MB  "))
    #expect(tty.lines.count == 1)
    #expect(tty.lines[0].hasPrefix("run  100% 2.0/2.0 MB  "))
    #expect(tty.lines[0].hasSuffix("ETA 0:00"))
  }

  @Test func staysSilentWhenNotOnATerminal() {
    let cron = RecordingSink(isTerminal: false)
    let progress = ProgressReporter(label: "run", totalBytes: 100, sink: cron, redrawEvery: 0)
    progress.update(bytes: 50, rows: 1)
    progress.finish(bytes: 100, rows: 2)
    #expect(cron.fragments.isEmpty && cron.lines.isEmpty)
  }
}

/// Records lines and progress fragments apart.
final class RecordingSink: LogSink, @unchecked Sendable {
  let isTerminal: Bool
  private let lock = NSLock()
  private var storedLines: [String] = []
  private var storedFragments: [String] = []

  init(isTerminal: Bool = true) { self.isTerminal = isTerminal }

  func write(line: String) { lock.withLock { storedLines.append(line) } }
  func write(fragment: String) { lock.withLock { storedFragments.append(fragment) } }
  var lines: [String] { lock.withLock { storedLines } }
  var fragments: [String] { lock.withLock { storedFragments } }
}
