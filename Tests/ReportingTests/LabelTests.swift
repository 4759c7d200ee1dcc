import Testing

@testable import Reporting

@Suite struct LabelTests {
  @Test func everyLabelHasTextInBothLanguages() {
    for label in Label.allCases {
      #expect(!label.text(.nl).isEmpty, "\(label) has no Dutch text")
      #expect(!label.text(.en).isEmpty, "\(label) has no English text")
    }
  }

  @Test func dutchIsTheDefaultLanguageOfTheTable() {
    #expect(DisplayLanguage.nl[.observed] == "waargenomen")
    #expect(DisplayLanguage.en[.observed] == "observed")
  }
}
