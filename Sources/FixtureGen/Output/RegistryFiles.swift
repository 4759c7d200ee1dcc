import Foundation
import SafetyCore

/// Writes the area registry files of `docs/AREAS.md`: `areas.csv`, `population.csv`,
/// `aliases.csv`, `crosswalk.csv`, `adjacency.csv` (`;`-separated, UTF-8, header row) and
/// `boundaries.geojson` (RD New, EPSG:28992).
public enum RegistryFiles {
  public static func write(_ r: AreaRegistry, to dir: URL, title: String) throws {
    try save(areas(r), dir, "areas.csv")
    try save(population(r), dir, "population.csv")
    try save(aliases(r), dir, "aliases.csv")
    try save(crosswalk(r), dir, "crosswalk.csv")
    try save(adjacency(r), dir, "adjacency.csv")
    try Data(GeoJSONWriter.boundaries(r, title: title).utf8).write(
      to: dir.appendingPathComponent("boundaries.geojson"))
  }

  static func save(_ csv: CSVText, _ dir: URL, _ name: String) throws {
    try Data(csv.bytes).write(to: dir.appendingPathComponent(name))
  }

  /// `code;name;parent`: gemeenten (no parent), wijken (parent gemeente), buurten (parent
  /// wijk). Only current codes; retired ones are in the crosswalk.
  public static func areas(_ r: AreaRegistry) -> CSVText {
    var csv = CSVText(ExportDialect())
    csv.row(["code", "name", "parent"])
    for g in r.gemeenten {
      csv.row([g.code.rawValue, g.name, ""])
      for w in g.wijken {
        let wijk = r.wijken[w]
        csv.row([wijk.code.rawValue, wijk.name, g.code.rawValue])
        for b in wijk.buurten {
          csv.row([r.buurten[b].code.rawValue, r.buurten[b].name, wijk.code.rawValue])
        }
      }
    }
    return csv
  }

  /// `code;year;inhabitants;dwellings;households` for every area and year; wijk and
  /// gemeente rows are the sums of their buurten.
  public static func population(_ r: AreaRegistry) -> CSVText {
    var csv = CSVText(ExportDialect())
    csv.row(["code", "year", "inhabitants", "dwellings", "households"])
    func row(_ code: AreaCode, _ y: Int, _ f: PopulationFigures) {
      csv.row([code.rawValue, "\(y)", "\(f.inhabitants)", "\(f.dwellings)", "\(f.households)"])
    }
    for (gi, g) in r.gemeenten.enumerated() {
      for y in r.years { row(g.code, y, r.figures(gemeente: gi, year: y)) }
      for w in g.wijken {
        for y in r.years { row(r.wijken[w].code, y, r.figures(wijk: w, year: y)) }
        for b in r.wijken[w].buurten {
          for y in r.years { row(r.buurten[b].code, y, r.figures(buurt: b, year: y)) }
        }
      }
    }
    return csv
  }

  /// `alias;code;source`: local names and old spellings; an empty source means the alias
  /// holds for every source.
  public static func aliases(_ r: AreaRegistry) -> CSVText {
    var csv = CSVText(ExportDialect())
    csv.row(["alias", "code", "source"])
    for w in r.wijken {
      for a in w.aliases { csv.row([a.alias, w.code.rawValue, a.source ?? ""]) }
    }
    for b in r.buurten {
      for a in b.aliases { csv.row([a.alias, b.code.rawValue, a.source ?? ""]) }
    }
    return csv
  }

  /// `oldCode;newCode;year`: the new code holds from 1 January of `year`.
  public static func crosswalk(_ r: AreaRegistry) -> CSVText {
    var csv = CSVText(ExportDialect())
    csv.row(["oldCode", "newCode", "year"])
    for b in r.buurten {
      if let old = b.oldCode, let y = b.codeChangeYear {
        csv.row([old.rawValue, b.code.rawValue, "\(y)"])
      }
    }
    return csv
  }

  /// `code;neighbour`: buurten, and wijken, that share a border; every pair both ways.
  public static func adjacency(_ r: AreaRegistry) -> CSVText {
    var csv = CSVText(ExportDialect())
    csv.row(["code", "neighbour"])
    var lines: [(String, String)] = []
    for (gi, t) in r.tiling.gemeenten.enumerated() {
      _ = gi
      let pairs = t.adjacentPairs()
      var wijkPairs = Set<Pair>()
      for p in pairs {
        let a = r.buurten[p.a]
        let b = r.buurten[p.b]
        lines.append((a.code.rawValue, b.code.rawValue))
        lines.append((b.code.rawValue, a.code.rawValue))
        if a.wijk != b.wijk { wijkPairs.insert(Pair(a.wijk, b.wijk)) }
      }
      for p in wijkPairs {
        lines.append((r.wijken[p.a].code.rawValue, r.wijken[p.b].code.rawValue))
        lines.append((r.wijken[p.b].code.rawValue, r.wijken[p.a].code.rawValue))
      }
    }
    lines.sort { ($0.0, $0.1) < ($1.0, $1.1) }
    for (a, b) in lines { csv.row([a, b]) }
    return csv
  }
}

/// GeoJSON of the synthetic boundaries: one Feature per gemeente, wijk and buurt.
enum GeoJSONWriter {
  static func boundaries(_ r: AreaRegistry, title: String) -> String {
    var out = "{\"type\":\"FeatureCollection\",\n"
    out += "\"name\":\(json(title)),\n"
    out +=
      "\"description\":\(json("Synthetic boundaries, not a real place. Coordinates in RD New (EPSG:28992), metres.")),"
      + "\n"
    out +=
      "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::28992\"}},\n"
    out += "\"features\":[\n"
    var features: [String] = []
    for (gi, g) in r.gemeenten.enumerated() {
      let t = r.tiling.gemeenten[gi]
      let whole = CellRect(x0: 0, y0: 0, x1: t.columns, y1: t.rows)
      features.append(feature(g.code, g.name, "gemeente", nil, t.ring(whole)))
      for w in g.wijken {
        let wijk = r.wijken[w]
        features.append(
          feature(wijk.code, wijk.name, "wijk", g.code, t.ring(r.tiling.wijkRects[w])))
        for b in wijk.buurten {
          let buurt = r.buurten[b]
          features.append(
            feature(buurt.code, buurt.name, "buurt", wijk.code, t.ring(r.tiling.buurtRects[b])))
        }
      }
    }
    out += features.joined(separator: ",\n")
    out += "\n]}\n"
    return out
  }

  static func feature(
    _ code: AreaCode, _ name: String, _ level: String, _ parent: AreaCode?,
    _ ring: [(x: Double, y: Double)]
  ) -> String {
    let coords = ring.map { "[\(Int($0.x)),\(Int($0.y))]" }.joined(separator: ",")
    let parentText = parent.map { ",\"parent\":\(json($0.rawValue))" } ?? ""
    return "{\"type\":\"Feature\",\"properties\":{\"code\":\(json(code.rawValue)),"
      + "\"name\":\(json(name)),\"level\":\(json(level))\(parentText)},"
      + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[\(coords)]]}}"
  }

  static func json(_ s: String) -> String { JSONString.quoted(s) }
}
