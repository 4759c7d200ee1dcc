import Foundation
import HummingbirdTesting
import Testing

@testable import Dashboard

@Suite struct DashboardPageRoutesTests {
  @Test func theOverviewListsOpenFlagsWithFiltersInTheURL() async throws {
    let w = try DashboardWorkspace()
    try w.seedFlags()
    try await w.test(try w.dashboard()) { client in
      let r = try await client.execute(uri: "/", method: .get)
      #expect(r.status == .ok)
      let page = r.text
      #expect(page.contains("<h1>Overzicht</h1>"))
      // Tiles: one open flag, new since the last run.
      #expect(page.contains("<span class=\"n\">1</span><span class=\"l\">open signalen</span>"))
      #expect(page.contains("<span class=\"n\">1</span><span class=\"l\">nieuwe signalen</span>"))
      #expect(page.contains("sinds de laatste run van 30-09-2024"))
      // The open flag (area name escaped), not the resolved one.
      #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;</a>"))
      #expect(page.contains("/flags/\(DashboardWorkspace.openFlag)"))
      #expect(!page.contains("/flags/\(DashboardWorkspace.resolvedFlag)"))
      #expect(!page.contains("<script>alert(1)"))
      // The map coloured by flag status, areas linked.
      #expect(page.contains("Kaart naar signaalstatus"))
      let all = try await client.execute(uri: "/?status=all", method: .get)
      #expect(all.text.contains("/flags/\(DashboardWorkspace.resolvedFlag)"))
      let resolved = try await client.execute(uri: "/?status=resolved&kind=rising", method: .get)
      #expect(resolved.text.contains("/flags/\(DashboardWorkspace.resolvedFlag)"))
      #expect(!resolved.text.contains("/flags/\(DashboardWorkspace.openFlag)\""))
      #expect(resolved.text.contains("<option value=\"resolved\" selected>"))
      let none = try await client.execute(uri: "/?theme=zorg", method: .get)
      #expect(none.text.contains("geen signalen die aan de filters voldoen"))
      let wijk = try await client.execute(uri: "/?wijk=WK999901&review=unreviewed", method: .get)
      #expect(wijk.text.contains("/flags/\(DashboardWorkspace.openFlag)"))
    }
  }

  @Test func theOverviewSaysWhenDetectionHasNotRun() async throws {
    let w = try DashboardWorkspace()
    try await w.test(try w.dashboard()) { client in
      let r = try await client.execute(uri: "/?lang=en", method: .get)
      #expect(r.status == .ok)
      #expect(r.text.contains("No flags yet: detection has not run on these data."))
    }
  }

  @Test func theNeighbourhoodPageShowsFiguresSeriesAndFlags() async throws {
    let w = try DashboardWorkspace()
    try w.seedFlags()
    try await w.test(try w.dashboard()) { client in
      let r = try await client.execute(uri: "/areas/bu99990101?period=2024Q3", method: .get)
      #expect(r.status == .ok)
      let page = r.text
      #expect(page.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
      #expect(!page.contains("<script>alert(1)"))
      #expect(page.contains("3e kwartaal 2024"))
      #expect(page.contains("Inbraak"))
      #expect(page.contains("class=\"series-chart\""))
      #expect(page.contains("href=\"/flags/\(DashboardWorkspace.openFlag)\""))
      // The resolved flag of the other buurt is not this area's.
      #expect(!page.contains(DashboardWorkspace.resolvedFlag))
      let wijk = try await client.execute(uri: "/areas/WK999901", method: .get)
      #expect(wijk.status == .ok)
      #expect(wijk.text.contains("Buurten in deze wijk"))
      #expect(wijk.text.contains(DashboardWorkspace.resolvedFlag))
      let gemeente = try await client.execute(uri: "/areas/GM9999", method: .get)
      #expect(gemeente.status == .seeOther)
      for bad in ["/areas/BU00000000", "/areas/nonsense", "/nowhere"] {
        let missing = try await client.execute(uri: bad, method: .get)
        #expect(missing.status == .notFound, "\(bad)")
        #expect(missing.text.contains("Niet gevonden"))
      }
    }
  }
}
