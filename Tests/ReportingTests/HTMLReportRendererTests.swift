import SafetyCore
import Testing

@testable import Reporting

@Suite struct HTMLReportRendererTests {
  @Test func isOneSelfContainedDocumentWithoutScriptsOrOutsideResources() {
    let html = HTMLReportRenderer(ReportFixture.report()).render()
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
    #expect(
      html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("<link"))
    #expect(!html.contains(" src="))
    #expect(!html.contains("url("))
    // The only URL is the SVG namespace.
    let urls = html.components(separatedBy: "http").dropFirst()
      .filter { !$0.hasPrefix("://www.w3.org/2000/svg\"") && !$0.hasPrefix("-equiv") }
    #expect(urls.isEmpty, "\(urls.map { $0.prefix(40) })")
    #expect(html.components(separatedBy: "<style>").count == 2)
    #expect(html.contains("<svg"))
  }

  @Test func hasEverySectionInDutch() {
    let html = HTMLReportRenderer(ReportFixture.report()).render()
    for id in ["summary", "flags", "themes", "wijken", "map", "buurten", "methods"] {
      #expect(html.contains("<section id=\"\(id)\""), "section \(id)")
    }
    for text in [
      "<h2>Samenvatting</h2>", "<h2>Signalen</h2>", "<h2>Thema&#39;s</h2>", "<h2>Wijken</h2>",
      "<h2>Kaart</h2>", "<h2>Buurten</h2>", "<h2>Methoden en gegevens</h2>",
      "<title>Veiligheidsmonitor Teststad — 3e kwartaal 2024</title>",
      "Let op: dit rapport is gemaakt met synthetische demonstratiegegevens.",
      "gemaakt op 7 oktober 2024", "onvolledig: gegevens over 1 januari 2019 – 15 september 2024",
    ] {
      #expect(html.contains(text), "\(text)")
    }
  }

  @Test func speaksEnglishWhenAsked() {
    let html = HTMLReportRenderer(ReportFixture.report(language: .en)).render()
    #expect(html.contains("<html lang=\"en\">"))
    for text in ["<h2>Summary</h2>", "<h2>Districts</h2>", "<h2>Neighbourhoods</h2>", "page"] {
      #expect(html.contains(text), "\(text)")
    }
    for dutch in ["Samenvatting", "Wijken", "signalen", "verandering", "gemaakt op", "pagina"] {
      #expect(!html.contains(dutch), "\(dutch) in the English report")
    }
  }

  @Test func escapesEverythingThatCameFromInput() {
    let html = HTMLReportRenderer(ReportFixture.report(hostile: true)).render()
    #expect(!html.contains("<script"))
    #expect(html.contains("&lt;script&gt;alert(&#39;Markt&#39;)&lt;/script&gt;"))
    #expect(html.contains("&lt;script&gt;alert(&#39;Wijkagent ingelicht&#39;)"))  // a note
    #expect(html.contains("&lt;script&gt;alert(&#39;1.1.1&#39;)"))  // a category
    // The title also goes into the print style sheet's page footer: escaped for CSS.
    #expect(html.components(separatedBy: "</style>").count == 2)
    #expect(html.contains("\\3c script\\3e alert('Teststad')"))
  }

  @Test func showsTheFlagsOfThePeriodWithTheirExplanationsAndNotes() {
    let html = HTMLReportRenderer(ReportFixture.report()).render()
    #expect(html.contains("<h3>nieuwe signalen <span class=\"muted\">(1)</span></h3>"))
    #expect(html.contains("<h3>verergerde signalen <span class=\"muted\">(1)</span></h3>"))
    #expect(html.contains("<h3>Nog open <span class=\"muted\">(1)</span></h3>"))
    #expect(html.contains("wk 38 2024: waargenomen 9, verwacht 1,3, bovengrens 4,8"))
    #expect(
      html.contains(
        "<strong>bevestigd</strong> door A. Analist, 2024-09-20T09:12:00Z: Wijkagent ingelicht"))
    #expect(html.contains("Seizoenseffect (B. Beleid)"))
    #expect(html.contains("Open signalen aan het eind van de periode"))
  }

  @Test func theAnnualEvaluationSaysWhatBecameOfTheFlags() {
    let html = HTMLReportRenderer(ReportFixture.report(kind: .annualEvaluation)).render()
    #expect(html.contains("<h1>Jaarevaluatie veiligheid Teststad</h1>"))
    #expect(html.contains("Signalen in 2024 en wat ermee gebeurde"))
    #expect(html.contains("Signalen van eerder die in dit jaar nog open stonden"))
    #expect(html.contains("<th class=\"num\" scope=\"col\">2023</th>"))
  }

  @Test func marksOnlySignificantChangesWithArrows() {
    let html = HTMLReportRenderer(ReportFixture.report()).render()
    // Burglary 41 → 48 is significant in the fixture, the theme total is not.
    #expect(html.contains("<span class=\"up\">▲ +17 %</span>"))
    #expect(html.contains("<span class=\"muted\">+19 %</span>"))
  }
}
