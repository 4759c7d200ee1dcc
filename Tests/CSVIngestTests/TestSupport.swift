import CSVIngest
import SafetyCore
import Testing

/// Reads `text` (or bytes) in memory and returns every record's strings plus diagnostics.
struct ReadResult {
  var rows: [[String]] = []
  var lines: [Int] = []
  var diagnostics: [Diagnostic] = []
  var summary: CSVReadSummary? = nil
  var error: Diagnostic? = nil
}

func read(
  _ bytes: [UInt8], name: String = "t.csv", dialect: CSVDialect = .init(),
  limits: CSVLimits = .init(), chunkSize: Int = 1 << 20
) -> ReadResult {
  var result = ReadResult()
  let reader = CSVReader(
    bytes: bytes, name: name,
    options: CSVReadOptions(dialect: dialect, limits: limits, chunkSize: chunkSize))
  do {
    result.summary = try reader.forEachRecord(onDiagnostic: { result.diagnostics.append($0) }) {
      record in
      result.rows.append(record.strings())
      result.lines.append(record.line)
    }
  } catch let d as Diagnostic {
    result.error = d
  } catch {
    Issue.record("unexpected error \(error)")
  }
  return result
}

func read(
  _ text: String, name: String = "t.csv", dialect: CSVDialect = .init(),
  limits: CSVLimits = .init(), chunkSize: Int = 1 << 20
) -> ReadResult {
  read(Array(text.utf8), name: name, dialect: dialect, limits: limits, chunkSize: chunkSize)
}

let comma = CSVDialect(delimiter: UInt8(ascii: ","))

/// The folder of this test target's fixtures.
func fixturesPath(_ file: String = #filePath) -> String {
  var parts = file.split(separator: "/", omittingEmptySubsequences: false)
  parts.removeLast()
  return parts.joined(separator: "/") + "/Fixtures"
}
