import Testing

@testable import Dashboard

@Suite struct FormDataTests {
  @Test func decodesFormsAndKeepsTheFirstValue() {
    let form = FormData("note=Hallo+wereld%21+%3Cb%3E&csrf=abc&csrf=evil&empty=&flag")
    #expect(form["note"] == "Hallo wereld! <b>")
    #expect(form["csrf"] == "abc")
    #expect(form["empty"] == "")
    #expect(form["flag"] == "")
    #expect(form["missing"] == nil)
    #expect(FormData("x=%E2%82%AC%zz")["x"] == "€%zz")
    #expect(FormData("naam=Ari%C3%ABnshof")["naam"] == "Ariënshof")
  }
}
