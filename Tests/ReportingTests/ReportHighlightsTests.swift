import SafetyCore
import Testing

@testable import Reporting

@Suite struct ReportHighlightsTests {
  @Test func onlySignificantChangesAreHighlighted() {
    let report = ReportFixture.report()
    let h = ReportHighlights(report)
    // Burglary 41 → 48 is marked significant in the fixture; violence 2 → 3 is not shown.
    #expect(h.rises.map(\.indicator) == ["inbraak"])
    #expect(h.falls.isEmpty)
    #expect(h.mainComparison?.role == .sameLastYear)
    #expect(h.incomplete == ["geweld"])
    #expect(h.highAreas.map(\.area) == ["WK999901"])
    #expect(h.alarms.map(\.indicator) == ["inbraak"])
    let sentences = h.sentences(ReportText(report))
    #expect(
      sentences[0]
        == "1 nieuwe en 1 verergerde signalen; aan het eind van de periode staan 3 signalen open.")
    #expect(
      sentences.contains(
        "Sterkste stijgingen t.o.v. 3e kwartaal 2023: Woninginbraak +17 % (41 → 48)."))
  }

  @Test func saysSoWhenNothingChangedBeyondChance() {
    var report = ReportFixture.report(language: .en)
    report.flags = nil
    var themes = report.themes
    for t in themes.indices {
      for i in themes[t].indicators.indices {
        guard var figures = themes[t].indicators[i].figures else { continue }
        for c in figures.compared.indices { figures.compared[c].significant = false }
        themes[t].indicators[i].figures = figures
      }
    }
    report.themes = themes
    let sentences = ReportHighlights(report).sentences(ReportText(report))
    #expect(
      sentences.first == "No indicator changed against Q3 2023 by more than chance can explain.")
  }
}
