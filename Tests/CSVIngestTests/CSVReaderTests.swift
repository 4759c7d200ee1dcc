import CSVIngest
import SafetyCore
import Testing

@Suite struct CSVReaderTests {
  @Test func readsSemicolonFileWithHeader() {
    let r = read("naam;buurt\nAmy;BU03630000\nBob;BU03630001\n")
    #expect(r.rows == [["naam", "buurt"], ["Amy", "BU03630000"], ["Bob", "BU03630001"]])
    #expect(r.lines == [1, 2, 3])
    #expect(r.diagnostics.isEmpty)
    #expect(r.summary?.records == 3)
    #expect(r.summary?.lines == 3)
  }

  @Test(arguments: ["\n", "\r\n", "\r"])
  func lineEndingsGiveTheSameRecords(_ eol: String) {
    let text = ["a;b", "1;\"x\(eol)y\"", "2;3", ""].joined(separator: eol)
    let r = read(text)
    #expect(r.rows == [["a", "b"], ["1", "x\(eol)y"], ["2", "3"]])
    #expect(r.lines == [1, 2, 4])
    #expect(r.diagnostics.isEmpty)
  }

  @Test func quotedFieldsHoldDelimitersQuotesAndNewlines() {
    let r = read("a;b\n\"x;y\";\"he said \"\"hi\"\"\nthen left\"\n")
    #expect(r.rows == [["a", "b"], ["x;y", "he said \"hi\"\nthen left"]])
  }

  @Test func keepsSpacesOfUnquotedFields() {
    let r = read("a;b\n 1 ;\t2\t\n")
    #expect(r.rows[1] == [" 1 ", "\t2\t"])
  }

  @Test(arguments: [",", "\t", "|", ";"])
  func delimiters(_ d: String) {
    let text = "a\(d)b\(d)c\n1\(d)\(d)3\n\"\(d)\"\(d)x\(d)\n"
    let r = read(text, dialect: CSVDialect(delimiter: UInt8(ascii: Unicode.Scalar(d)!)))
    #expect(r.rows == [["a", "b", "c"], ["1", "", "3"], [d, "x", ""]])
    #expect(r.diagnostics.isEmpty)
  }

  @Test func otherQuoteCharacter() {
    let r = read("a;b\n'x;''y''';z\n", dialect: CSVDialect(quote: UInt8(ascii: "'")))
    #expect(r.rows[1] == ["x;'y'", "z"])
  }

  @Test func utf8BOMIsStripped() {
    let r = read([0xEF, 0xBB, 0xBF] + Array("id;naam\n1;x\n".utf8))
    #expect(r.rows[0] == ["id", "naam"])
    #expect(r.summary?.hadBOM == true)
    #expect(r.summary?.encoding == .utf8)
  }

  @Test func noHeaderChecksWidthAgainstTheFirstRecord() {
    let r = read("1;2\n3;4;5\n", dialect: CSVDialect(hasHeader: false))
    #expect(r.rows == [["1", "2"], ["3", "4", "5"]])
    #expect(r.diagnostics.map(\.code) == [.extraCell])
  }

  @Test func trailingBlankLinesAreSilent() {
    let r = read("a;b\n1;2\n\n\r\n\n")
    #expect(r.rows == [["a", "b"], ["1", "2"]])
    #expect(r.diagnostics.isEmpty)
  }

  @Test func blankLineBetweenRecordsIsSkippedAndReported() {
    let r = read("a;b\n1;2\n\n3;4\n")
    #expect(r.rows == [["a", "b"], ["1", "2"], ["3", "4"]])
    #expect(r.lines == [1, 2, 4])
    #expect(r.diagnostics.map(\.code) == [.blankRow])
    #expect(r.diagnostics.first?.position?.line == 3)
    #expect(r.diagnostics.first?.severity == .warning)
  }

  @Test func recordOfEmptyFieldsIsDeliveredWithBlankRow() {
    let r = read("a;b\n;\n1;2\n")
    #expect(r.rows == [["a", "b"], ["", ""], ["1", "2"]])
    #expect(r.diagnostics.map(\.code) == [.blankRow])
  }

  @Test func lastRecordWithoutLineBreak() {
    let r = read("a;b\n1;2")
    #expect(r.rows == [["a", "b"], ["1", "2"]])
    #expect(r.summary?.lines == 2)
  }

