import Testing

@testable import Reporting

@Suite struct ReportStyleTests {
  @Test func cssStringsCannotCloseTheStyleElementOrTheString() {
    let s = ReportStyle.cssString("a\"b\\c</style><script>\nx")
    #expect(s == "\"a\\\"b\\\\c\\3c /style\\3e \\3c script\\3e \\a x\"")
    #expect(!s.contains("<"))
  }

  @Test func theStyleSheetPrintsOnA4WithPageNumbers() {
    let css = ReportStyle.css(footer: "Titel", pageLabel: "pagina", ofLabel: "van")
    #expect(css.contains("@page{size:A4"))
    #expect(css.contains("counter(page)"))
    #expect(css.contains("@media print"))
    #expect(css.contains("\"Titel\""))
  }
}
