/// How one area is coloured on a map, and what its tooltip says.
public struct MapFill: Sendable, Hashable {
  public var colour: String
  public var tooltip: String

  public init(colour: String, tooltip: String) {
    self.colour = colour
    self.tooltip = tooltip
  }
}

/// A self-contained SVG map of areas from planar boundaries (RD New metres: x east,
/// y north). Areas without a fill are drawn in the no-data colour.
public struct AreaMap: Sendable {
  public struct Area: Sendable {
    public var code: String
    public var name: String
    public var geometry: GeoJSONGeometry
    public init(code: String, name: String, geometry: GeoJSONGeometry) {
      self.code = code
      self.name = name
      self.geometry = geometry
    }
  }

  public var title: String
  public var areas: [Area]
  public var fills: [String: MapFill]
  public var legend: [(colour: String, text: String)]
  public var width: Double = 560
  /// Areas drawn on top as outlines only (the wijken over a map of buurten).
  public var outlines: [Area] = []
  /// Whether the outlines get their names at their centres.
  public var labelOutlines = false
  /// Links by area code: such areas are drawn inside `<a href>` (the dashboard's maps lead
  /// to the areas' pages). Local paths only; they are escaped like all text.
  public var links: [String: String] = [:]
  /// An area (or outline) drawn with a heavy border (the area a page is about).
  public var highlighted: String?

  public static let noDataColour = "#f4f4f4"

  public init(
    title: String, areas: [Area], fills: [String: MapFill],
    legend: [(colour: String, text: String)]
  ) {
    self.title = title
    self.areas = areas
    self.fills = fills
    self.legend = legend
  }

  public func svg(_ language: DisplayLanguage) -> HTML {
    let points = (areas + outlines).flatMap { $0.geometry.polygons.flatMap { $0.flatMap { $0 } } }
    guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(),
      let minY = points.map(\.y).min(), let maxY = points.map(\.y).max(), maxX > minX,
      maxY > minY
    else {
      return "<p class=\"map-missing\">\(language[.legendNoData])</p>"
    }
    let margin = 8.0
    let scale = (width - 2 * margin) / (maxX - minX)
    let mapHeight = (maxY - minY) * scale + 2 * margin
    let legendHeight = legend.isEmpty ? 0 : Double(legend.count) * 16 + 8
    let height = mapHeight + legendHeight
    func px(_ p: (x: Double, y: Double)) -> String {
      "\(svgNumber(margin + (p.x - minX) * scale)),\(svgNumber(margin + (maxY - p.y) * scale))"
    }
    var svg: HTML = """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(svgNumber(width)) \(svgNumber(height))" \
      width="100%" role="img" aria-label="\(title)" class="area-map" \
      font-family="system-ui, sans-serif" font-size="11"><title>\(title)</title>
      """
    for area in areas {
      var d = ""
      for polygon in area.geometry.polygons {
        for ring in polygon where ring.count >= 3 {
          d += "M" + ring.map(px).joined(separator: "L") + "Z"
        }
      }
      let fill = fills[area.code]
      let colour = fill?.colour ?? Self.noDataColour
      let tip =
        fill.map { "\(area.name) (\(area.code)): \($0.tooltip)" }
        ?? "\(area.name) (\(area.code)): \(language[.legendNoData])"
      let path: HTML = """
        <path d="\(HTML(unescaped: d))" fill="\(colour)" stroke="#ffffff" stroke-width="1" \
        data-code="\(area.code)"><title>\(tip)</title></path>
        """
      if let link = links[area.code] {
        svg += "<a href=\"\(link)\">\(path)</a>"
      } else {
        svg += path
      }
    }
    if let code = highlighted, let area = (areas + outlines).first(where: { $0.code == code }) {
      var d = ""
      for polygon in area.geometry.polygons {
        for ring in polygon where ring.count >= 3 {
          d += "M" + ring.map(px).joined(separator: "L") + "Z"
        }
      }
      svg += """
        <path d="\(HTML(unescaped: d))" fill="none" stroke="#000000" stroke-width="3" \
        stroke-linejoin="round" pointer-events="none"/>
        """
    }
    for outline in outlines {
      var d = ""
      for polygon in outline.geometry.polygons {
        for ring in polygon where ring.count >= 3 {
          d += "M" + ring.map(px).joined(separator: "L") + "Z"
        }
      }
      svg += """
        <path d="\(HTML(unescaped: d))" fill="none" stroke="#333333" stroke-width="1.6" \
        stroke-linejoin="round" pointer-events="none"/>
        """
    }
    if labelOutlines {
      for outline in outlines {
        guard let c = Self.centroid(outline.geometry) else { continue }
        svg += """
          <text x="\(svgNumber(margin + (c.x - minX) * scale))" \
          y="\(svgNumber(margin + (maxY - c.y) * scale + 4))" text-anchor="middle" \
          font-size="12" font-weight="600" fill="#1d2733" stroke="#ffffff" stroke-width="3" \
          paint-order="stroke" pointer-events="none">\(outline.name)</text>
          """
      }
    }
    for (i, item) in legend.enumerated() {
      let y = mapHeight + 4 + Double(i) * 16
      svg += """
        <rect x="\(svgNumber(margin))" y="\(svgNumber(y))" width="14" height="12" \
        fill="\(item.colour)" stroke="#999" stroke-width="0.5"/>\
        <text x="\(svgNumber(margin + 20))" y="\(svgNumber(y + 10))" fill="#333">\(item.text)</text>
        """
    }
    svg += "</svg>"
    return svg
  }
}

