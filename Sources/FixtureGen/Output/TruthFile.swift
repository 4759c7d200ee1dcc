import Foundation
import SafetyCore

/// Writes `truth.csv` (one row per planted episode) and `truth-components.csv` (one row
/// per source that carries extra registrations). Format in `docs/DEMOSTAD.md`.
public enum TruthFile {
  public static let header = [
    "episode", "kind", "area", "wijk", "theme", "indicators", "sources", "partners",
    "firstWeek", "lastWeek", "firstDay", "lastDay", "multiplier", "baseline", "expectedExtra",
    "observed",
  ]

  public static func truth(_ episodes: [Episode], model: IntensityModel) -> CSVText {
    let r = model.registry
    let t = model.timeline
    var csv = CSVText(ExportDialect())
    csv.row(header)
    for e in episodes {
      let buurt = r.buurten[e.buurt]
      let partners = e.sources.map(\.partner).reduce(into: [String]()) {
        if !$0.contains($1) { $0.append($1) }
      }
      csv.row([
        e.id, e.kind.rawValue, buurt.code.rawValue, r.wijken[buurt.wijk].code.rawValue, e.theme,
        e.indicators.joined(separator: ","), e.sources.map(\.rawValue).joined(separator: ","),
        partners.joined(separator: ","),
        ISOWeek(containing: t.date(e.firstDay)).description,
        ISOWeek(containing: t.date(e.lastDay)).description, t.date(e.firstDay).description,
        t.date(e.lastDay).description, fixed(e.multiplier), fixed(e.baseline),
        fixed(e.expectedExtra), "\(e.observed)",
      ])
    }
    return csv
  }

  public static func components(_ episodes: [Episode], model: IntensityModel) -> CSVText {
    let r = model.registry
    let t = model.timeline
    var csv = CSVText(ExportDialect())
    csv.row([
      "episode", "indicator", "source", "categories", "area", "firstDay", "lastDay", "rampDays",
      "extraPerWeek", "baselinePerWeek", "expectedExtra",
    ])
    for e in episodes {
      for c in e.components {
        let codes = c.categories.map { model.catalogue.categories[$0.index].code }
        csv.row([
          e.id, c.indicator, c.source.rawValue, codes.joined(separator: "|"),
          r.buurten[c.buurt].code.rawValue, t.date(c.firstDay).description,
          t.date(c.lastDay).description, "\(c.rampDays)", fixed(c.extraPerWeek),
          fixed(c.baselinePerWeek), fixed(c.expectedExtra),
        ])
      }
    }
    return csv
  }

  /// Two decimals with a point, independent of locale.
  static func fixed(_ x: Double) -> String {
    guard x.isFinite else { return "inf" }
    let r = Int((x * 100).rounded())
    let sign = r < 0 ? "-" : ""
    let a = abs(r)
    return "\(sign)\(a / 100).\(DateText.p2(a % 100))"
  }
}
