import FixtureGen
import Foundation
import SafetyCore
import Testing

/// The committed registry files are consistent: parents, populations, aliases, crosswalk,
/// adjacency and boundaries.
@Suite struct RegistryFilesTests {
  let dir = Repo.fixtures

  func areas() throws -> [[String: String]] {
    try CSVRead.table(dir.appendingPathComponent("areas.csv"))
  }

  @Test func everyBuurtHasAWijkParentAndEveryWijkTheGemeente() throws {
    let rows = try areas()
    let byCode = Dictionary(uniqueKeysWithValues: rows.map { ($0["code"]!, $0) })
    let buurten = rows.filter { $0["code"]!.hasPrefix("BU") }
    #expect(buurten.count == 40)
    #expect(rows.filter { $0["code"]!.hasPrefix("WK") }.count == 8)
    for r in rows {
      let code = try #require(AreaCode(r["code"]!), "bad code \(r["code"]!)")
      #expect(!r["name"]!.isEmpty)
      switch code.level {
      case .buurt:
        #expect(r["parent"] == code.wijk?.rawValue)
        #expect(byCode[r["parent"]!] != nil)
      case .wijk:
        #expect(r["parent"] == code.gemeente.rawValue)
      case .gemeente:
        #expect(r["parent"] == "")
        #expect(code.rawValue == "GM9999")
      }
    }
    // Names are unique (partners match on them), and some carry diacritics.
    #expect(Set(rows.map { $0["name"]! }).count == rows.count)
    #expect(rows.contains { $0["name"] == "Mariënwaard-Noord" })
    #expect(rows.filter { $0["name"]!.unicodeScalars.contains { $0.value > 0x7F } }.count >= 3)
  }

