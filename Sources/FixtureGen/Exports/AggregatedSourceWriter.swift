import Foundation
import SafetyCore

/// An aggregated partner export: one row per area × period × category with a count.
struct AggregatedFormat {
  enum Level { case buurt, wijk }
  var source: SourceID
  var dialect: ExportDialect
  var header: [String]
  var level: Level
  /// How often exports come, and what one row counts.
  var exportSchedule: ScheduleKind
  var rowPeriod: ScheduleKind
  /// Each export also re-delivers the previous export's periods, revised (a newer export
  /// for the same source and period replaces the older).
  var revisesPrevious: Bool
  var fileName: (ExportPeriod) -> String
  /// area index, row period, category code, count, export year → fields.
  var render: (Int, ExportPeriod, String, Int, RenderContext, inout SeededRandom) -> [String]
}

enum AggregatedFormats {
  static func all() -> [AggregatedFormat] { [welfare(), veiligThuis(), veiligheidshuis()] }

  /// Welfare: wijk × month, quarterly exports with the previous quarter revised.
  static func welfare() -> AggregatedFormat {
    AggregatedFormat(
      source: .welzijnCasussen, dialect: ExportDialect(delimiter: ";"),
      header: ["Wijkcode", "Maand", "Categorie", "Aantal"], level: .wijk,
      exportSchedule: .quarterly, rowPeriod: .monthly, revisesPrevious: true,
      fileName: { "welzijn_casussen_\($0.label).csv" },
      render: { w, p, code, n, ctx, _ in
        [ctx.registry.wijken[w].code.rawValue, "\(p.year)\(DateText.p2(p.number))", code, "\(n)"]
      })
  }

  /// Veilig Thuis: buurt × month, monthly exports with the previous month revised, one
  /// category (the file holds only domestic-violence reports).
  static func veiligThuis() -> AggregatedFormat {
    AggregatedFormat(
      source: .veiligThuisMeldingen, dialect: ExportDialect(delimiter: ";", lineEnding: "\r\n"),
      header: ["buurtcode", "periode", "aantal_meldingen"], level: .buurt,
      exportSchedule: .monthly, rowPeriod: .monthly, revisesPrevious: true,
      fileName: { "veiligthuis_\($0.label).csv" },
      render: { b, p, _, n, ctx, _ in
        [
          ctx.registry.buurten[b].code(in: ctx.exportYear).rawValue,
          "\(DateText.p2(p.number))-\(p.year)", "\(n)",
        ]
      })
  }

  /// Veiligheidshuis: wijk (by name) × quarter, tab-separated, quarterly.
  static func veiligheidshuis() -> AggregatedFormat {
    AggregatedFormat(
      source: .veiligheidshuisCasussen, dialect: ExportDialect(delimiter: "\t"),
      header: ["Kwartaal", "Wijk", "Thema", "Aantal nieuwe casussen"], level: .wijk,
      exportSchedule: .quarterly, rowPeriod: .quarterly, revisesPrevious: false,
      fileName: { "veiligheidshuis_\($0.label).tsv" },
      render: { w, p, code, n, ctx, rng in
        let wijk = ctx.registry.wijken[w]
        let own = wijk.aliases.filter { $0.source == SourceID.veiligheidshuisCasussen.rawValue }
        let name = !own.isEmpty && rng.chance(0.5) ? rng.pick(own).alias : wijk.name
        return [p.label, name, code, "\(n)"]
      })
  }
}

/// Writes all exports of an aggregated source. Counts are drawn once per area × period ×
/// category (final); the first delivery of a period that a later export revises shows
/// about 85 % of it (late registrations still to come).
struct AggregatedSourceWriter {
  let format: AggregatedFormat
  let generator: EventGenerator
  let seed: UInt64
  let directory: URL

  private var model: IntensityModel { generator.model }

  func write(counter: TruthCounter) throws -> [ManifestEntry] {
    let timeline = model.timeline
    let exports = format.exportSchedule.periods(timeline)
    let rowPeriods = format.rowPeriod.periods(timeline)
    let cats = model.catalogue.categories(of: format.source)
    let registry = model.registry
    let areaCount = format.level == .buurt ? registry.buurten.count : registry.wijken.count
    func buurten(_ a: Int) -> [Int] { format.level == .buurt ? [a] : registry.wijken[a].buurten }
    // Final counts, per row period, area, category.
    var finals: [[[Int]]] = []
    for (pi, p) in rowPeriods.enumerated() {
      var perArea: [[Int]] = []
      for a in 0..<areaCount {
        var counts: [Int] = []
        for c in cats {
          let n = generator.aggregate(c, buurten: buurten(a), days: p.days, stream: [a, pi])
          if format.level == .buurt {
            counter.observe(category: c.index, buurt: a, days: p.days, count: n)
          }
          counts.append(n)
        }
        perArea.append(counts)
      }
      finals.append(perArea)
    }
    var manifest: [ManifestEntry] = []
    let sourceIndex = format.source.ordinal
    for (e, x) in exports.enumerated() {
      let previous = e > 0 && format.revisesPrevious ? exports[e - 1].days : x.days
      let covered = previous.lowerBound..<x.days.upperBound
      let isLast = e == exports.count - 1
      var csv = CSVText(format.dialect)
      csv.row(format.header)
      var rows = 0
      let ctx = RenderContext(model: model, exportYear: x.year)
      var rng = SeededRandom(seed: seed, stream: 4_000, sourceIndex, e)
      for (pi, p) in rowPeriods.enumerated() where covered.contains(p.days.lowerBound) {
        let preliminary = format.revisesPrevious && !isLast && x.days.contains(p.days.lowerBound)
        for a in 0..<areaCount {
          for (ci, c) in cats.enumerated() {
            var n = finals[pi][a][ci]
            if preliminary { n = rng.binomial(n, 0.85) }
            csv.row(format.render(a, p, c.code, n, ctx, &rng))
            rows += 1
          }
        }
      }
      let name = format.fileName(x)
      try Data(csv.bytes).write(to: directory.appendingPathComponent(name))
      manifest.append(
        ManifestEntry(
          file: name, source: format.source, period: x.label, rows: rows, unknownArea: 0,
          impossibleDate: 0, ragged: 0, expected: .apply,
          note: format.revisesPrevious && e > 0 ? "revises \(exports[e - 1].label)" : ""))
    }
    return manifest
  }
}
