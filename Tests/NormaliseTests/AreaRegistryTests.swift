import SafetyCore
import Testing

@testable import Normalise

@Suite struct AreaRegistryTests {
  let registry = testRegistry()

  @Test func buildsWithoutProblems() {
    #expect(registry.diagnostics.isEmpty)
    #expect(registry.areas.count == 6)
    #expect(registry.parents == [-1, 0, 0, 1, 1, 2])
    #expect(registry.indices(at: .buurt) == [3, 4, 5])
    #expect(registry.population(of: 3, year: 2024)?.dwellings == 600)
    #expect(registry.populationYears(of: 3) == [2024])
  }

  @Test func resolvesCodesThroughTheCrosswalk() throws {
    #expect(registry.resolve(code: try #require(AreaCode("bu99990102 "))) == 4)
    #expect(registry.resolve(code: try #require(AreaCode("BU99990100"))) == 3)
    #expect(registry.resolve(code: try #require(AreaCode("BU99990999"))) == nil)
  }

  @Test func resolvesNamesAndAliases() {
    #expect(registry.resolve(name: "oude  markt") == 3)
    #expect(registry.resolve(name: "OUDE-MARKT") == 3)
    #expect(registry.resolve(name: "de haven") == 4)
    #expect(registry.resolve(name: "Bloemen") == nil)
    #expect(registry.resolve(name: "Bloemen", source: "woonpunt") == 5)
    #expect(registry.resolve("BU99990201", match: .auto) == 5)
    #expect(registry.resolve("Havenkwartier", match: .auto) == 4)
    #expect(registry.resolve("Havenkwartier", match: .code) == nil)
    #expect(registry.resolve("BU99990201", match: .name) == nil)
  }

  @Test func foldsCaseAccentsAndSpaces() {
    #expect(AreaRegistry.nameKey("  Café-Buurt__Oost ") == "cafe buurt oost")
    #expect(AreaRegistry.nameKey("'s-Gravenzande") == "'s gravenzande")
  }

  @Test func reportsInconsistencies() {
    let p = SourcePosition(file: "areas.csv", line: 3, column: 1)
    let r = AreaRegistry(
      areas: [
        ["WK999901", "Centrum", ""], ["BU99990101", "A", "WK999901"],
        ["BU99990101", "A again", "WK999901"], ["BU99990301", "B", ""], ["XX12", "bad", ""],
        ["BU99990102", "Centrum", "WK999901"],
      ].map { AreaRegistry.Row($0, at: p) },
      population: [["BU11111111", "2024", "1", "1", "1"], ["BU99990101", "2024", "-4", "", ""]]
        .map { AreaRegistry.Row($0, at: p) },
      aliases: [["Elders", "BU22222222"]].map { AreaRegistry.Row($0, at: p) },
      crosswalk: [["BU33333333", "BU44444444", "2020"]].map { AreaRegistry.Row($0, at: p) })
    let messages = r.diagnostics.map(\.message)
    #expect(messages.contains("area BU99990101 is listed twice"))
    #expect(messages.contains("parent WK999903 of BU99990301 is not in the registry"))
    #expect(messages.contains("expected a CBS area code in column 1"))
    #expect(messages.contains { $0.hasPrefix("name 'centrum' is shared by WK999901, BU99990102") })
    #expect(messages.contains("population for BU11111111, which is not in the registry"))
    #expect(messages.contains("expected non-negative whole numbers for BU99990101 2024"))
    #expect(messages.contains("alias for BU22222222, which is not in the registry"))
    #expect(messages.contains("crosswalk for BU33333333 leads to no area in the registry"))
    #expect(r.diagnostics.allSatisfy { $0.position == nil || $0.position?.line == 3 })
  }

  /// Postcodes: PC6 as listed, PC6 by its four digits when only the PC4 is listed.
  @Test func resolvesPostcodes() throws {
    let p = SourcePosition(file: "postcodes.csv", line: 2, column: 1)
    let areas = [
      ["GM9999", "Teststad", ""], ["WK999901", "Centrum", "GM9999"],
      ["BU99990101", "Oude Markt", "WK999901"], ["BU99990102", "Havenkwartier", "WK999901"],
    ].map { AreaRegistry.Row($0, at: p) }
    let rows = [
      ["1234 AB", "BU99990101"], ["1234ac", "BU99990102"], ["1235", "WK999901"],
      ["1234AB", "BU99990102"],  // listed twice: the first holds, with a warning
      ["1236", "GM9999"],  // a gemeente is too coarse
      ["0123AB", "BU99990101"], ["12345", "BU99990101"], ["1237 A1", "BU99990101"],
    ].map { AreaRegistry.Row($0, at: p) }
    let r = AreaRegistry(areas: areas, postcodes: rows)
    #expect(r.hasPostcodes)
    #expect(r.resolve(postcode: "1234AB") == 2)
    #expect(r.resolve(postcode: " 1234 ab ") == 2)
    #expect(r.resolve(postcode: "1234AC") == 3)
    #expect(r.resolve(postcode: "1235 XY") == 1)  // through its PC4
    #expect(r.resolve(postcode: "1235") == 1)
    #expect(r.resolve(postcode: "1234") == nil)  // no PC4 row for 1234
    #expect(r.resolve(postcode: "1236AA") == nil)
    #expect(r.resolve(postcode: "Oude Markt") == nil)
    #expect(r.resolve("1234AB", match: .postcode) == 2)
    #expect(r.resolve("1234AB", match: .auto) == 2)
    #expect(r.resolve("1234AB", match: .name) == nil)
    #expect(r.resolve("BU99990101", match: .postcode) == nil)
    let messages = r.diagnostics.map(\.message)
    #expect(
      messages.contains(
        "postcode 1234AB is listed for BU99990101 and BU99990102; it counts under BU99990101"))
    #expect(
      messages.contains("postcode 1236 for GM9999, which is no wijk or buurt of the registry"))
    #expect(
      messages.filter { $0 == "expected postcode;code (a postcode as 1234AB or 1234)" }.count
        == 3)
    #expect(AreaRegistry.postcodeKey("9999 zz") == "9999ZZ")
    #expect(AreaRegistry.postcodeKey("1234 ÄB") == nil)
  }
}
