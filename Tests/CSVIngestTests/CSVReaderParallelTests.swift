import CSVIngest
import SafetyCore
import Testing

@Suite struct CSVReaderParallelTests {
  struct Row: Equatable, Sendable {
    var number: Int
    var line: Int
    var fields: [String]
  }

  /// A file with quoted line breaks everywhere (so that split points fall inside quotes),
  /// CRLF line ends, `;` and `""` in quotes, and some non-ASCII text.
  static func export(rows: Int, eol: String = "\r\n") -> [UInt8] {
    var text = "id;datum;omschrijving;buurt\(eol)"
    for i in 0..<rows {
      let note =
        i % 3 == 0
        ? "\"regel een\(eol)regel \"\"twee\"\"; Café\(eol)\(eol)drie\"" : "\"kort; \(i)\""
      text += "\(i);01-0\(1 + i % 9)-2024;\(note);BU0363\(1000 + i % 97)\(eol)"
    }
    return Array(text.utf8)
  }

  static func sequential(_ bytes: [UInt8], _ options: CSVReadOptions) throws -> (
    [Row], [Diagnostic]
  ) {
    var rows: [Row] = []
    var diagnostics: [Diagnostic] = []
    try CSVReader(bytes: bytes, name: "p.csv", options: options).forEachRecord(
      onDiagnostic: { diagnostics.append($0) }
    ) { r in
      rows.append(Row(number: r.number, line: r.line, fields: r.strings()))
    }
    return (rows, diagnostics)
  }

  static func parallel(_ bytes: [UInt8], _ options: CSVReadOptions, chunks: Int = 2) throws -> (
    [Row], [Diagnostic], CSVParallelResult<[Row]>
  ) {
    var diagnostics: [Diagnostic] = []
    let result = try CSVReader(bytes: bytes, name: "p.csv", options: options)
      .forEachRecordInParallel(
        chunks: chunks, onDiagnostic: { diagnostics.append($0) }, makePartial: { _ in [Row]() }
      ) { rows, r in
        rows.append(Row(number: r.number, line: r.line, fields: r.strings()))
      }
    var rows: [Row] = []
    for (summary, partial) in zip(result.chunks, result.partials) {
      rows += partial.map { row in
        var row = row
        row.number += summary.firstRecordNumber - 1
        return row
      }
    }
    return (rows, diagnostics, result)
  }

  @Test(arguments: [2, 3, 4])
  func sameRecordsLinesAndNumbersAsSequential(_ chunks: Int) throws {
    let bytes = Self.export(rows: 6000)
    let options = CSVReadOptions(chunkSize: 4096)
    let (expected, _) = try Self.sequential(bytes, options)
    let (rows, diagnostics, result) = try Self.parallel(bytes, options, chunks: chunks)
    #expect(result.ranInParallel)
    #expect(result.chunks.count == chunks)
    #expect(rows == expected)
    #expect(diagnostics.isEmpty)
    #expect(result.summary.records == expected.count)
    #expect(result.summary.encoding == .utf8)
  }

  @Test func lfFileAndDiagnosticsInFileOrderWithAbsolutePositions() throws {
    var bytes = Self.export(rows: 5000, eol: "\n")
    bytes += Array("1;2\n\n5000;x;y;z;extra\n".utf8)  // missing cell, blank line, extra cell
    let options = CSVReadOptions(chunkSize: 4096)
    let (expected, expectedDiagnostics) = try Self.sequential(bytes, options)
    let (rows, diagnostics, result) = try Self.parallel(bytes, options)
    #expect(result.ranInParallel)
    #expect(rows == expected)
    #expect(diagnostics == expectedDiagnostics)
    #expect(diagnostics.map(\.code) == [.missingCell, .blankRow, .extraCell])
  }

  @Test func errorInALaterChunkIsThrownWithItsAbsolutePosition() throws {
    var bytes = Self.export(rows: 5000)
    bytes += Array("9;\"open\r\n".utf8)
    let options = CSVReadOptions(chunkSize: 4096)
    var sequentialError: Diagnostic? = nil
    do { _ = try Self.sequential(bytes, options) } catch let d as Diagnostic { sequentialError = d }
    var parallelError: Diagnostic? = nil
    do { _ = try Self.parallel(bytes, options) } catch let d as Diagnostic { parallelError = d }
    #expect(sequentialError?.code == .unterminatedQuote)
    #expect(parallelError == sequentialError)
  }

  @Test func strayQuotesFallBackToOneCoreWithTheSameResult() throws {
    // Quotes inside unquoted fields make the quote parity lie about the split.
    var text = "a;b\n"
    for i in 0..<8000 { text += i % 2 == 0 ? "\(i);x\"y\n" : "\(i);\"p\nq\"\n" }
    let bytes = Array(text.utf8)
    let options = CSVReadOptions(limits: CSVLimits(maxDiagnostics: 10_000), chunkSize: 4096)
    let (expected, expectedDiagnostics) = try Self.sequential(bytes, options)
    let (rows, diagnostics, _) = try Self.parallel(bytes, options)
    #expect(rows == expected)
    #expect(diagnostics == expectedDiagnostics)
  }

  @Test func smallFilesAreReadOnOneCore() throws {
    let bytes = Array("a;b\n1;2\n".utf8)
    let (rows, _, result) = try Self.parallel(bytes, CSVReadOptions())
    #expect(!result.ranInParallel)
    #expect(rows.map(\.fields) == [["a", "b"], ["1", "2"]])
  }

  @Test func invalidUTF8IsReportedInOrderByTheSequentialRead() throws {
    var bytes = Self.export(rows: 5000)
    bytes += [0xC3, 0x28, 0x0A]
    let options = CSVReadOptions(dialect: CSVDialect(encoding: .utf8), chunkSize: 4096)
    #expect(throws: Diagnostic.self) { _ = try Self.parallel(bytes, options) }
  }
}
