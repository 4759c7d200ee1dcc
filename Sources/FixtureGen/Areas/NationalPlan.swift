import Foundation

/// A national-size synthetic registry for benchmarks: about 345 gemeenten (codes GM9000
/// upwards, which no real municipality uses), ~3,000 wijken and ~14,000 buurten with
/// ~17.9 million inhabitants. Names are built from Dutch-sounding syllables.
enum NationalPlan {
  static func plans(seed: UInt64, buurtTarget: Int = 14_000, gemeenten count: Int = 345)
    -> [GemeentePlan]
  {
    var rng = SeededRandom(seed: seed, stream: 21)
    var sizes = (0..<count).map { _ in exp(3.4 + 0.8 * rng.normal()) }
    let scale = Double(buurtTarget) / sizes.reduce(0, +)
    sizes = sizes.map { min(max($0 * scale, 6), 400) }
    var counts = sizes.map { Int($0.rounded()) }
    // Nudge to the exact target so runs with the same settings agree on totals.
    var diff = buurtTarget - counts.reduce(0, +)
    var i = 0
    while diff != 0 {
      let k = i % count
      if diff > 0, counts[k] < 400 {
        counts[k] += 1
        diff -= 1
      } else if diff < 0, counts[k] > 6 {
        counts[k] -= 1
        diff += 1
      }
      i += 1
    }
    var names = NameMaker()
    let side = Int(Double(count).squareRoot().rounded(.up))
    var plans: [GemeentePlan] = []
    for g in 0..<count {
      var grng = SeededRandom(seed: seed, stream: 22, g)
      let name = names.unique(&grng, scope: "gemeente")
      let wijkCount = min(99, max(1, Int((Double(counts[g]) / 4.6).rounded())))
      var perWijk = [Int](repeating: counts[g] / wijkCount, count: wijkCount)
      for k in 0..<(counts[g] % wijkCount) { perWijk[k] += 1 }
      var local = NameMaker()
      var wijken: [WijkPlan] = []
      for (w, n) in perWijk.enumerated() {
        var buurten: [BuurtPlan] = []
        for b in 0..<n {
          let profile: AreaProfile =
            w == 0 && b < max(1, n / 2)
            ? .centre
            : [AreaProfile.ordinary, .suburb, .problem, .village, .newBuild, .industrial][
              grng.pick(weights: [50, 18, 10, 10, 5, 7])]
          let inhabitants =
            profile == .industrial ? 30 : 1_350 * exp(0.45 * grng.normal() - 0.1)
          var plan = BuurtPlan(
            name: local.unique(&grng, scope: "area"), profile: profile,
            inhabitants: inhabitants, areaWeight: profile == .industrial ? 3 : 1)
          if plan.name.contains(where: { !$0.isASCII }) {
            plan.aliases = [(plan.name.strippingDiacritics(), nil)]
          }
          if g % 10 == 3, w == 0, b == 0 { plan.codeChangeYear = 2022 }
          buurten.append(plan)
        }
        wijken.append(
          WijkPlan(
            name: local.unique(&grng, scope: "area"), buurten: buurten,
            woonpuntShare: grng.uniform()))
      }
      let cellSize = 150.0
      let spacing = 9_000.0
      plans.append(
        GemeentePlan(
          number: 9000 + g, name: name, wijken: wijken,
          originX: 20_000 + Double(g % side) * spacing,
          originY: 310_000 + Double(g / side) * spacing * (cellSize / 150)))
    }
    return plans
  }
}

/// Makes unique Dutch-sounding names from syllables.
struct NameMaker {
  private var used = Set<String>()
  static let heads = [
    "Berken", "Eiken", "Wilgen", "Linden", "Molen", "Kerk", "Dijk", "Veen", "Zand", "Heide",
    "Hoog", "Laag", "Rijn", "Vliet", "Beek", "Brug", "Sluis", "Haven", "Dorps", "Klooster",
    "Bloem", "Ooster", "Wester", "Zuider", "Noorder", "Hazel", "Vos", "Reiger", "Meeuw",
    "Egel", "Lis", "Riet", "Ekster", "Gaasp", "Crève", "Poëzie", "Ruïne", "Kamille",
  ]
  static let tails = [
    "veld", "hof", "waard", "rode", "horst", "dijk", "kamp", "hoek", "buurt", "weide",
    "hage", "dam", "meer", "broek", "berg", "wijk", "laan", "akker", "loo", "kade",
  ]

  mutating func unique(_ rng: inout SeededRandom, scope: String) -> String {
    for attempt in 0..<200 {
      var name = rng.pick(NameMaker.heads) + rng.pick(NameMaker.tails)
      if attempt > 20 { name += ["-Noord", "-Zuid", "-Oost", "-West"][attempt % 4] }
      if attempt > 60 { name += " \(attempt)" }
      if used.insert(scope + name).inserted { return name }
    }
    let name = "Gebied \(used.count + 1)"
    used.insert(scope + name)
    return name
  }
}

extension String {
  /// The text with ë, é, ï ... replaced by their base letters (how some partners type
  /// names).
  func strippingDiacritics() -> String {
    String(
      String.UnicodeScalarView(
        self.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
          !(0x0300...0x036F).contains($0.value)
        }))
  }
}
