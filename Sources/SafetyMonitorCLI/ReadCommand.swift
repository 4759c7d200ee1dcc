import ArgumentParser
import CSVIngest
import SafetyCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `safety-monitor read FILE`: prints every record as one JSON array of strings per line,
/// header record first; diagnostics go to stderr. Exit 0 when the file was read, 65 when it
/// is not usable.
struct ReadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read",
    abstract: "Read a CSV export and print each record as a JSON array (one per line).",
    discussion: """
      Without --delimiter the delimiter is sniffed from the first records (; , tab |).
      Diagnostics go to stderr as file:line:column: severity: message [code].
      Exit status: 0 when the file was read, 65 when it is not usable.
      """)

  @Argument(help: "The CSV file.")
  var file: String

  @Option(help: "Field delimiter: one character, or 'tab'. Default: sniffed.")
  var delimiter: String?

  @Option(help: "Quote character (default \").")
  var quote: String = "\""

  @Option(help: "utf-8, windows-1252, iso-8859-1 or auto (UTF-8 if valid, else Windows-1252).")
  var encoding: String = "auto"

  @Flag(name: .customLong("no-header"), help: "The first record is data, not a header.")
  var noHeader = false

  func validate() throws {
    if let delimiter, CSVDialect.character(delimiter) == nil {
      throw ValidationError("--delimiter must be one character or 'tab', not '\(delimiter)'")
    }
    if CSVDialect.character(quote) == nil {
      throw ValidationError("--quote must be one character, not '\(quote)'")
    }
    if TextEncoding(name: encoding) == nil {
      throw ValidationError("--encoding must be utf-8, windows-1252, iso-8859-1 or auto")
    }
  }

  func run() throws {
    let out = OutputBuffer()
    do {
      var dialect = CSVDialect(
        quote: CSVDialect.character(quote) ?? 0x22,
        encoding: TextEncoding(name: encoding) ?? .auto, hasHeader: !noHeader)
      if let delimiter, let d = CSVDialect.character(delimiter) {
        dialect.delimiter = d
      } else {
        dialect.delimiter = try CSVSniffer.sniff(path: file, sampleBytes: 64 << 10).dialect
          .delimiter
      }
      let reader = try CSVReader(path: file, options: CSVReadOptions(dialect: dialect))
      let summary = try reader.forEachRecord(onDiagnostic: { printError($0.description) }) {
        record in
        record.appendJSONArray(to: &out.bytes)
        out.bytes.append(0x0A)
        if out.bytes.count >= 1 << 16 { out.flush() }
      }
      out.flush()
      let shown = min(
        summary.diagnosticCounts.values.reduce(0, +), reader.options.limits.maxDiagnostics)
      let total = summary.diagnosticCounts.values.reduce(0, +)
      if total > shown {
        let detail = summary.diagnosticCounts.sorted { $0.key.rawValue < $1.key.rawValue }
          .map { "\($0.key.rawValue): \($0.value)" }.joined(separator: ", ")
        printError("\(file): note: \(total - shown) more diagnostics not shown (\(detail))")
      }
    } catch let diagnostic as Diagnostic {
      out.flush()
      printError(diagnostic.description)
      throw ExitCode(65)
    }
  }
}

/// Buffered standard output.
final class OutputBuffer {
  var bytes: [UInt8] = []

  init() { bytes.reserveCapacity(1 << 17) }

  func flush() {
    guard !bytes.isEmpty else { return }
    bytes.withUnsafeBytes { b in
      var offset = 0
      while offset < b.count {
        let n = write(1, b.baseAddress! + offset, b.count - offset)
        if n <= 0 { break }
        offset += n
      }
    }
    bytes.removeAll(keepingCapacity: true)
  }
}

/// Writes one line to standard error.
func printError(_ line: String) {
  var text = line
  text.append("\n")
  text.withUTF8 { b in
    var offset = 0
    while offset < b.count, let base = b.baseAddress {
      let n = write(2, base + offset, b.count - offset)
      if n <= 0 { break }
      offset += n
    }
  }
}
