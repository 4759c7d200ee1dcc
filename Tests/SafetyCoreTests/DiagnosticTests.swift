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

  @Test func everyCatalogueCodeIsExplainedInBothLanguages() {
    #expect(Set(DiagnosticCode.catalogue).count == DiagnosticCode.catalogue.count)
    for code in DiagnosticCode.catalogue {
      let nl = code.explanation(dutch: true) ?? ""
      let en = code.explanation(dutch: false) ?? ""
      #expect(!nl.isEmpty && !en.isEmpty && nl != en, "\(code)")
    }
    #expect(DiagnosticCode(rawValue: "no-such-code").explanation(dutch: true) == nil)
  }

  @Test func findsTheCodeARenderedDiagnosticEndsWith() {
    let d = Diagnostic.error(
      .invalidDate, "no such date", at: SourcePosition(file: "a.csv", line: 3, column: 7))
    #expect(DiagnosticCode.trailing(in: d.description) == .invalidDate)
    #expect(DiagnosticCode.trailing(in: "12 of 40 rows rejected (30,0 %), more than 5,0 %") == nil)
    #expect(DiagnosticCode.trailing(in: "text [not-a-code]") == nil)
    #expect(DiagnosticCode.trailing(in: "]") == nil)
  }
}
