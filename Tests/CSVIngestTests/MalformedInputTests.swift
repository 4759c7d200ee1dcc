import CSVIngest
import SafetyCore
import Testing

/// Broken and hostile inputs: each gives its diagnostic code at its exact position.
@Suite struct MalformedInputTests {
  struct Case: CustomStringConvertible, Sendable {
    var name: String
    var bytes: [UInt8]
    var code: DiagnosticCode
    var line: Int
    var column: Int
    var fatal: Bool = true
    var limits: CSVLimits = .init()
    var encoding: TextEncoding = .auto
    var description: String { name }
  }

  static func b(_ s: String) -> [UInt8] { Array(s.utf8) }

  static let cases: [Case] = [
    Case(
      name: "unterminated quote at EOF", bytes: b("a;b\n1;\"abc\n2;3\n"),
      code: .unterminatedQuote, line: 2, column: 3),
    Case(
      name: "unterminated quote in the header", bytes: b("\"a;b\n"),
      code: .unterminatedQuote, line: 1, column: 1),
    Case(
      name: "invalid UTF-8 under utf-8", bytes: b("a;b\n1;caf") + [0xE9] + b("\n"),
      code: .encodingError, line: 2, column: 6, encoding: .utf8),
    Case(
      name: "invalid UTF-8 after valid UTF-8 under auto",
      bytes: b("a;b\n1;café\n2;caf") + [0xE9] + b("\n"),
      code: .encodingError, line: 3, column: 6),
    Case(
      name: "invalid UTF-8 inside a quoted multi-line field",
      bytes: b("a;b\n1;\"é\nxy") + [0xFF] + b("\"\n"),
      code: .encodingError, line: 3, column: 3, encoding: .utf8),
    Case(
      name: "overlong UTF-8", bytes: b("a\n") + [0xC0, 0x80] + b("\n"),
      code: .encodingError, line: 2, column: 1, encoding: .utf8),
    Case(
      name: "UTF-8 surrogate", bytes: b("a\nx") + [0xED, 0xA0, 0x80] + b("\n"),
      code: .encodingError, line: 2, column: 2, encoding: .utf8),
    Case(
      name: "truncated UTF-8 at EOF", bytes: b("a\nab") + [0xC3],
      code: .encodingError, line: 2, column: 3, encoding: .utf8),
    Case(
      name: "NUL byte", bytes: b("a;b\n1;x") + [0] + b("\n"),
      code: .binaryFile, line: 2, column: 4),
    Case(
      name: "NUL byte under windows-1252", bytes: b("a;b\n") + [0] + b("\n"),
      code: .binaryFile, line: 2, column: 1, encoding: .windows1252),
    Case(
      name: "xlsx (ZIP) file", bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 6, 0],
      code: .binaryFile, line: 1, column: 1),
    Case(
      name: "UTF-16 file", bytes: [0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00],
      code: .encodingError, line: 1, column: 1),
    Case(
      name: "field too large", bytes: b("a;b\n1;123456789\n"),
      code: .fieldTooLarge, line: 2, column: 3, limits: CSVLimits(maxFieldBytes: 8)),
    Case(
      name: "runaway quoted field", bytes: b("a;b\n1;\"") + Array(repeating: 0x78, count: 100),
      code: .fieldTooLarge, line: 2, column: 3, limits: CSVLimits(maxFieldBytes: 50)),
    Case(
      name: "record too wide", bytes: b("a;b;c;d\n"),
      code: .recordTooWide, line: 1, column: 7, limits: CSVLimits(maxFields: 3)),
    Case(
      name: "record too large", bytes: b("a;b\n1234;5678;9\n"),
      code: .recordTooLarge, line: 2, column: 6, limits: CSVLimits(maxRecordBytes: 6)),
    Case(name: "empty file", bytes: [], code: .emptyFile, line: 1, column: 1),
    Case(
      name: "only blank lines and a BOM", bytes: [0xEF, 0xBB, 0xBF] + b("\n\r\n\n"),
      code: .emptyFile, line: 1, column: 1),
    Case(
      name: "quote inside an unquoted field", bytes: b("a;b\n1;ab\"c\n"),
      code: .invalidQuote, line: 2, column: 5, fatal: false),
    Case(
      name: "text after a closing quote", bytes: b("a;b\n1;\"ab\"c\";d\n"),
      code: .invalidQuote, line: 2, column: 7, fatal: false),
    Case(
      name: "missing cell", bytes: b("a;b;c\n1;2\n"),
      code: .missingCell, line: 2, column: 4, fatal: false),
    Case(
      name: "extra cell", bytes: b("a;b\n1;2;3\n"),
      code: .extraCell, line: 2, column: 5, fatal: false),
    Case(
      name: "blank header label", bytes: b("a;;c\n1;2;3\n"),
      code: .blankHeader, line: 1, column: 3, fatal: false),
    Case(
      name: "duplicate header label", bytes: b("id;Naam; naam \n1;2;3\n"),
      code: .duplicateHeader, line: 1, column: 9, fatal: false),
    Case(
      name: "blank line in the middle", bytes: b("a\n1\n\n2\n"),
      code: .blankRow, line: 3, column: 1, fatal: false),
  ]

  @Test(arguments: MalformedInputTests.cases)
  func reportsCodeAndPosition(_ c: Case) {
    let r = read(
      c.bytes, name: "bad.csv", dialect: CSVDialect(encoding: c.encoding), limits: c.limits)
    let d: Diagnostic?
    if c.fatal {
      d = r.error
      #expect(d?.severity == .error, "\(c.name)")
    } else {
      #expect(r.error == nil, "\(c.name): \(String(describing: r.error))")
      d = r.diagnostics.first
      #expect(d?.severity == .warning, "\(c.name)")
    }
    #expect(d?.code == c.code, "\(c.name): \(String(describing: d))")
    #expect(d?.position?.file == "bad.csv", "\(c.name)")
    #expect(d?.position?.line == c.line, "\(c.name): \(String(describing: d))")
    #expect(d?.position?.column == c.column, "\(c.name): \(String(describing: d))")
  }

  @Test func recordsBeforeAFatalErrorAreDelivered() {
    let r = read("a;b\n1;2\n3;\"4\n")
    #expect(r.rows == [["a", "b"], ["1", "2"]])
    #expect(r.error?.code == .unterminatedQuote)
  }

  @Test func strayQuotesAreKeptAsText() {
    // After a stray quote in a quoted field the field goes on until a quote that is
    // followed by a delimiter or line break (libcsv's lenient reading).
    let r = read("a;b\n1;ab\"c\n2;\"he said \"hi\" to me\";z\n")
    #expect(r.rows == [["a", "b"], ["1", "ab\"c"], ["2", "he said \"hi\" to me", "z"]])
    #expect(r.diagnostics.map(\.code) == [.invalidQuote, .invalidQuote, .invalidQuote, .extraCell])
  }

  @Test func runawayQuoteMessageNamesTheOpeningQuote() {
    let r = read(
      "a;b\n1;\"" + String(repeating: "x\n", count: 40), limits: CSVLimits(maxFieldBytes: 50))
    #expect(r.error?.message.contains("opens it (line 2, column 3)") == true)
  }

  @Test func utf8BOMOverridesADeclaredWindows1252() {
    let r = read(
      [0xEF, 0xBB, 0xBF] + Array("a\nCafé\n".utf8), dialect: CSVDialect(encoding: .windows1252))
    #expect(r.rows == [["a"], ["Café"]])
    #expect(r.diagnostics.map(\.code) == [.encodingMismatch])
  }
}