  @Test func populationForEveryAreaAndYearRoundedToFive() throws {
    let codes = try areas().map { $0["code"]! }
    let pop = try CSVRead.table(dir.appendingPathComponent("population.csv"))
    var seen: [String: Set<Int>] = [:]
    var byKey: [String: [Int]] = [:]
    for r in pop {
      let y = try #require(Int(r["year"]!))
      seen[r["code"]!, default: []].insert(y)
      let values = [r["inhabitants"]!, r["dwellings"]!, r["households"]!].map { Int($0)! }
      for v in values { #expect(v % 5 == 0 && v >= 0) }
      byKey["\(r["code"]!)|\(y)"] = values
    }
    for c in codes { #expect(seen[c] == Set(2019...2024), "\(c)") }
    // Wijk rows are the sums of their buurten.
    for w in codes where w.hasPrefix("WK") {
      for y in 2019...2024 {
        let sum = codes.filter { $0.hasPrefix("BU" + w.dropFirst(2)) }
          .map { byKey["\($0)|\(y)"]! }.reduce([0, 0, 0]) { zip($0, $1).map(+) }
        #expect(byKey["\(w)|\(y)"] == sum)
      }
    }
  }

  @Test func aliasesAndCrosswalkPointAtKnownAreas() throws {
    let codes = Set(try areas().map { $0["code"]! })
    let names = Set(try areas().map { $0["name"]!.lowercased() })
    for a in try CSVRead.table(dir.appendingPathComponent("aliases.csv")) {
      #expect(codes.contains(a["code"]!))
      #expect(!names.contains(a["alias"]!.lowercased()), "alias equals a name: \(a["alias"]!)")
      if let s = a["source"], !s.isEmpty { #expect(SourceID(rawValue: s) != nil) }
    }
    let crosswalk = try CSVRead.table(dir.appendingPathComponent("crosswalk.csv"))
    #expect(!crosswalk.isEmpty)
    for c in crosswalk {
      #expect(!codes.contains(c["oldCode"]!), "retired code still in the registry")
      #expect(codes.contains(c["newCode"]!))
      #expect((2020...2024).contains(Int(c["year"]!)!))
    }
  }

  @Test func adjacencyIsSymmetricAndIrreflexive() throws {
    let codes = Set(try areas().map { $0["code"]! })
    let rows = try CSVRead.table(dir.appendingPathComponent("adjacency.csv"))
    let pairs = Set(rows.map { "\($0["code"]!)|\($0["neighbour"]!)" })
    #expect(pairs.count == rows.count)
    for r in rows {
      #expect(r["code"] != r["neighbour"])
      #expect(codes.contains(r["code"]!) && codes.contains(r["neighbour"]!))
      #expect(pairs.contains("\(r["neighbour"]!)|\(r["code"]!)"))
      #expect(r["code"]!.prefix(2) == r["neighbour"]!.prefix(2), "mixed levels")
    }
    // Every buurt has a neighbour (the tiling is connected).
    for c in codes where c.hasPrefix("BU") { #expect(rows.contains { $0["code"] == c }, "\(c)") }
  }

  /// Every area has a polygon; polygons are closed rings in RD New metres near the
  /// IJsselmeer; two buurten share a border edge exactly when the adjacency file says so.
  @Test func boundariesCoverEveryAreaAndAgreeWithAdjacency() throws {
    let data = try Data(contentsOf: dir.appendingPathComponent("boundaries.geojson"))
    let geo = try JSONDecoder().decode(FeatureCollection.self, from: data)
    #expect(geo.crs.properties.name == "urn:ogc:def:crs:EPSG::28992")
    #expect(geo.name.contains("synthetisch"))
    let codes = Set(try areas().map { $0["code"]! })
    #expect(Set(geo.features.map(\.properties.code)) == codes)
    var edges: [String: Set<String>] = [:]  // "x,y|x,y" → buurten
    var areaSum = 0.0
    var gemeenteArea = 0.0
    for f in geo.features {
      let ring = try #require(f.geometry.coordinates.first)
      #expect(ring.first == ring.last && ring.count >= 5)
      for p in ring {
        #expect((140_000...170_000).contains(p[0]) && (525_000...550_000).contains(p[1]))
      }
      // Shoelace: counter-clockwise rings have positive area.
      var a = 0.0
      for i in 0..<(ring.count - 1) {
        a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
      }
      #expect(a > 0, "\(f.properties.code) ring is not counter-clockwise")
      if f.properties.level == "buurt" {
        areaSum += a / 2
        for i in 0..<(ring.count - 1) {
          let u = "\(ring[i][0]),\(ring[i][1])"
          let v = "\(ring[i + 1][0]),\(ring[i + 1][1])"
          edges[[u, v].sorted().joined(separator: "|"), default: []].insert(f.properties.code)
        }
      }
      if f.properties.level == "gemeente" { gemeenteArea = a / 2 }
    }
    // The buurten tile the gemeente: no gaps, no overlaps.
    #expect(abs(areaSum - gemeenteArea) < 1)
    var touching = Set<String>()
    for set in edges.values where set.count == 2 {
      touching.insert(set.sorted().joined(separator: "|"))
    }
    let adjacency = try CSVRead.table(dir.appendingPathComponent("adjacency.csv"))
      .filter { $0["code"]!.hasPrefix("BU") && $0["code"]! < $0["neighbour"]! }
      .map { "\($0["code"]!)|\($0["neighbour"]!)" }
    #expect(touching == Set(adjacency))
  }

  struct FeatureCollection: Decodable {
    var name: String
    var crs: CRS
    var features: [Feature]
  }
  struct CRS: Decodable {
    struct P: Decodable { var name: String }
    var properties: P
  }
  struct Feature: Decodable {
    struct P: Decodable {
      var code: String
      var name: String
      var level: String
    }
    struct G: Decodable {
      var type: String
      var coordinates: [[[Double]]]
    }
    var properties: P
    var geometry: G
  }
}

/// The national-scale registry (here shrunk to 15 gemeenten) keeps the same rules.
@Suite struct NationalRegistryTests {
  let generator = FixtureGenerator(
    FixtureConfig(scale: .national, nationalBuurten: 700, nationalGemeenten: 15))

  @Test func codesParentsAndNames() throws {
    let r = generator.registry
    #expect(r.buurten.count == 700)
    #expect(r.gemeenten.count == 15)
    var codes = Set<String>()
    for (gi, g) in r.gemeenten.enumerated() {
      #expect(codes.insert(g.code.rawValue).inserted)
      #expect(g.code.rawValue != "GM9999")
      var names = Set<String>()
      for w in g.wijken {
        let wijk = r.wijken[w]
        #expect(wijk.gemeente == gi && wijk.code.gemeente == g.code)
        #expect(codes.insert(wijk.code.rawValue).inserted)
        #expect(names.insert(wijk.name).inserted, "\(wijk.name) twice in \(g.name)")
        for b in wijk.buurten {
          let buurt = r.buurten[b]
          #expect(buurt.code.wijk == wijk.code)
          #expect(codes.insert(buurt.code.rawValue).inserted)
          #expect(names.insert(buurt.name).inserted, "\(buurt.name) twice in \(g.name)")
          #expect(buurt.figures.count == 6)
        }
      }
    }
    for b in r.buurten { if let old = b.oldCode { #expect(!codes.contains(old.rawValue)) } }
  }

  @Test func adjacencyStaysInsideGemeenten() throws {
    let csv = RegistryFiles.adjacency(generator.registry)
    let rows = try CSVRead.parse(String(decoding: csv.bytes, as: UTF8.self), delimiter: ";")
    #expect(rows.count > 700)
    for r in rows.dropFirst() {
      #expect(r[0].dropFirst(2).prefix(4) == r[1].dropFirst(2).prefix(4))
    }
  }
}
