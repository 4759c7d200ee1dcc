import Foundation
import Logging
import SafetyCore

/// How log lines are written: `human` on a terminal, `json` (one JSON object per line)
/// otherwise; `auto` picks by whether standard error is a terminal.
public enum LogFormat: String, Sendable, CaseIterable {
  case auto, human, json
}

/// The project's log handler (swift-log). Logs carry positions, codes and counts only —
/// never personal data or raw field values; callers put no cell contents into messages or
/// metadata (a test plants values and checks every line).
public struct SafetyLogHandler: LogHandler {
  public var metadata: Logger.Metadata = [:]
  public var logLevel: Logger.Level
  public let label: String
  public let format: LogFormat
  let sink: any LogSink
  let clock: @Sendable () -> Date

  /// `format` `.auto` is resolved here, from the sink.
  public init(
    label: String, format: LogFormat = .auto, level: Logger.Level = .info,
    sink: any LogSink = StandardErrorSink(), clock: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.label = label
    self.format = format == .auto ? (sink.isTerminal ? .human : .json) : format
    self.logLevel = level
    self.sink = sink
    self.clock = clock
  }

  /// A logger that writes through this handler (no global bootstrap needed).
  public static func logger(
    label: String, format: LogFormat = .auto, level: Logger.Level = .info,
    sink: any LogSink = StandardErrorSink()
  ) -> Logger {
    let handler = SafetyLogHandler(label: label, format: format, level: level, sink: sink)
    var logger = Logger(label: label, factory: { _ in handler })
    logger.logLevel = level
    return logger
  }

  public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  public func log(event: LogEvent) {
    var merged = metadata
    if let extra = event.metadata { merged.merge(extra) { _, new in new } }
    let time = Self.timestamp(clock())
    switch format {
    case .json:
      var fields: [(String, String)] = [
        ("time", JSONText.string(time)), ("level", JSONText.string(event.level.rawValue)),
        ("logger", JSONText.string(label)), ("message", JSONText.string(event.message.description)),
      ]
      for key in merged.keys.sorted() {
        if let value = merged[key] { fields.append((key, JSONText.value(value))) }
      }
      sink.write(
        line: "{" + fields.map { "\(JSONText.string($0.0)):\($0.1)" }.joined(separator: ",") + "}")
    case .human, .auto:
      let message = event.message.description
      // A diagnostic's message already reads `file:line:column: error: ... [code]`.
      let meta = merged.keys.sorted().compactMap { key -> String? in
        guard let value = merged[key] else { return nil }
        if Self.positionKeys.contains(key), message.contains(value.description) { return nil }
        return "\(key)=\(value)"
      }
      let level = event.level.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
      sink.write(
        line: Self.escapingControls(
          "\(time) \(level) \(message)" + (meta.isEmpty ? "" : "  " + meta.joined(separator: " "))
        ))
    }
  }

  /// Metadata a diagnostic carries that its message already shows (human format).
  static let positionKeys: Set<String> = ["file", "line", "column", "code"]

  /// Control characters (a file name may hold any) as `\u{1B}`, so that nothing in a log
  /// line can move the cursor or recolour a terminal.
  public static func escapingControls(_ text: String, keepingNewlines: Bool = false) -> String {
    func escaped(_ c: Unicode.Scalar) -> Bool {
      JSONText.isControl(c) && !(keepingNewlines && c == "\n")
    }
    guard text.unicodeScalars.contains(where: escaped) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if escaped(scalar) {
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  static func timestamp(_ date: Date) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: date)
  }
}

/// Minimal JSON text for log lines (no Foundation encoder per line).
enum JSONText {
  static func string(_ s: String) -> String {
    JSONString.quoted(s, escapingAllControls: true)
  }

  /// C0 and C1 control characters and DEL.
  static func isControl(_ c: Unicode.Scalar) -> Bool {
    c.value < 0x20 || (0x7F...0x9F).contains(c.value)
  }

  static func value(_ v: Logger.Metadata.Value) -> String {
    switch v {
    case .string(let s): return string(s)
    case .stringConvertible(let c):
      let text = c.description
      if let n = Double(text), n.isFinite, !text.contains("e"), !text.hasPrefix("+") {
        return text
      }
      return string(text)
    case .array(let a): return "[" + a.map(value).joined(separator: ",") + "]"
    case .dictionary(let d):
      return "{" + d.keys.sorted().map { "\(string($0)):\(value(d[$0]!))" }.joined(separator: ",")
        + "}"
    }
  }
}
