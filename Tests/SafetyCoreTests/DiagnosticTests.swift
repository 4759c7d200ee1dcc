import Testing

@testable import SafetyCore

@Suite struct DiagnosticTests {
  @Test func rendersCompilerStyle() {
    let d = Diagnostic.error(
      .unterminatedQuote, "quoted field is not closed before the end of the file",
      at: SourcePosition(file: "politie.csv", line: 12, column: 7, record: 10))
    #expect(
      d.description
        == "politie.csv:12:7: error: quoted field is not closed before the end of the file [unterminated-quote]"
    )
  }

  @Test func ordersSeverities() {
    #expect(Severity.note < .warning && Severity.warning < .error)
  }
}
