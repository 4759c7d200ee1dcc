import Foundation
import Logging
import Testing

@testable import Operations

@Suite struct SafetyLogHandlerTests {
  let fixed = Date(timeIntervalSince1970: 1_732_924_800)

  @Test func writesJSONLinesWhenNotOnATerminal() throws {
    let sink = CapturingSink(isTerminal: false)
    let handler = SafetyLogHandler(label: "run", sink: sink, clock: { [fixed] in fixed })
    #expect(handler.format == .json)
    let logger = Logger(label: "run", factory: { _ in handler })
    logger.info(
      "export applied", metadata: ["rows": .stringConvertible(120), "file": "a \"b\".csv"])
    let line = try #require(sink.lines.first)
    #expect(
      line
        == #"{"time":"2024-11-30T00:00:00Z","level":"info","logger":"run","message":"export applied","file":"a \"b\".csv","rows":120}"#
    )
    let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    #expect(object?["rows"] as? Int == 120)
  }

  @Test func writesHumanLinesOnATerminal() throws {
    let sink = CapturingSink(isTerminal: true)
    let handler = SafetyLogHandler(label: "run", sink: sink, clock: { [fixed] in fixed })
    let logger = Logger(label: "run", factory: { _ in handler })
    logger.warning("file quarantined", metadata: ["code": "unterminated-quote"])
    #expect(
      sink.lines == ["2024-11-30T00:00:00Z warning file quarantined  code=unterminated-quote"])
  }

  @Test func respectsTheLevel() {
    let sink = CapturingSink()
    var logger = Logger(label: "run", factory: { _ in SafetyLogHandler(label: "run", sink: sink) })
    logger.logLevel = .warning
    logger.info("hidden")
    logger.error("shown")
    #expect(sink.lines.count == 1)
  }

  @Test func progressIsSilentUnderCronAndDrawsOnATerminal() {
    let cron = CapturingSink(isTerminal: false)
    ProgressReporter(label: "x", totalBytes: 100, sink: cron).finish(bytes: 50, rows: 10)
    #expect(cron.lines.isEmpty)
    let tty = CapturingSink(isTerminal: true)
    ProgressReporter(label: "x", totalBytes: 100, sink: tty).finish(bytes: 50, rows: 10)
    #expect(tty.lines.count == 1)
    #expect(
      ProgressReporter.line(
        label: "p.csv", bytes: 50_000_000, totalBytes: 200_000_000, rows: 1000, elapsed: 10)
        == "p.csv  25% 50/200 MB  100 rows/s  ETA 0:30")
  }
}

@Suite struct SafetyLogHandlerEscapingTests {
  let fixed = Date(timeIntervalSince1970: 1_732_924_800)

  @Test func escapesControlCharactersInBothFormats() throws {
    let human = CapturingSink(isTerminal: true)
    Logger(
      label: "run",
      factory: { [fixed] _ in
        SafetyLogHandler(label: "run", sink: human, clock: { fixed })
      }
    ).error("a\u{1B}[31mred\u{9B}.csv: bad", metadata: ["file": "a\u{1B}b.csv"])
    #expect(
      human.lines == [
        #"2024-11-30T00:00:00Z error   a\u{1B}[31mred\u{9B}.csv: bad  file=a\u{1B}b.csv"#
      ])
    let json = CapturingSink(isTerminal: false)
    Logger(
      label: "run",
      factory: { [fixed] _ in
        SafetyLogHandler(label: "run", sink: json, clock: { fixed })
      }
    ).error("a\u{1B}\u{9B}")
    let line = try #require(json.lines.first)
    #expect(line.contains(#""message":"a\u001b\u009b""#))
    #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
  }

  @Test func humanLinesDoNotRepeatADiagnosticsPosition() {
    let sink = CapturingSink(isTerminal: true)
    Logger(
      label: "run",
      factory: { [fixed] _ in
        SafetyLogHandler(label: "run", sink: sink, clock: { fixed })
      }
    ).warning(
      "p.csv:3:8: error: no such date [invalid-date]",
      metadata: ["file": "p.csv", "line": "3", "column": "8", "code": "invalid-date", "rows": "2"])
    #expect(
      sink.lines == [
        "2024-11-30T00:00:00Z warning p.csv:3:8: error: no such date [invalid-date]  rows=2"
      ])
  }

  @Test func buildsALoggerAtALevel() {
    let sink = CapturingSink()
    let logger = SafetyLogHandler.logger(label: "x", format: .json, level: .warning, sink: sink)
    logger.info("hidden")
    logger.warning("shown")
    #expect(sink.lines.count == 1)
  }
}