extension AreaMap {
  /// The area-weighted centroid of the largest polygon's outer ring (where a label goes).
  static func centroid(_ geometry: GeoJSONGeometry) -> (x: Double, y: Double)? {
    var best: (area: Double, x: Double, y: Double)?
    for polygon in geometry.polygons {
      guard let ring = polygon.first, ring.count >= 3 else { continue }
      var a = 0.0
      var cx = 0.0
      var cy = 0.0
      for i in ring.indices {
        let p = ring[i]
        let q = ring[(i + 1) % ring.count]
        let cross = p.x * q.y - q.x * p.y
        a += cross
        cx += (p.x + q.x) * cross
        cy += (p.y + q.y) * cross
      }
      guard abs(a) > 0 else { continue }
      let area = abs(a) / 2
      if area > (best?.area ?? -1) {
        best = (area, cx / (3 * a), cy / (3 * a))
      }
    }
    return best.map { ($0.x, $0.y) }
  }
}

/// Colour classes for the level index (100 = municipal average), colour-blind safe
/// (a sequential blue-to-red scale that also differs in lightness).
public enum IndexColours {
  public static func colour(forIndex index: Double?) -> String {
    guard let index else { return AreaMap.noDataColour }
    switch index {
    case ..<80: return "#2c7bb6"
    case ..<100: return "#abd9e9"
    case ..<120: return "#ffffbf"
    case ..<150: return "#fdae61"
    default: return "#d7191c"
    }
  }

  /// Not shown by disclosure control (small count, small population): a mid grey, apart
  /// from the no-data colour.
  public static let suppressedColour = "#c4c4c4"

  /// The colour of a disclosed index.
  public static func colour(for index: DisclosedValue) -> String {
    switch index {
    case .value(let v): colour(forIndex: v)
    case .suppressedCount, .suppressedPopulation: suppressedColour
    case .unavailable: AreaMap.noDataColour
    }
  }

  /// Whether text on this colour should be white.
  public static func isDark(_ colour: String) -> Bool {
    colour == "#2c7bb6" || colour == "#d7191c"
  }

  public static func legend(_ language: DisplayLanguage, withSuppressed: Bool = false)
    -> [(colour: String, text: String)]
  {
    var items: [(colour: String, text: String)] = [
      ("#2c7bb6", language[.legendIndexBelow80]), ("#abd9e9", language[.legendIndex80to100]),
      ("#ffffbf", language[.legendIndex100to120]), ("#fdae61", language[.legendIndex120to150]),
      ("#d7191c", language[.legendIndexAbove150]),
    ]
    if withSuppressed { items.append((suppressedColour, language[.legendNotShown])) }
    items.append((AreaMap.noDataColour, language[.legendNoData]))
    return items
  }
}
