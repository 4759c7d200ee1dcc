import SafetyCore
import Testing

@testable import Reporting

@Suite struct ReportTextTests {
  @Test func labelsFillTheirPlaceholders() {
    #expect(DisplayLanguage.nl.format(.periodQuarterLong, 3, 2024) == "3e kwartaal 2024")
    #expect(DisplayLanguage.en.format(.noFlagsInPeriod, "Q3 2024") == "No flags in Q3 2024.")
    #expect("a{0}b{0}".replacingAll(placeholder: "{0}", with: "x") == "axbx")
  }

  @Test func numbersAfterDisclosureControl() {
    let text = ReportText(ReportFixture.report())
    #expect(text.count(.belowMinimum(5)) == "<5")
    #expect(text.count(.exact(12_345)) == "12.345")
    #expect(text.change(.value(0.123)) == "+12 %")
    #expect(text.change(.suppressedCount) == "–")
    #expect(text.index(.value(164.2)) == "164")
    #expect(text.pValue(0.0004) == "< 0,001")
    #expect(text.list(["a", "b", "c"]) == "a, b en c")
    let en = ReportText(ReportFixture.report(language: .en))
    #expect(en.list(["a", "b"]) == "a and b")
    #expect(en.change(.value(-0.05)) == "−5%")
  }

  @Test func titlesAndExplanations() {
    let report = ReportFixture.report()
    let text = ReportText(report)
    #expect(text.fullTitle == "Veiligheidsmonitor Teststad — 3e kwartaal 2024")
    #expect(text.comparedWith == "2e kwartaal 2024 en 3e kwartaal 2023")
    let flag = report.flags!.flags[0]
    #expect(
      text.explanation(flag)
        == "Woninginbraak; partners: Politie; wk 38 2024: waargenomen 9, verwacht 1,3, bovengrens 4,8; p-waarde < 0,001"
    )
    #expect(
      text.explanation(report.flags!.flags[1]).contains("waargenomen <5, verwacht 1,5"))
    let annual = ReportText(ReportFixture.report(kind: .annualEvaluation))
    #expect(annual.fullTitle == "Jaarevaluatie veiligheid Teststad — 2024")
  }
}
