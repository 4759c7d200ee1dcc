import Testing

@testable import Reporting

@Suite struct NumberFormattingTests {
  @Test func formatsDutchAndEnglish() {
    let nl = NumberFormatting(.nl)
    let en = NumberFormatting(.en)
    #expect(nl.integer(1_234_567) == "1.234.567")
    #expect(en.integer(1_234_567) == "1,234,567")
    #expect(nl.integer(-1234) == "-1.234")
    #expect(nl.integer(999) == "999")
    #expect(nl.decimal(1234.55, places: 1) == "1.234,6")
    #expect(en.decimal(0.05, places: 1) == "0.1")
    #expect(nl.decimal(-0.04, places: 1) == "0,0")
    #expect(nl.decimal(2, places: 2) == "2,00")
    #expect(nl.decimal(.nan) == "–")
  }

  @Test func formatsChanges() {
    #expect(NumberFormatting(.nl).percentChange(0.123) == "+12 %")
    #expect(NumberFormatting(.en).percentChange(-0.031) == "−3%")
    #expect(NumberFormatting(.nl).percentChange(0) == "0 %")
  }
}