  @Test func fieldPositionsCountCharactersAcrossQuotedNewlines() throws {
    let reader = CSVReader(bytes: Array("a;b;c\nCafé;\"x\ny\";é\n".utf8), name: "p.csv")
    var positions: [SourcePosition] = []
    try reader.forEachRecord { record in
      if !record.isHeader {
        positions = (0...3).map { record.position(ofField: $0) }
      }
    }
    #expect(positions.map(\.line) == [2, 2, 3, 3])
    #expect(positions.map(\.column) == [1, 6, 4, 5])
    #expect(positions.allSatisfy { $0.file == "p.csv" && $0.record == 2 })
  }

  @Test func diagnosticsAreCappedButCounted() {
    let text = "a;b\n" + String(repeating: "1\n", count: 10)
    let r = read(text, limits: CSVLimits(maxDiagnostics: 3))
    #expect(r.diagnostics.count == 3)
    #expect(r.summary?.diagnosticCounts[.missingCell] == 10)
    #expect(r.rows.count == 11)
  }

  @Test func errorsFromTheBodyPropagate() {
    struct Stop: Error {}
    let reader = CSVReader(bytes: Array("a\n1\n2\n".utf8), name: "t.csv")
    var seen = 0
    #expect(throws: Stop.self) {
      try reader.forEachRecord { _ in
        seen += 1
        if seen == 2 { throw Stop() }
      }
    }
    #expect(seen == 2)
  }

  /// Chunk boundaries anywhere (inside quotes, between CR and LF, inside a UTF-8
  /// character) change nothing.
  @Test func everyChunkSizeGivesTheSameResult() {
    var text = "id;omschrijving;buurt\r\n"
    for i in 0..<40 {
      text += "\(i);\"Café \"\"de\"\" Mariënwaard;\r\nregel \(i)\";BU0363\(i % 7)\r\n"
      if i % 9 == 0 { text += "\r\n" }
      if i % 11 == 0 { text += "\(i);kort\r\n" }
    }
    let reference = read(text, chunkSize: 1 << 20)
    #expect(reference.error == nil)
    #expect(reference.rows.count == 1 + 40 + 4)
    for size in [16, 17, 19, 23, 31, 64, 100, 257] {
      let r = read(text, chunkSize: size)
      #expect(r.rows == reference.rows, "chunk size \(size)")
      #expect(r.lines == reference.lines, "chunk size \(size)")
      #expect(r.diagnostics == reference.diagnostics, "chunk size \(size)")
    }
  }

  /// Fields far beyond the record buffer's first 4 KiB (libcsv grows it in place).
  @Test func longFieldsAndWideRecords() {
    let long = String(repeating: "abcdefghij", count: 7000)  // 70,000 bytes
    let quoted = String(repeating: "x\"\"y\n", count: 2000)  // 10,000 bytes when read
    let many = (0..<300).map { "veld\($0)" }.joined(separator: ";")
    let text = "a;b;c\n\(long);\"\(quoted)\";z\n\(many)\n1;2;3\n"
    for size in [64, 4096, 1 << 20] {
      let r = read(text, chunkSize: size)
      #expect(r.error == nil, "chunk size \(size)")
      #expect(r.rows.count == 4)
      #expect(r.rows[1] == [long, String(repeating: "x\"y\n", count: 2000), "z"])
      #expect(r.rows[2].count == 300 && r.rows[2][299] == "veld299")
      #expect(r.rows[3] == ["1", "2", "3"])
    }
  }

  @Test func readsAFileFromDisk() throws {
    let path = fixturesPath() + "/csv-spectrum/csvs/simple.csv"
    let reader = try CSVReader(
      path: path, options: CSVReadOptions(dialect: CSVDialect(delimiter: UInt8(ascii: ","))))
    var rows: [[String]] = []
    let summary = try reader.forEachRecord { rows.append($0.strings()) }
    #expect(rows == [["a", "b", "c"], ["1", "2", "3"]])
    #expect(summary.bytes == 12)
  }

  @Test func missingFileIsAnIOError() {
    #expect {
      _ = try CSVReader(path: "/nonexistent/x.csv")
    } throws: { error in
      (error as? Diagnostic)?.code == .ioError
    }
  }
}
