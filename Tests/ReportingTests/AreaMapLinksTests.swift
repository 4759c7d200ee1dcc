import Testing

@testable import Reporting

/// `AreaMap.links` and `highlighted` (the dashboard's maps).
@Suite struct AreaMapLinksTests {
  @Test func linkedAreasAreDrawnInsideLinksAndTheHighlightOnTop() {
    let square = GeoJSONGeometry.polygon([[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]])
    let other = GeoJSONGeometry.polygon([[[10, 0], [20, 0], [20, 10], [10, 10], [10, 0]]])
    var map = AreaMap(
      title: "t",
      areas: [
        .init(code: "BU1", name: "A", geometry: square),
        .init(code: "BU2", name: "B", geometry: other),
      ], fills: [:], legend: [])
    map.links = ["BU1": "/areas/BU1?x=1&y=\"2\""]
    map.highlighted = "BU2"
    let svg = map.svg(.nl).rendered
    #expect(svg.contains("<a href=\"/areas/BU1?x=1&amp;y=&quot;2&quot;\"><path "))
    #expect(svg.components(separatedBy: "<a href").count == 2)
    #expect(svg.contains("stroke=\"#000000\" stroke-width=\"3\""))
  }
}
