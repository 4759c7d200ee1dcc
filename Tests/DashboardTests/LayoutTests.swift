import Testing

@testable import Dashboard

@Suite struct LayoutTests {
  @Test func linksEncodeTheirParts() {
    #expect(Links.encode("Ariënshof & co/1") == "Ari%C3%ABnshof%20%26%20co%2F1")
    #expect(
      Links.build("/data", [("source", "politie"), ("status", ""), ("all", "1")])
        == "/data?source=politie&all=1")
    #expect(
      Links.withQuery("/data?lang=nl&source=x", setting: "lang", to: "en")
        == "/data?source=x&lang=en")
    #expect(Links.withQuery("/", setting: "lang", to: "en") == "/?lang=en")
  }

  @Test func onlyLocalPathsToReturnTo() {
    #expect(Links.safeLocalPath("/areas/BU1?x=1") == "/areas/BU1?x=1")
    for bad in ["https://evil.example", "//evil.example", "/\\evil.example", "evil", "", nil] {
      #expect(Links.safeLocalPath(bad) == "/")
    }
  }
}
