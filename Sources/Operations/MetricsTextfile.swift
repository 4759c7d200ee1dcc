import Foundation

/// Prometheus metrics in the text exposition format, for node_exporter's textfile
/// collector. Written atomically (temporary file + rename), as the collector requires.
public struct MetricsTextfile: Sendable {
  public enum Kind: String, Sendable { case gauge, counter }

  public struct Sample: Sendable, Hashable {
    public var labels: [(String, String)]
    public var value: Double

    public init(labels: [(String, String)] = [], value: Double) {
      self.labels = labels
      self.value = value
    }

    public static func == (a: Sample, b: Sample) -> Bool {
      a.value == b.value && a.labels.map { $0.0 + "=" + $0.1 } == b.labels.map { $0.0 + "=" + $0.1 }
    }

    public func hash(into h: inout Hasher) {
      h.combine(value)
      for (k, v) in labels {
        h.combine(k)
        h.combine(v)
      }
    }
  }

  struct Family: Sendable {
    var name: String
    var help: String
    var kind: Kind
    var samples: [Sample]
  }

  private var families: [Family] = []

  public init() {}

  /// Adds a metric family. Names must match `[a-zA-Z_:][a-zA-Z0-9_:]*`.
  public mutating func add(_ name: String, help: String, kind: Kind = .gauge, samples: [Sample]) {
    families.append(Family(name: name, help: help, kind: kind, samples: samples))
  }

  public mutating func add(_ name: String, help: String, kind: Kind = .gauge, value: Double) {
    add(name, help: help, kind: kind, samples: [Sample(value: value)])
  }

  public var text: String {
    var out = ""
    for f in families {
      out += "# HELP \(f.name) \(escapeHelp(f.help))\n# TYPE \(f.name) \(f.kind.rawValue)\n"
      for s in f.samples {
        let labels =
          s.labels.isEmpty
          ? ""
          : "{" + s.labels.map { "\($0.0)=\"\(escapeLabel($0.1))\"" }.joined(separator: ",") + "}"
        out += "\(f.name)\(labels) \(format(s.value))\n"
      }
    }
    return out
  }

  /// Writes the file atomically: a temporary file in the same folder, then rename. The file
  /// gets mode 0644 (node_exporter reads it as another user).
  public func write(to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let tmp = url.deletingLastPathComponent()
      .appendingPathComponent(
        ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    try Data(text.utf8).write(to: tmp)
    // Readable by node_exporter's user whatever the run's umask (metrics hold no data).
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: tmp.path)
    if rename(tmp.path, url.path) != 0 {
      let code = errno
      try? FileManager.default.removeItem(at: tmp)
      throw CocoaError(
        .fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(code))])
    }
  }

  private func format(_ v: Double) -> String {
    if v.isNaN { return "NaN" }
    if v.isInfinite { return v > 0 ? "+Inf" : "-Inf" }
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    return String(v)
  }

  private func escapeHelp(_ s: String) -> String {
    s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
  }

  private func escapeLabel(_ s: String) -> String {
    escapeHelp(s).replacingOccurrences(of: "\"", with: "\\\"")
  }
}
