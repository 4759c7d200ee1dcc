import FixtureGen
import Foundation
import PipelineSpec
import SafetyCore

/// An independent, minimal reading of a generated data set through the pipeline file's
/// declarations (dialects, columns, date and period formats, area codes, names, aliases,
/// crosswalk; records deduplicated by key, latest file wins; aggregates replaced by the
/// latest file). The tests use it to show that what the generator claims in its truth file
/// is recoverable from the exports exactly as the pipeline describes them.
struct Recount {
  struct Record {
    var category: String
    var area: String
    var date: CivilDate
  }

  var records: [String: [String: Record]] = [:]  // source → key → record
  var aggregates: [String: [String: Int]] = [:]  // source → "area|period|category" → count
  var rejected: [String: Int] = [:]
  var unknownArea: [String: Int] = [:]

  init(folder: URL, pipeline: Pipeline) throws {
    let areas = try CSVRead.table(folder.appendingPathComponent("areas.csv"))
    let known = Set(areas.map { $0["code"]! })
    var names: [String: String] = [:]
    for a in areas { names[Recount.fold(a["name"]!)] = a["code"]! }
    var aliases: [String: [String: String]] = [:]  // source ("" = all) → alias → code
    for a in try CSVRead.table(folder.appendingPathComponent("aliases.csv")) {
      aliases[a["source"] ?? "", default: [:]][Recount.fold(a["alias"]!)] = a["code"]!
    }
    var crosswalk: [String: String] = [:]
    for c in try CSVRead.table(folder.appendingPathComponent("crosswalk.csv")) {
      crosswalk[c["oldCode"]!] = c["newCode"]!
    }
    let manifest = try CSVRead.table(folder.appendingPathComponent("manifest.csv"))
    let skip = Set(manifest.filter { $0["expected"] != "apply" }.map { $0["file"]! })
    let files = try FileManager.default.contentsOfDirectory(
      atPath: folder.appendingPathComponent("exports").path
    ).sorted()

    for (id, source) in pipeline.sources {
      let dialect = source.dialect
      let delimiter: Character =
        dialect?.delimiter == "\t" ? "\t" : Character(dialect?.delimiter ?? ";")
      for file in files where globMatch(source.files, file) && !skip.contains(file) {
        let rows = try CSVRead.read(
          folder.appendingPathComponent("exports/" + file), encoding: dialect?.encoding ?? "utf-8",
          delimiter: delimiter)
        let header = rows[0].map(normalisedColumn)
        func col(_ name: String?) -> Int? {
          name.flatMap { header.firstIndex(of: normalisedColumn($0)) }
        }
        let areaCol = col(source.area.column)!
        for row in rows.dropFirst() {
          guard row.count == header.count else {
            rejected[id, default: 0] += 1
            continue
          }
          let rawArea = String(row[areaCol].trimmingSpaces())
          var code: String?
          if source.area.match == .name {
            code =
              aliases[id]?[Recount.fold(rawArea)] ?? aliases[""]?[Recount.fold(rawArea)]
              ?? names[Recount.fold(rawArea)]
          } else if let c = AreaCode(rawArea) {
            code = crosswalk[c.rawValue] ?? c.rawValue
          }
          let category =
            source.category?.value ?? String(row[col(source.category?.column)!].trimmingSpaces())
          if let dateSpec = source.date, let key = source.key {
            guard let date = Recount.parseDate(row[col(dateSpec.column)!], dateSpec.format) else {
              rejected[id, default: 0] += 1
              continue
            }
            guard let c = code, known.contains(c) else {
              unknownArea[id, default: 0] += 1
              continue
            }
            records[id, default: [:]][row[col(key)!]] = Record(
              category: category, area: c, date: date)
          } else if let period = source.period, let countCol = col(source.count) {
            guard let p = Recount.parsePeriod(row[col(period.column)!], period.format),
              let n = Int(row[countCol])
            else {
              rejected[id, default: 0] += 1
              continue
            }
            guard let c = code, known.contains(c) else {
              unknownArea[id, default: 0] += 1
              continue
            }
            aggregates[id, default: [:]]["\(c)|\(p)|\(category)"] = n
          }
        }
      }
    }
  }

