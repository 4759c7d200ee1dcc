import FixtureGen
import Foundation
import Testing

@Suite struct LevelTruthFileTests {
  static func rows() throws -> [[String]] {
    let text = try String(
      contentsOf: Repo.fixtures.appendingPathComponent("truth-levels.csv"), encoding: .utf8)
    return text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map {
      $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
    }
  }

  @Test func everyAreaIndicatorAndYearHasAnExpectedCount() throws {
    let rows = try Self.rows()
    #expect(rows.first == LevelTruthFile.header)
    let body = rows.dropFirst()
    // 8 wijken and 40 buurten, every catalogue indicator, six years.
    #expect(body.count == 48 * IndicatorCatalogue.all.count * 6)
    #expect(Set(body.map { $0[2] }) == Set(IndicatorCatalogue.all.map(\.id)))
    #expect(body.allSatisfy { (Double($0[4]) ?? -1) >= 0 })
  }

  @Test func aWijkExpectsTheSumOfItsBuurten() throws {
    var wijk: [String: Double] = [:]
    var buurten: [String: Double] = [:]
    for r in try Self.rows().dropFirst() {
      guard let x = Double(r[4]) else { continue }
      if r[1] == "wijk" {
        wijk["\(r[0])|\(r[2])|\(r[3])"] = x
      } else {
        // BU9999wwbb belongs to WK9999ww.
        let code = "WK" + r[0].dropFirst(2).prefix(6)
        buurten["\(code)|\(r[2])|\(r[3])", default: 0] += x
      }
    }
    #expect(!wijk.isEmpty)
    for (key, total) in wijk {
      // Each buurt is rounded to 0.001.
      #expect(abs(total - (buurten[key] ?? -1)) < 0.01, "\(key)")
    }
  }
}
