import FixtureGen
import Foundation
import PipelineSpec
import SafetyCore
import Yams

/// Test support: where things are, a shared generated demo, and a small independent CSV
/// reader (RFC 4180 with a chosen delimiter) to read the exports back.
enum Repo {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let fixtures = root.appendingPathComponent("fixtures/demostad")
  static let pipeline = root.appendingPathComponent("pipelines/demostad.yaml")

  static func decodedPipeline() throws -> Pipeline {
    try YAMLDecoder().decode(Pipeline.self, from: String(contentsOf: pipeline, encoding: .utf8))
  }
}

/// A demo generated once per test process with a seed other than the committed one.
enum Generated {
  static let seed: UInt64 = 424_242
  static let dir: URL = {
    let fm = FileManager.default
    let tmp = fm.temporaryDirectory
    // Earlier runs' sets (a process cannot clean up after its last test): remove those
    // older than an hour.
    for name in (try? fm.contentsOfDirectory(atPath: tmp.path)) ?? []
    where name.hasPrefix("fixturegen-tests-") {
      let url = tmp.appendingPathComponent(name)
      let modified = (try? fm.attributesOfItem(atPath: url.path)[.modificationDate]) as? Date
      if let m = modified, m < Date().addingTimeInterval(-3_600) { try? fm.removeItem(at: url) }
    }
    let d = tmp.appendingPathComponent(
      "fixturegen-tests-\(ProcessInfo.processInfo.processIdentifier)-\(seed)")
    try? fm.removeItem(at: d)
    return d
  }()
  static let summary: FixtureSummary = {
    try! FixtureGenerator(FixtureConfig(seed: seed)).write(to: dir)
  }()
}

enum CSVRead {
  /// Splits `text` into records of fields. Throws on an unterminated quote.
  static func parse(_ text: String, delimiter: Character) throws -> [[String]] {
    var records: [[String]] = []
    var field = ""
    var record: [String] = []
    var inQuotes = false
    var afterQuote = false
    var chars = Array(text)
    if chars.first == "\u{FEFF}" { chars.removeFirst() }
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if inQuotes {
        if c == "\"" {
          if i + 1 < chars.count, chars[i + 1] == "\"" {
            field.append("\"")
            i += 1
          } else {
            inQuotes = false
            afterQuote = true
          }
        } else {
          field.append(c)
        }
      } else if c == "\"" && field.isEmpty && !afterQuote {
        inQuotes = true
      } else if c == delimiter {
        record.append(field)
        field = ""
        afterQuote = false
      } else if c == "\n" || c == "\r\n" || c == "\r" {
        record.append(field)
        records.append(record)
        record = []
        field = ""
        afterQuote = false
      } else {
        field.append(c)
      }
      i += 1
    }
    if inQuotes { throw CSVError.unterminatedQuote }
    if !field.isEmpty || !record.isEmpty {
      record.append(field)
      records.append(record)
    }
    return records
  }

  enum CSVError: Error { case unterminatedQuote, encoding }

  static func read(_ url: URL, encoding: String, delimiter: Character) throws -> [[String]] {
    let bytes = [UInt8](try Data(contentsOf: url))
    let text: String
    if encoding == "windows-1252" {
      text = Windows1252.decode(bytes)
    } else {
      guard let t = String(validating: bytes, as: UTF8.self) else { throw CSVError.encoding }
      text = t
    }
    return try parse(text, delimiter: delimiter)
  }

  /// Reads a `;`-separated registry file into dictionaries by header.
  static func table(_ url: URL) throws -> [[String: String]] {
    let rows = try read(url, encoding: "utf-8", delimiter: ";")
    guard let header = rows.first else { return [] }
    return rows.dropFirst().map { r in
      Dictionary(
        uniqueKeysWithValues: zip(
          header, r + Array(repeating: "", count: max(0, header.count - r.count))))
    }
  }
}

/// Matches `*` and `?` in file names (as the pipeline's `files:` patterns).
func globMatch(_ pattern: String, _ name: String) -> Bool {
  let p = Array(pattern)
  let n = Array(name)
  func match(_ i: Int, _ j: Int) -> Bool {
    if i == p.count { return j == n.count }
    if p[i] == "*" { return (j...n.count).contains { match(i + 1, $0) } }
    guard j < n.count, p[i] == "?" || p[i] == n[j] else { return false }
    return match(i + 1, j + 1)
  }
  return match(0, 0)
}

func normalisedColumn(_ s: String) -> String {
  s.lowercased().filter { !$0.isWhitespace }
}
