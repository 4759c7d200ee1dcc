import ArgumentParser
import CSVIngest
import Detection
import Foundation
import Operations
import SafetyCore
import Yams

/// `safety-monitor detect SERIES.csv --algorithm NAME [--settings FILE.yaml] --range FROM:TO
/// [--out FILE]` — runs one aberration detector over many weekly series (a contract checked
/// from outside; see docs/DETECTION.md, "The detect command").
struct DetectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "detect",
    abstract: "Run an aberration detector (R surveillance conventions) over weekly count series.",
    discussion: """
      SERIES.csv needs a header with at least series_id, week_index (1-based, weekly) and \
      count; other columns are ignored. Writes series_id,week_index,observed,expected,\
      upperbound,alarm,score,pvalue for every week of the range (NA where undefined).
      """)

  @Argument(help: "CSV file with series_id, week_index and count columns.")
  var series: String

  @Option(help: "farringtonFlexible, earsC1, earsC2, earsC3, cusum or glrpois.")
  var algorithm: String

  @Option(help: "YAML file with the reference package's control names (b, w, alpha, ...).")
  var settings: String?

  @Option(help: "Weeks to evaluate, FROM:TO (1-based week_index, inclusive).")
  var range: String

  @Option(help: "Output file (default: standard output).")
  var out: String?

  @Option(help: "Time points per year: 52 (weekly, default) or 12 (monthly week_index).")
  var frequency: Int = 52

  func validate() throws {
    guard DetectorMethod(rawValue: algorithm) != nil else {
      throw ValidationError(
        "unknown algorithm '\(algorithm)'; expected one of "
          + DetectorMethod.allCases.map(\.rawValue).joined(separator: ", "))
    }
    _ = try parseRange(range)
    guard frequency >= 1 else { throw ValidationError("--frequency must be at least 1") }
  }

  func run() throws {
    do {
      try detect()
    } catch let failure as DetectFailure {
      // diagnostics as file:line:column: error: message [code], then the sysexits status
      printError(failure.description)
      throw Self.exitCode(for: failure)
    }
  }

  private func detect() throws {
    guard let method = DetectorMethod(rawValue: algorithm) else {
      throw ValidationError(
        "unknown algorithm '\(algorithm)'; expected one of "
          + DetectorMethod.allCases.map(\.rawValue).joined(separator: ", "))
    }
    let weeks = try parseRange(range)
    let detector: DetectionAlgorithm
    do {
      let file = try settings.map { try DetectSettingsFile.load(path: $0) } ?? DetectorSettings()
      if let named = file.method, named != method {
        throw DetectFailure.configuration([
          Diagnostic.error(
            .configError,
            "the settings name method \(named.rawValue) but --algorithm is \(method.rawValue)",
            at: settings.map { SourcePosition(file: $0, line: 1, column: 1) })
        ])
      }
      detector = try DetectionAlgorithm(method: method, settings: file)
    } catch let error as DetectorSettingsError {
      throw DetectFailure.configuration([
        Diagnostic.error(
          .configError, "\(error.key): \(error.message)",
          at: settings.map { SourcePosition(file: $0, line: 1, column: 1) })
      ])
    }
    let table = try SeriesTable.read(path: series, frequency: frequency)
    for warning in table.warnings { printError(warning.description) }
    let results = detector.detect(table.series, range: weeks, parallel: true)
    let text = DetectOutput.csv(results)
    if let out {
      do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
      } catch {
        throw DetectFailure.io(
          Diagnostic.error(
            .ioError, "cannot write the output: \(error.localizedDescription)",
            at: SourcePosition(file: out, line: 1, column: 1)))
      }
    } else {
      FileHandle.standardOutput.write(Data(text.utf8))
    }
    printError(DetectOutput.summary(results, table: table, range: weeks))
  }

  private func parseRange(_ text: String) throws -> ClosedRange<Int> {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, let from = Int(parts[0]), let to = Int(parts[1]), from >= 1,
      from <= to
    else {
      throw ValidationError("--range must be FROM:TO with 1 <= FROM <= TO, got '\(text)'")
    }
    return from...to
  }

  /// Exit statuses after sysexits (see Operations.ExitStatus).
  static func exitCode(for failure: DetectFailure) -> ExitCode {
    switch failure {
    case .data: return ExitCode(ExitStatus.data.rawValue)
    case .io: return ExitCode(ExitStatus.ioError.rawValue)
    case .configuration: return ExitCode(ExitStatus.configuration.rawValue)
    }
  }
}

/// Why `detect` stops, with the diagnostics to print.
enum DetectFailure: Error, CustomStringConvertible {
  case data([Diagnostic])
  case io(Diagnostic)
  case configuration([Diagnostic])

