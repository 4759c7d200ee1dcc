import Foundation
import SafetyCore

/// Writes all exports of one record-level source, streaming: events are generated week by
/// week and dropped once no later export can hold them.
///
/// Export *e* holds the events registered in its own period, those registered in the last
/// `overlapDays` before it (or the whole previous period), and events of the previous
/// period that were reclassified. An event first delivered under a preliminary code shows
/// its final code in the next export (latest wins).
struct RecordSourceWriter {
  let format: RecordFormat
  let generator: EventGenerator
  let seed: UInt64
  let directory: URL
  let anomalies: Anomalies

  private var model: IntensityModel { generator.model }

  func write(counter: TruthCounter) throws -> [ManifestEntry] {
    let timeline = model.timeline
    let periods = format.schedule.periods(timeline)
    var manifest: [ManifestEntry] = []
    var buffer: [Event] = []
    var nextWeek = 0
    var serial: Int64 = 1
    var defectSerial: Int64 = 9_000_000
    let sourceIndex = format.source.ordinal
    for (e, p) in periods.enumerated() {
      while nextWeek < timeline.weekCount, timeline.mondayDay(nextWeek) < p.days.upperBound {
        let events = generator.week(format.source, nextWeek, serialStart: serial)
        serial += Int64(events.count)
        for ev in events { counter.observe(ev) }
        buffer += events
        nextWeek += 1
      }
      let previous = e > 0 ? periods[e - 1].days : p.days
      let lower = format.overlapDays.map { p.days.lowerBound - $0 } ?? previous.lowerBound
      let isLast = e == periods.count - 1
      var selected = buffer.filter {
        let r = $0.registrationDay
        return (r >= lower && r < p.days.upperBound)
          || ($0.mutated && e > 0 && previous.contains(r))
      }
      selected.sort { ($0.registrationDay, $0.serial) < ($1.registrationDay, $1.serial) }
      let ctx = RenderContext(model: model, exportYear: p.year)
      var rows: [[String]] = selected.map { ev in
        let c = model.catalogue.categories[Int(ev.category)]
        let first = p.days.contains(ev.registrationDay)
        if ev.mutated, first, !isLast, let pre = c.preliminary {
          return format.render(ev, pre.code, pre.label, ctx)
        }
        return format.render(ev, c.code, c.label, ctx)
      }
      var rng = SeededRandom(seed: seed, stream: 3_000, sourceIndex, e)
      var entry = ManifestEntry(
        file: format.fileName(p), source: format.source, period: p.label, rows: 0,
        unknownArea: 0, impossibleDate: 0, ragged: 0, expected: .apply, note: "")
      addDefects(to: &rows, events: selected, ctx: ctx, serial: &defectSerial, &rng, &entry)
      entry.rows = rows.count
      var csv = CSVText(format.dialect)
      csv.row(format.columns.map(\.name))
      for r in rows { csv.row(r) }
      manifest += try save(csv, rows: rows, entry: entry, &rng)
      buffer.removeAll { $0.registrationDay < p.days.lowerBound }
    }
    return manifest
  }

  /// Adds broken rows at low rates (about 0.55 % of rows, never more than 2 %): unknown
  /// areas (a valid-looking code or name the registry lacks), impossible dates (31 April,
  /// month 13 ...) and ragged rows (the last two fields missing). Each is an extra row
  /// with its own key, so the true counts are untouched.
  private func addDefects(
    to rows: inout [[String]], events: [Event], ctx: RenderContext, serial: inout Int64,
    _ rng: inout SeededRandom, _ entry: inout ManifestEntry
  ) {
    guard !events.isEmpty else { return }
    let cap = Int(Double(rows.count) * 0.02)
    let k = min(rng.poisson(Double(rows.count) * 0.0055), cap)
    guard k > 0, let dateColumn = format.index(of: .date),
      let areaColumn = format.index(of: .area)
    else { return }
    for _ in 0..<k {
      var template = rng.pick(events)
      template.serial = serial
      template.mutated = false
      serial += 1
      let c = model.catalogue.categories[Int(template.category)]
      var fields = format.render(template, c.code, c.label, ctx)
      switch rng.pick(weights: [0.55, 0.27, 0.18]) {
      case 0:
        fields[areaColumn] = format.unknownArea(Int(template.buurt), ctx, &rng)
        entry.unknownArea += 1
      case 1:
        fields[dateColumn] = format.impossibleDate(ctx.timeline.date(Int(template.day)).year, &rng)
        entry.impossibleDate += 1
      default:
        fields.removeLast(2)
        entry.ragged += 1
      }
      rows.insert(fields, at: rng.int(in: 0...rows.count))
    }
  }

  private func save(
    _ csv: CSVText, rows: [[String]], entry: ManifestEntry, _ rng: inout SeededRandom
  ) throws -> [ManifestEntry] {
    var entries: [ManifestEntry] = []
    let url = directory.appendingPathComponent(entry.file)
    if let broken = anomalies.broken, broken.source == format.source, broken.label == entry.period {
      let fixedName = entry.file.replacingOccurrences(of: ".csv", with: "_herzien.csv")
      try Data(csv.bytes).write(to: directory.appendingPathComponent(fixedName))
      try Data(truncated(csv, rows: rows)).write(to: url)
      var bad = entry
      bad.expected = .quarantine
      bad.note =
        "cut off inside a quoted field (unterminated quote at end of file); "
        + "re-delivered complete as \(fixedName)"
      var fixed = entry
      fixed.file = fixedName
      fixed.note = "complete re-delivery of \(entry.file)"
      entries += [bad, fixed]
    } else {
      try Data(csv.bytes).write(to: url)
      entries.append(entry)
    }
    if let dup = anomalies.duplicate, dup.source == format.source, dup.label == entry.period {
      let copyName = entry.file.replacingOccurrences(of: ".csv", with: " (kopie).csv")
      try Data(csv.bytes).write(to: directory.appendingPathComponent(copyName))
      var copy = entry
      copy.file = copyName
      copy.expected = .duplicate
      copy.note = "same bytes as \(entry.file), delivered again under another name"
      entries.append(copy)
    }
    return entries
  }

  /// The file cut off in the middle of the last (quoted, multi-character) field of a row
  /// about 60 % into the file.
  private func truncated(_ csv: CSVText, rows: [[String]]) -> [UInt8] {
    let offsets = csv.recordOffsets  // header first
    let start = min(max(1, Int(Double(rows.count) * 0.6)), rows.count)
    for k in start..<rows.count {
      guard let field = rows[k].last, field.count >= 10 else { continue }
      let next = k + 2 < offsets.count ? offsets[k + 2] : csv.bytes.count
      let fieldBytes = field.utf8.count
      var cut = next - format.dialect.lineEnding.utf8.count - 1 - fieldBytes / 2
      // Cut between characters, so the file is valid text that ends inside a quote.
      while cut > 0, csv.bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
      return Array(csv.bytes[..<cut])
    }
    return Array(csv.bytes[..<(csv.bytes.count * 3 / 5)])
  }
}
