import Testing

@testable import Reporting

@Suite struct ExcelCSVWriterTests {
  @Test func writesDutchExcelCSV() {
    var w = ExcelCSVWriter(language: .nl)
    w.header(["gebied", "aantal", "per 1.000"])
    w.row([.text("Café; \"de\" Mariënwaard"), .count(.exact(1234)), .decimal(3.25, places: 1)])
    w.row([.text("Noord"), .count(.belowMinimum(5)), .value(.suppressedCount, places: 1)])
    #expect(Array(w.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(
      w.text
        == "\u{FEFF}gebied;aantal;per 1.000\r\n\"Café; \"\"de\"\" Mariënwaard\";1234;3,3\r\nNoord;<5;\r\n"
    )
  }

  @Test(arguments: ["=SUM(A1)", "+31 6", "-2+3", "@cmd", "\tx", "\rx"])
  func neutralisesFormulaCells(text: String) {
    var w = ExcelCSVWriter()
    w.row([.text(text)])
    let cell = String(w.text.dropFirst().dropLast(2))
    #expect(cell.hasPrefix("'") || cell.hasPrefix("\"'"))
  }

  @Test func writesEnglishDecimalsWithPoint() {
    var w = ExcelCSVWriter(language: .en)
    w.row([.decimal(1234.5, places: 2)])
    #expect(w.text == "\u{FEFF}1234.50\r\n")
  }
}
