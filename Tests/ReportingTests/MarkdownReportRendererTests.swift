import Testing

@testable import Reporting

@Suite struct MarkdownReportRendererTests {
  @Test func summarisesTheReportInTables() {
    let md = MarkdownReportRenderer(ReportFixture.report()).render()
    #expect(md.hasPrefix("# Veiligheidsmonitor Teststad — 3e kwartaal 2024\n"))
    #expect(md.contains("## Samenvatting"))
    #expect(md.contains("| Criminaliteit | 51 | 37 | +38 % | 43 | +19 % | 0,8 |"))
    #expect(md.contains("| Woninginbraak | 48 | 30 | ▲ +60 % | 41 | ▲ +17 % |"))
    #expect(
      md.contains(
        "| Geweld (onvolledig: gegevens over 1 januari 2019 – 15 september 2024) | &lt;5 |"))
    #expect(md.contains("### nieuwe signalen (1)"))
    // Every table row has as many cells as its header.
    var columns: Int?
    for line in md.split(separator: "\n") {
      guard line.hasPrefix("|") else {
        columns = nil
        continue
      }
      let cells = line.replacingOccurrences(of: "\\|", with: "").split(separator: "|").count
      if let columns { #expect(cells == columns, "\(line)") } else { columns = cells }
    }
  }

  @Test func aQuarantineReasonWithACodeIsExplainedInTheReportsLanguage() {
    var report = ReportFixture.report()
    report.methods.quarantined[0].reason =
      "politie_2023-06.csv:141:145: error: quoted field is not closed [unterminated-quote]"
    let md = MarkdownReportRenderer(report).render()
    #expect(
      md.contains("unterminated-quote\\] — een veld tussen aanhalingstekens wordt niet afgesloten"))
    let html = HTMLReportRenderer(report).render()
    #expect(
      html.contains(
        "<br><span class=\"note\">een veld tussen aanhalingstekens wordt niet afgesloten"))
  }

  @Test func escapesMarkdownAndHTMLFromInput() {
    let md = MarkdownReportRenderer(ReportFixture.report(hostile: true)).render()
    #expect(!md.contains("<script"))
    #expect(md.contains("=cmd\\|' /C calc'\\!A0&lt;script&gt;alert('Markt')&lt;/script&gt;"))
    #expect(MarkdownReportRenderer.escape("*a* [b](c) | `d`") == "\\*a\\* \\[b\\](c) \\| \\`d\\`")
  }
}
