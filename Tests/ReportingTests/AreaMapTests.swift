import Foundation
import Testing

@testable import Reporting

@Suite struct AreaMapTests {
  let square = GeoJSONGeometry.polygon([[[0, 0], [1000, 0], [1000, 1000], [0, 1000], [0, 0]]])
  let east = GeoJSONGeometry.polygon([
    [[1000, 0], [2000, 0], [2000, 1000], [1000, 1000], [1000, 0]]
  ])

  @Test func drawsEveryAreaWithItsFillAndFlipsNorthUp() {
    let map = AreaMap(
      title: "Demostad",
      areas: [
        .init(code: "BU99990001", name: "Centrum", geometry: square),
        .init(code: "BU99990002", name: "<b>Oost</b>", geometry: east),
      ],
      fills: ["BU99990001": MapFill(colour: "#d7191c", tooltip: "index 160")],
      legend: IndexColours.legend(.nl))
    let svg = map.svg(.nl).rendered
    #expect(svg.contains("data-code=\"BU99990001\""))
    #expect(svg.contains("fill=\"#d7191c\""))
    #expect(svg.contains("fill=\"\(AreaMap.noDataColour)\""))
    #expect(svg.contains("&lt;b&gt;Oost&lt;/b&gt;"))
    // y = 0 (south) is drawn at the bottom of the map area.
    #expect(svg.contains("M8,280"))
  }

  @Test func roundTripsGeoJSON() throws {
    let collection = GeoJSONFeatureCollection(
      crs: .rdNew,
      features: [
        GeoJSONFeature(properties: BoundaryProperties(code: "BU1", name: "A"), geometry: square)
      ])
    let data = try JSONEncoder().encode(collection)
    let back = try JSONDecoder().decode(
      GeoJSONFeatureCollection<BoundaryProperties>.self, from: data)
    #expect(back.features.first?.geometry == square)
    #expect(back.crs == .rdNew)
  }

  @Test func rejectsUnsupportedGeometry() {
    let json = #"{"type":"Point","coordinates":[1,2]}"#
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(GeoJSONGeometry.self, from: Data(json.utf8))
    }
  }

  @Test func colourClassesCoverTheIndex() {
    #expect(IndexColours.colour(forIndex: 79) == "#2c7bb6")
    #expect(IndexColours.colour(forIndex: 100) == "#ffffbf")
    #expect(IndexColours.colour(forIndex: 150) == "#d7191c")
    #expect(IndexColours.colour(forIndex: nil) == AreaMap.noDataColour)
  }
}
