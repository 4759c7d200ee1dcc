import Testing

@testable import SafetyCore

@Suite struct AreaCodeTests {
  @Test func parsesEachLevelAndItsParents() throws {
    let bu = try #require(AreaCode(" bu03630105 "))
    #expect(bu.rawValue == "BU03630105")
    #expect(bu.level == .buurt)
    #expect(bu.wijk?.rawValue == "WK036301")
    #expect(bu.gemeente.rawValue == "GM0363")
    #expect(AreaCode("WK036301")?.level == .wijk)
    #expect(AreaCode("GM0363")?.level == .gemeente)
  }

  @Test(arguments: ["BU0363010", "BU036301055", "XX03630105", "WK03630A", "GM363", "", "BU"])
  func rejectsMalformedCodes(text: String) {
    #expect(AreaCode(text) == nil)
  }
}