  static func fold(_ s: String) -> String { String(s.trimmingSpaces()).lowercased() }

  /// Records of `source` in `categories` for `area` with a date in `days`.
  func count(_ source: String, _ categories: [String], area: String, from: CivilDate, to: CivilDate)
    -> Int
  {
    let cats = Set(categories.map { $0.lowercased() })
    return (records[source] ?? [:]).values.reduce(0) {
      $0
        + ($1.area == area && cats.contains($1.category.lowercased()) && $1.date >= from
          && $1.date <= to ? 1 : 0)
    }
  }

  /// Aggregated counts of `source` for `area` for monthly periods in [from, to].
  func monthly(_ source: String, _ categories: [String], area: String, months: [Period]) -> Int {
    var total = 0
    for m in months {
      for c in categories { total += aggregates[source]?["\(area)|\(m)|\(c)"] ?? 0 }
    }
    return total
  }

  static func parseDate(_ text: String, _ format: String) -> CivilDate? {
    let t = String(text.trimmingSpaces())
    func ints(_ s: some StringProtocol, _ sep: Character) -> [Int]? {
      let parts = s.split(separator: sep, omittingEmptySubsequences: false)
      let v = parts.compactMap { Int($0) }
      return v.count == parts.count ? v : nil
    }
    switch format {
    case "dd-MM-yyyy", "d-M-yyyy":
      guard let v = ints(t, "-"), v.count == 3 else { return nil }
      return CivilDate(year: v[2], month: v[1], day: v[0])
    case "dd/MM/yyyy":
      guard let v = ints(t, "/"), v.count == 3 else { return nil }
      return CivilDate(year: v[2], month: v[1], day: v[0])
    case "yyyy-MM-dd":
      return CivilDate(iso: t)
    case "yyyy-MM-dd HH:mm":
      return CivilDate(iso: t.prefix(10))
    case "iso8601":
      // yyyy-MM-ddTHH:mm:ssZ → Europe/Amsterdam date.
      guard t.hasSuffix("Z"), let day = CivilDate(iso: t.prefix(10)),
        let h = Int(t.dropFirst(11).prefix(2)), let m = Int(t.dropFirst(14).prefix(2))
      else { return nil }
      let utcMinute = h * 60 + m
      // Summer time from the last Sunday of March 01:00 UTC to that of October 01:00 UTC.
      func lastSunday(_ month: Int) -> Int {
        let last = CivilDate(year: day.year, month: month, day: 31)!
        return last.day - (last.isoWeekday % 7)
      }
      let md = day.month * 100 + day.day
      let start = 300 + lastSunday(3)
      let end = 1000 + lastSunday(10)
      let summer =
        (md > start && md < end) || (md == start && utcMinute >= 60)
        || (md == end && utcMinute < 60)
      let local = utcMinute + (summer ? 120 : 60)
      return local >= 1_440 ? day.adding(days: 1) : day
    default:
      return nil
    }
  }

  static func parsePeriod(_ text: String, _ format: String?) -> Period? {
    let t = String(text.trimmingSpaces())
    switch format {
    case "yyyyMM":
      guard t.count == 6, let y = Int(t.prefix(4)), let m = Int(t.suffix(2)), (1...12).contains(m)
      else { return nil }
      return .month(year: y, month: m)
    case "MM-yyyy":
      let parts = t.split(separator: "-")
      guard parts.count == 2, let m = Int(parts[0]), let y = Int(parts[1]), (1...12).contains(m)
      else { return nil }
      return .month(year: y, month: m)
    default:
      return Period(parsing: t)
    }
  }
}
