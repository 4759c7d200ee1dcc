import Foundation
import SafetyCore

/// A pipeline file read, decoded strictly and resolved: paths made absolute against the
/// file's folder, defaults filled in. `validate()` adds the semantic checks.
public struct LoadedPipeline: Sendable {
  public var spec: Pipeline
  /// The pipeline file as given.
  public var file: String
  /// Positions of the file's values, for diagnostics.
  public var locations: SpecLocations
  /// The folder paths in the file are relative to.
  public var baseDirectory: String

  /// Reads and decodes `path`. Throws a `Diagnostic` for unreadable files, invalid YAML,
  /// unknown keys, missing keys and wrongly typed values.
  public static func load(path: String) throws(Diagnostic) -> LoadedPipeline {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw Diagnostic.error(.ioError, "cannot read the pipeline file \(path)")
    }
    return try parse(text, file: path)
  }

  /// Decodes pipeline text; `file` names it in diagnostics and anchors relative paths.
  public static func parse(_ text: String, file: String) throws(Diagnostic) -> LoadedPipeline {
    let (spec, locations) = try StrictYAMLDecoder.decode(Pipeline.self, from: text, file: file)
    let base = URL(fileURLWithPath: file).deletingLastPathComponent().standardizedFileURL.path
    return LoadedPipeline(spec: spec, file: file, locations: locations, baseDirectory: base)
  }

  public init(spec: Pipeline, file: String, locations: SpecLocations, baseDirectory: String) {
    self.spec = spec
    self.file = file
    self.locations = locations
    self.baseDirectory = baseDirectory
  }

  /// `path` made absolute against the pipeline file's folder.
  public func resolve(_ path: String) -> String {
    if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL.path }
    return URL(fileURLWithPath: baseDirectory).appendingPathComponent(path).standardizedFileURL
      .path
  }

  /// The state folder: `state:` or `state` beside the pipeline file.
  public var stateDirectory: String { resolve(spec.state ?? "state") }
  public var storePath: String {
    spec.store.map(resolve) ?? stateDirectory + "/store.sqlite"
  }
  public var inboxDirectory: String { spec.inbox.map(resolve) ?? stateDirectory + "/inbox" }
  public var archiveDirectory: String {
    spec.archive.map(resolve) ?? stateDirectory + "/archive"
  }
  public var quarantineDirectory: String {
    spec.quarantine.map(resolve) ?? stateDirectory + "/quarantine"
  }

  /// Share of rejected rows above which a file is quarantined (default 5 %).
  public var maxBadRowShare: Double { spec.ingest?.maxBadRowShare ?? 0.05 }
  public var maxDiagnosticsPerFile: Int { spec.ingest?.maxDiagnosticsPerFile ?? 100 }
  public var maxFieldBytes: Int { spec.ingest?.maxFieldBytes ?? 1 << 20 }
  public var maxFields: Int { spec.ingest?.maxFields ?? 1024 }

  /// The source whose file pattern matches `fileName`, first in file order.
  public func source(forFile fileName: String) -> (id: String, source: Source)? {
    for (id, source) in spec.sources
    where FilePattern(source.files).matches(fileName) {
      return (id, source)
    }
    return nil
  }

  /// Position of a value by path, for diagnostics.
  public func position(_ path: String...) -> SourcePosition { locations.position(path) }
}

extension Source {
  /// `shape:`, or `records` when a key column is declared, else `aggregated`.
  public var resolvedShape: SourceShape { shape ?? (key != nil ? .records : .aggregated) }
}

extension DialectSpec {
  /// The delimiter byte: one ASCII character, or `tab`/`\t`.
  public static func byte(_ text: String?, default value: UInt8) -> UInt8? {
    guard let text else { return value }
    if text == "tab" || text == "\\t" || text == "\t" { return 0x09 }
    let bytes = Array(text.utf8)
    guard bytes.count == 1, bytes[0] < 0x80, bytes[0] != 0x0A, bytes[0] != 0x0D else {
      return nil
    }
    return bytes[0]
  }
}

/// A file-name pattern with `*` (any run) and `?` (one character), matched
/// case-insensitively against a file's name (not its folder). The pattern may carry a folder
/// (`../exports/politie_*.csv`): only its last component is used.
public struct FilePattern: Sendable, Hashable {
  let pattern: [Character]

  public init(_ text: String) {
    let last = text.split(separator: "/").last.map(String.init) ?? text
    pattern = Array(last.lowercased())
  }

  public func matches(_ name: String) -> Bool {
    let s = Array(name.lowercased())
    var p = 0
    var i = 0
    var star = -1
    var mark = 0
    while i < s.count {
      if p < pattern.count, pattern[p] == "?" || pattern[p] == s[i] {
        p += 1
        i += 1
      } else if p < pattern.count, pattern[p] == "*" {
        star = p
        mark = i
        p += 1
      } else if star >= 0 {
        p = star + 1
        mark += 1
        i = mark
      } else {
        return false
      }
    }
    while p < pattern.count, pattern[p] == "*" { p += 1 }
    return p == pattern.count
  }
}
