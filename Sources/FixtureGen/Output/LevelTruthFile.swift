import SafetyCore

/// Writes `truth-levels.csv`: per area (buurt and wijk), indicator and year, the expected
/// count the generator's model gives without any episode — the true level behind elevated
/// flags. `evaluate` turns it into an index against the municipality with the pipeline's
/// own denominators (docs/QUALITY.md). Format in docs/DEMOSTAD.md.
public enum LevelTruthFile {
  public static let header = ["area", "level", "indicator", "year", "expected"]

  public static func csv(model: IntensityModel) -> CSVText {
    let r = model.registry
    let t = model.timeline
    var csv = CSVText(ExportDialect())
    csv.row(header)
    // Per category and year: the sum of the daily factors (season, trend, weekday), so an
    // expected yearly count is the daily base times this sum.
    var yearDays: [(year: Int, days: Range<Int>)] = []
    for y in t.years {
      let first = t.day(of: CivilDate.known(y, 1, 1))
      let last = t.day(of: CivilDate.known(y, 12, 31))
      yearDays.append((y, max(0, first)..<min(t.dayCount, last + 1)))
    }
    var factorSums: [[Double]] = []
    for c in model.catalogue.categories {
      factorSums.append(
        yearDays.map { yd in yd.days.reduce(0) { $0 + model.dailyFactor[c.index][$1] } })
    }
    for indicator in IndicatorCatalogue.all {
      let categories = indicator.from.flatMap { source, codes in
        codes.compactMap { model.catalogue.category(source, $0) }
      }
      for (k, yd) in yearDays.enumerated() {
        var byBuurt: [Double] = []
        for b in r.buurten.indices {
          var expected = 0.0
          for c in categories {
            expected += model.dailyBase(c, buurt: b, year: yd.year) * factorSums[c.index][k]
          }
          byBuurt.append(expected)
        }
        for w in r.wijken.indices {
          let total = r.wijken[w].buurten.reduce(0) { $0 + byBuurt[$1] }
          csv.row([r.wijken[w].code.rawValue, "wijk", indicator.id, "\(yd.year)", fixed3(total)])
          for b in r.wijken[w].buurten {
            csv.row([
              r.buurten[b].code.rawValue, "buurt", indicator.id, "\(yd.year)", fixed3(byBuurt[b]),
            ])
          }
        }
      }
    }
    return csv
  }

  /// Three decimals with a point, independent of locale.
  static func fixed3(_ x: Double) -> String {
    let r = Int((x * 1000).rounded())
    let frac = String(r % 1000)
    return "\(r / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
  }
}
