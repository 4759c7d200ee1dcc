import Foundation
import Logging

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
      let meta = merged.keys.sorted().compactMap { key in merged[key].map { "\(key)=\($0)" } }
      let level = event.level.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
      sink.write(
        line: "\(time) \(level) \(event.message)"
          + (meta.isEmpty ? "" : "  " + meta.joined(separator: " ")))
    }
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
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case let c where c.value < 0x20:
        let hex = String(c.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
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
