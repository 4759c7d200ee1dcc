import Foundation
import SafetyCore

/// What a registry should contain, before populations, codes and the tiling are drawn.
struct BuurtPlan {
  var name: String
  var profile: AreaProfile
  /// Inhabitants in the first year (new-build: in the year growth ends).
  var inhabitants: Double
  /// Relative area of the buurt in the tiling.
  var areaWeight: Double
  var aliases: [(alias: String, source: String?)] = []
  /// The buurt got a new code in this year (the old code was its sequence number).
  var codeChangeYear: Int? = nil
}

struct WijkPlan {
  var name: String
  var buurten: [BuurtPlan]
  /// Share of the social-rent dwellings owned by Woonpunt (the rest: Stadswonen).
  var woonpuntShare: Double
  var aliases: [(alias: String, source: String?)] = []
}

struct GemeentePlan {
  /// The four digits of the CBS gemeente code.
  var number: Int
  var name: String
  var wijken: [WijkPlan]
  var originX: Double
  var originY: Double
}

/// Turns plans into a registry: CBS codes, yearly figures rounded to 5, corporation
/// shares, neighbourhood heterogeneity and the tiling.
struct RegistryBuilder {
  var seed: UInt64
  var years: ClosedRange<Int>
  var cellSize: Double
  var cellsPerBuurt: Double

  func build(_ plans: [GemeentePlan]) -> AreaRegistry {
    var gemeenten: [Gemeente] = []
    var wijken: [Wijk] = []
    var buurten: [Buurt] = []
    var tilings: [GemeenteTiling] = []
    var wijkRects: [CellRect] = []
    var buurtRects: [CellRect] = []
    for (gi, plan) in plans.enumerated() {
      let gmDigits = pad4(plan.number)
      var gemeente = Gemeente(code: AreaCode.known("GM" + gmDigits), name: plan.name, wijken: [])
      var indices: [[Int]] = []
      var weights: [[Double]] = []
      for (wn, wplan) in plan.wijken.enumerated() {
        let wkDigits = gmDigits + pad2(wn)
        let wi = wijken.count
        gemeente.wijken.append(wi)
        var wijk = Wijk(
          code: AreaCode.known("WK" + wkDigits), name: wplan.name, gemeente: gi, buurten: [],
          aliases: wplan.aliases)
        var wIndices: [Int] = []
        for (bn, bplan) in wplan.buurten.enumerated() {
          let bi = buurten.count
          var buurt = makeBuurt(
            bplan, index: bi, wijk: wi, gemeente: gi, woonpunt: wplan.woonpuntShare)
          buurt.code = AreaCode.known("BU" + wkDigits + pad2(bn))
          if let year = bplan.codeChangeYear {
            buurt.oldCode = buurt.code
            buurt.code = AreaCode.known("BU" + wkDigits + pad2(wplan.buurten.count + 4))
            buurt.codeChangeYear = year
          }
          buurten.append(buurt)
          wijk.buurten.append(bi)
          wIndices.append(bi)
        }
        wijken.append(wijk)
        indices.append(wIndices)
        weights.append(wplan.buurten.map(\.areaWeight))
      }
      let (tiling, wRects, bRects) = tileGemeente(
        originX: plan.originX, originY: plan.originY, cellSize: cellSize,
        cellsPerBuurt: cellsPerBuurt, buurtIndices: indices, buurtWeights: weights,
        jitterSeed: SeededRandom.mix(seed, [7, gi]))
      tilings.append(tiling)
      wijkRects.append(contentsOf: wRects)
      if buurtRects.count < buurten.count {
        buurtRects.append(
          contentsOf: [CellRect](
            repeating: CellRect(x0: 0, y0: 0, x1: 0, y1: 0), count: buurten.count - buurtRects.count
          ))
      }
      for (b, r) in bRects { buurtRects[b] = r }
      gemeenten.append(gemeente)
    }
    return AreaRegistry(
      firstYear: years.lowerBound, years: years, gemeenten: gemeenten, wijken: wijken,
      buurten: buurten,
      tiling: Tiling(gemeenten: tilings, wijkRects: wijkRects, buurtRects: buurtRects))
  }

  private func makeBuurt(
    _ plan: BuurtPlan, index: Int, wijk: Int, gemeente: Int, woonpunt: Double
  ) -> Buurt {
    var rng = SeededRandom(seed: seed, stream: 11, index)
    let profile = plan.profile
    var figures: [PopulationFigures] = []
    let householdSize = profile.householdSize * (1 + 0.05 * rng.normal())
    for year in years {
      let t = Double(year - years.lowerBound)
      var inhabitants: Double
      if profile == .newBuild {
        // Built in phases 2019–2022: from a third of the final population to all of it.
        let progress = min(t / 3, 1)
        inhabitants = plan.inhabitants * (0.35 + 0.65 * progress)
      } else {
        inhabitants = plan.inhabitants * exp(profile.growthPerYear * t)
      }
      inhabitants *= 1 + 0.006 * rng.normal()
      let households = inhabitants / householdSize
      let dwellings = households * (1.02 + 0.02 * rng.uniform())
      figures.append(
        PopulationFigures(
          inhabitants: roundTo5(inhabitants), dwellings: roundTo5(dwellings),
          households: roundTo5(households)))
    }
    let social = profile.socialHousingShare * (0.85 + 0.3 * rng.uniform())
    let heterogeneity = CategoryGroup.allCases.map { _ in exp(0.2 * rng.normal() - 0.02) }
    return Buurt(
      code: AreaCode.known("BU00000000"), name: plan.name, wijk: wijk, gemeente: gemeente,
      profile: profile, figures: figures,
      corporationShare: [social * woonpunt, social * (1 - woonpunt)],
      oldCode: nil, codeChangeYear: nil, aliases: plan.aliases, heterogeneity: heterogeneity)
  }
}

func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
func pad4(_ n: Int) -> String {
  let s = String(n)
  return String(repeating: "0", count: max(0, 4 - s.count)) + s
}
