import FixtureGen
import Foundation
import PipelineSpec
import SafetyCore
import Testing

/// The truth file says what was planted; the exports, read as the pipeline file declares
/// them, must show it.
@Suite struct TruthFileTests {
  static let folders: [URL] = [Repo.fixtures, Generated.dir]

  static func truth(_ folder: URL) throws -> [[String: String]] {
    if folder == Generated.dir { _ = Generated.summary }
    return try CSVRead.table(folder.appendingPathComponent("truth.csv"))
  }

  @Test func headerIsTheDocumentedOne() throws {
    let rows = try CSVRead.read(
      Repo.fixtures.appendingPathComponent("truth.csv"), encoding: "utf-8", delimiter: ";")
    #expect(rows[0] == TruthFile.header)
  }

  /// `observed` equals what the exports hold for the episode's indicators in its buurt and
  /// window (final categories, every registration once) — exactly.
  @Test(arguments: folders) func observedCountsAreInTheExports(folder: URL) throws {
    let rows = try Self.truth(folder)
    let recount = try Recount(folder: folder, pipeline: Repo.decodedPipeline())
    for r in rows {
      let first = try #require(CivilDate(iso: r["firstDay"]!))
      let last = try #require(CivilDate(iso: r["lastDay"]!))
      var months: [Period] = []
      var p = Period(containing: first, kind: .month)
      while p.firstDay <= last {
        months.append(p)
        p = p.advanced(by: 1)
      }
      var total = 0
      for id in r["indicators"]!.split(separator: ",") {
        let ind = try #require(IndicatorCatalogue.indicator(String(id)))
        for (source, cats) in ind.from {
          switch source {
          case .welzijnCasussen, .veiligheidshuisCasussen: continue
          case .veiligThuisMeldingen:
            total += recount.monthly(source.rawValue, cats, area: r["area"]!, months: months)
          default:
            total += recount.count(source.rawValue, cats, area: r["area"]!, from: first, to: last)
          }
        }
      }
      #expect(total == Int(r["observed"]!), "\(r["episode"]!) in \(folder.lastPathComponent)")
    }
  }

  /// Every episode's count is far above what the buurt would have had without it: the
  /// Poisson probability of seeing that many at the baseline is below 1 %.
  @Test(arguments: folders) func episodesExceedTheNoEpisodeExpectation(folder: URL) throws {
    for r in try Self.truth(folder) {
      let baseline = Double(r["baseline"]!)!
      let observed = Int(r["observed"]!)!
      #expect(
        poissonUpperTail(observed, mean: baseline) < 0.01,
        "\(r["episode"]!): \(observed) vs \(baseline)")
      #expect(Double(r["multiplier"]!)! >= 2, "\(r["episode"]!)")
    }
  }

  @Test(arguments: folders) func episodesArePlantedInTheLastTwoYears(folder: URL) throws {
    let rows = try Self.truth(folder)
    #expect(rows.count == 24)
    for kind in EpisodeKind.allCases {
      #expect(rows.filter { $0["kind"] == kind.rawValue }.count == 8)
    }
    for r in rows {
      let first = try #require(Period(parsing: r["firstWeek"]!))
      let last = try #require(Period(parsing: r["lastWeek"]!))
      #expect(first >= Period.week(ISOWeek(year: 2023, week: 1)!))
      #expect(last <= Period.week(ISOWeek(year: 2024, week: 52)!))
      #expect(first <= last)
      #expect(IndicatorCatalogue.themes.contains(r["theme"]!))
      if r["kind"] == "convergent" {
        #expect(r["partners"]!.split(separator: ",").count >= 2, "\(r["episode"]!)")
        #expect(r["indicators"]!.split(separator: ",").count >= 2, "\(r["episode"]!)")
      }
    }
  }

  func poissonUpperTail(_ k: Int, mean: Double) -> Double {
    guard k > 0 else { return 1 }
    var p = exp(-mean)
    var below = p
    for i in 1..<k {
      p *= mean / Double(i)
      below += p
    }
    return max(0, 1 - below)
  }
}
