import Testing

@testable import SafetyCore

@Suite struct PostcodeTests {
  @Test func readsPC6AndPC4AsPartnersWriteThem() {
    #expect(Postcode.key("1234 AB") == "1234AB")
    #expect(Postcode.key(" 1234ab\t") == "1234AB")
    #expect(Postcode.key("1234\u{A0}AB") == "1234AB")
    #expect(Postcode.key("1234") == "1234")
    #expect(Postcode.key("0123AB") == nil)
    #expect(Postcode.key("12345") == nil)
    #expect(Postcode.key("1234 A1") == nil)
    #expect(Postcode.key("1234 ÄB") == nil)
  }
}