  var description: String {
    switch self {
    case .data(let d), .configuration(let d): d.map(\.description).joined(separator: "\n")
    case .io(let d): d.description
    }
  }
}

// printError(_:) (one line to standard error) is shared with the read command.

/// A `--settings` YAML file: a mapping of the reference package's control names.
enum DetectSettingsFile {
  static func load(path: String) throws -> DetectorSettings {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw DetectFailure.io(
        Diagnostic.error(
          .ioError, "cannot read the settings file",
          at: SourcePosition(file: path, line: 1, column: 1)))
    }
    func at(_ mark: Mark?) -> SourcePosition {
      SourcePosition(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch {
      throw DetectFailure.configuration([
        Diagnostic.error(.configError, "not valid YAML: \(error)", at: at(nil))
      ])
    }
    guard let node else { return DetectorSettings() }  // an empty file: all defaults
    guard let mapping = node.mapping else {
      throw DetectFailure.configuration([
        Diagnostic.error(.configError, "expected a mapping of settings", at: at(node.mark))
      ])
    }
    var unknown: [Diagnostic] = []
    var marks: [String: Mark] = [:]
    for (key, _) in mapping {
      let name = key.string ?? ""
      marks[name] = key.mark
      if !DetectorSettings.keys.contains(name) {
        unknown.append(
          Diagnostic.error(
            .unknownKey,
            "unknown setting '\(name)'; known: "
              + DetectorSettings.keys.sorted().joined(separator: ", "), at: at(key.mark)))
      }
    }
    if !unknown.isEmpty { throw DetectFailure.configuration(unknown) }
    do {
      return try YAMLDecoder().decode(DetectorSettings.self, from: node)
    } catch let error as DecodingError {
      let key: String
      let detail: String
      switch error {
      case .typeMismatch(let type, let context):
        key = context.codingPath.first?.stringValue ?? ""
        detail = "expected \(type)"
      case .valueNotFound(let type, let context):
        key = context.codingPath.first?.stringValue ?? ""
        detail = "expected \(type)"
      case .dataCorrupted(let context):
        key = context.codingPath.first?.stringValue ?? ""
        detail = context.debugDescription
      case .keyNotFound(let codingKey, _):
        key = codingKey.stringValue
        detail = "missing"
      @unknown default:
        key = ""
        detail = "\(error)"
      }
      throw DetectFailure.configuration([
        Diagnostic.error(.configError, "\(key): \(detail)", at: at(marks[key]))
      ])
    }
  }
}

/// The series of a `detect` input file, read through the project's CSV reader.
struct SeriesTable {
  var series: [CountSeries]
  var warnings: [Diagnostic]

  static let maxErrors = 50

