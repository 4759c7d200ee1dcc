import CSVIngest
import Foundation
import SafetyCore
import Testing

/// csv-spectrum (Tests/CSVIngestTests/Fixtures/csv-spectrum, copied verbatim from the
/// project's shared conformance set): every CSV read as a headed comma file must give
/// exactly the records of its JSON twin.
///
/// Two cases of this copy are internally inconsistent (the CSV cannot produce its JSON
/// under any reading), so they are checked against the documented correction, see
/// `docs/INGEST.md` "Conformance":
/// - `newlines_crlf.csv` (like `empty_crlf.csv` and `simple_crlf.csv`) holds no CR byte at
///   all (its line breaks were normalised to LF), but its JSON expects `"\r\n"` inside the
///   quoted field. All three `_crlf` cases are also read with their LFs restored to CRLF.
/// - `location_coordinates.json` is one object, not an array, and gives the phone number
///   `1234567890` where the CSV says `2095257564` (fixed upstream later).
@Suite struct ConformanceTests {
  static let root = fixturesPath() + "/csv-spectrum"

  static var cases: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/csvs")) ?? []
    return names.filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }.sorted()
  }

  static let inconsistent: Set<String> = ["newlines_crlf", "location_coordinates"]

  static func csvBytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: root + "/csvs/\(name).csv")))
  }

  /// The records as header-keyed objects, the shape csv-spectrum's JSON uses.
  static func objects(_ bytes: [UInt8], _ name: String) throws -> (
    [[String: String]], [Diagnostic]
  ) {
    let reader = CSVReader(
      bytes: bytes, name: name,
      options: CSVReadOptions(dialect: CSVDialect(delimiter: UInt8(ascii: ","))))
    var header: [String] = []
    var rows: [[String: String]] = []
    var diagnostics: [Diagnostic] = []
    try reader.forEachRecord(onDiagnostic: { diagnostics.append($0) }) { record in
      let values = record.strings()
      if record.isHeader {
        header = values
      } else {
        var object: [String: String] = [:]
        for (i, key) in header.enumerated() where i < values.count { object[key] = values[i] }
        rows.append(object)
      }
    }
    return (rows, diagnostics)
  }

  static func expected(_ name: String) throws -> [[String: String]] {
    let data = try Data(contentsOf: URL(fileURLWithPath: root + "/json/\(name).json"))
    let json = try JSONSerialization.jsonObject(with: data)
    if let array = json as? [[String: String]] { return array }
    if let object = json as? [String: String] { return [object] }
    Issue.record("\(name).json is neither an array of objects nor an object")
    return []
  }

  @Test func hasTwelveCases() {
    #expect(Self.cases.count == 12)
  }

  @Test(arguments: ConformanceTests.cases.filter { !ConformanceTests.inconsistent.contains($0) })
  func matchesJSONExactly(_ name: String) throws {
    let (rows, _) = try Self.objects(Self.csvBytes(name), name)
    #expect(rows == (try Self.expected(name)), "case \(name)")
  }

  /// The `_crlf` cases with CRLF line breaks, as their names (and JSON) say.
  @Test(arguments: ["empty_crlf", "newlines_crlf", "simple_crlf"])
  func crlfCasesWithCRLFRestored(_ name: String) throws {
    var bytes: [UInt8] = []
    for b in try Self.csvBytes(name) {
      if b == 0x0A { bytes.append(0x0D) }
      bytes.append(b)
    }
    let (rows, _) = try Self.objects(bytes, name)
    #expect(rows == (try Self.expected(name)), "case \(name)")
  }

  @Test func newlinesCRLFAsShippedHasNoCR() throws {
    let bytes = try Self.csvBytes("newlines_crlf")
    #expect(!bytes.contains(0x0D))
    let (rows, _) = try Self.objects(bytes, "newlines_crlf")
    var expected = try Self.expected("newlines_crlf")
    expected[1]["a"] = "Once upon \na time"
    #expect(rows == expected)
  }

  @Test func locationCoordinatesAllButTheMistypedPhoneNumber() throws {
    let (rows, diagnostics) = try Self.objects(
      Self.csvBytes("location_coordinates"), "location_coordinates")
    var expected = try Self.expected("location_coordinates")
    #expect(expected[0]["Contact Phone Number"] == "1234567890")
    expected[0]["Contact Phone Number"] = "2095257564"
    #expect(rows == expected)
    // The unescaped `"` (seconds sign) in unquoted fields: kept as text, reported.
    #expect(diagnostics.map(\.code) == [.invalidQuote, .invalidQuote])
    #expect(diagnostics.map { $0.position?.column } == [22, 35])
    #expect(diagnostics.allSatisfy { $0.severity == .warning && $0.position?.line == 2 })
  }
}