  static func read(path: String, frequency: Int = 52) throws -> SeriesTable {
    let delimiter = sniffDelimiter(path: path)
    let reader: CSVReader
    do {
      reader = try CSVReader(
        path: path, options: CSVReadOptions(dialect: CSVDialect(delimiter: delimiter)))
    } catch let d as Diagnostic {
      throw DetectFailure.io(d)
    }
    var warnings: [Diagnostic] = []
    var errors: [Diagnostic] = []
    var columns: (id: Int, week: Int, count: Int)?
    var order: [String] = []
    var rows: [String: [(week: Int, count: Double, line: Int)]] = [:]
    struct TooManyErrors: Error {}
    do {
      try reader.forEachRecord(
        onDiagnostic: { warnings.append($0) },
        { record in
          if record.isHeader {
            let labels = record.strings().map { $0.trimmingCharacters(in: .whitespaces) }
            var found: [Int] = []
            for name in ["series_id", "week_index", "count"] {
              if let i = labels.firstIndex(of: name) {
                found.append(i)
              } else {
                errors.append(
                  .error(.missingColumn, "the header has no column '\(name)'", at: record.position))
              }
            }
            if found.count == 3 { columns = (found[0], found[1], found[2]) }
            if errors.count > 0 { throw TooManyErrors() }
            return
          }
          guard let c = columns else { return }
          guard record.count > max(c.id, c.week, c.count) else {
            errors.append(
              .error(
                .missingCell,
                "the row has \(record.count) fields; series_id, week_index "
                  + "and count are required", at: record.position(ofField: record.count)))
            if errors.count >= maxErrors { throw TooManyErrors() }
            return
          }
          let id = record[c.id].decoded()
          let weekText = record[c.week].decoded().trimmingCharacters(in: .whitespaces)
          guard let week = Int(weekText), week >= 1 else {
            errors.append(
              .error(
                .typeError, "week_index must be a whole number >= 1, got '\(weekText)'",
                at: record.position(ofField: c.week)))
            if errors.count >= maxErrors { throw TooManyErrors() }
            return
          }
          let countText = record[c.count].decoded().trimmingCharacters(in: .whitespaces)
          let count: Double
          if countText.isEmpty || countText == "NA" || countText == "na" {
            count = .nan  // missing observation
          } else if let v = Double(countText), v.isFinite, v >= 0, v == v.rounded() {
            count = v
          } else {
            errors.append(
              .error(
                .typeError, "count must be a whole number >= 0 or NA, got '\(countText)'",
                at: record.position(ofField: c.count)))
            if errors.count >= maxErrors { throw TooManyErrors() }
            return
          }
          if rows[id] == nil { order.append(id) }
          rows[id, default: []].append((week, count, record.line))
        })
    } catch is TooManyErrors {
      throw DetectFailure.data(errors)
    } catch let d as Diagnostic {
      throw DetectFailure.data(errors + [d])
    }
    if columns == nil && errors.isEmpty {
      errors.append(
        .error(
          .missingColumn, "the file has no header row",
          at: SourcePosition(file: path, line: 1, column: 1)))
    }
    var series: [CountSeries] = []
    for id in order {
      let entries = rows[id]!.sorted { $0.week < $1.week }
      let length = entries.last!.week
      var observed = [Double](repeating: .nan, count: length)
      var seen = [Bool](repeating: false, count: length)
      for e in entries {
        if seen[e.week - 1] {
          errors.append(
            .error(
              .duplicateKey, "series '\(id)' has week_index \(e.week) twice",
              at: SourcePosition(file: path, line: e.line, column: 1)))
        }
        seen[e.week - 1] = true
        observed[e.week - 1] = e.count
      }
      let gaps = seen.filter { !$0 }.count
      if gaps > 0 {
        warnings.append(
          .warning(
            .missingCell,
            "series '\(id)' has no row for \(gaps) of weeks 1...\(length); "
              + "they count as missing",
            at: SourcePosition(file: path, line: entries[0].line, column: 1)))
      }
      series.append(CountSeries(id: id, observed: observed, frequency: frequency))
    }
    if !errors.isEmpty { throw DetectFailure.data(Array(errors.prefix(maxErrors))) }
    return SeriesTable(series: series, warnings: warnings)
  }

  /// `,` unless the first line has no comma but semicolons or tabs.
  static func sniffDelimiter(path: String) -> UInt8 {
    guard let handle = FileHandle(forReadingAtPath: path) else { return UInt8(ascii: ",") }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 4096)) ?? Data()
    let line = head.prefix { $0 != UInt8(ascii: "\n") }
    if line.contains(UInt8(ascii: ",")) { return UInt8(ascii: ",") }
    if line.contains(UInt8(ascii: ";")) { return UInt8(ascii: ";") }
    if line.contains(UInt8(ascii: "\t")) { return UInt8(ascii: "\t") }
    return UInt8(ascii: ",")
  }
}

/// The `detect` output: one CSV row per series and week of the range.
enum DetectOutput {
  static let header = "series_id,week_index,observed,expected,upperbound,alarm,score,pvalue"

  static func csv(_ results: [SeriesDetection]) -> String {
    var text = header + "\n"
    for r in results {
      let id = quoted(r.id)
      for o in r.outcomes {
        text += id
        text += ",\(o.timeIndex),\(number(o.observed)),\(number(o.expected)),"
        text += "\(number(o.upperbound)),"
        text += o.alarm.map { $0 ? "1" : "0" } ?? "NA"
        text += ",\(number(o.score)),\(number(o.pvalue))\n"
      }
    }
    return text
  }

  /// Shortest representation that reads back to the same double; whole numbers without a
  /// decimal point; NA for missing and non-finite values.
  static func number(_ x: Double?) -> String {
    guard let x, x.isFinite else { return "NA" }
    if x == x.rounded(), Swift.abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
  }

  static func quoted(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return s
    }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// One line for standard error: counts of alarms and of undefined weeks by reason.
  static func summary(_ results: [SeriesDetection], table: SeriesTable, range: ClosedRange<Int>)
    -> String
  {
    var alarms = 0
    var reasons: [String: Int] = [:]
    var warnings = 0
    for r in results {
      warnings += r.warnings.count
      for o in r.outcomes {
        if o.alarm == true { alarms += 1 }
        if let reason = o.reason { reasons[reason.rawValue, default: 0] += 1 }
      }
    }
    let reasonText =
      reasons.isEmpty
      ? ""
      : "; NA: "
        + reasons.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        .joined(separator: ", ")
    return
      "detect: \(results.count) series x weeks \(range.lowerBound)...\(range.upperBound): "
      + "\(alarms) alarms\(reasonText)"
      + (warnings > 0 ? "; \(warnings) model warnings (as R would warn)" : "")
  }
}
