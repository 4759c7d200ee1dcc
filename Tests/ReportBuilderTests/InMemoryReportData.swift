import Foundation
import Normalise
import PipelineSpec
import ReportBuilder
import Reporting
import SafetyCore
import Store

/// A `ReportDataSource` in memory: counts per category, area and stored period, rolled up
/// to coarser periods the way the store does (a week into the month of its Thursday).
struct InMemoryReportData: ReportDataSource {
  var cells: [CategoryRef: [String: [Period: Int64]]] = [:]
  var ledger: [ReportExport] = []
  var duplicates: [String: Int] = [:]
  var storedFlags: [ReportFlag]?
  var results: [String: [ReportDetectionPoint]] = [:]

  mutating func add(_ category: CategoryRef, area: String, period: Period, count: Int64) {
    cells[category, default: [:]][area, default: [:]][period, default: 0] += count
  }

  func counts(of category: CategoryRef, kind: PeriodKind, from first: Period, through last: Period)
    throws -> [String: [Int64]]
  {
    var out: [String: [Int64]] = [:]
    let length = last.ordinal - first.ordinal + 1
    for (area, periods) in cells[category] ?? [:] {
      for (period, count) in periods {
        guard let rolled = period.rolled(to: kind) else { continue }
        let i = rolled.ordinal - first.ordinal
        guard i >= 0 && i < length else { continue }
        out[area, default: Array(repeating: 0, count: length)][i] += count
      }
    }
    return out
  }

  func exports() throws -> [ReportExport] { ledger }
  func duplicateDeliveries() throws -> [String: Int] { duplicates }
  func flags() throws -> [ReportFlag]? { storedFlags }
  func storedResults(indicator: String, area: String) throws -> [ReportDetectionPoint] {
    results["\(indicator)|\(area)"] ?? []
  }
}

/// A small town to build reports from: two wijken with two buurten each (one buurt with
/// only 50 inhabitants), a weekly police source per buurt and a monthly welfare source
/// per wijk.
enum TestTown {
  static let pipelineText = """
    version: 1
    name: testtown
    title: Teststad monitor
    municipality: GM9999
    synthetic: true
    areas: {registry: areas.csv}
    themes:
      hic: {name: Criminaliteit, nameEn: Crime}
      zorg: {name: Zorg, nameEn: Care}
    sources:
      politie:
        partner: Politie
        files: politie_*.csv
        key: nr
        date: {column: d, format: dd-MM-yyyy}
        area: {column: b}
        category: {column: c}
      welzijn:
        partner: Welzijn
        shape: aggregated
        files: welzijn_*.csv
        period: {column: m, kind: month}
        area: {column: w}
        category: {column: c}
        count: n
    indicators:
      inbraak: {name: Inbraak, nameEn: Burglary, theme: hic, from: {politie: ["1.1.1"]}, unit: per1000Dwellings}
      geweld: {name: Geweld, nameEn: Violence, theme: hic, from: {politie: ["1.4.1"]}, unit: per1000Inhabitants}
      jeugd:
        name: Jeugd
        theme: zorg
        from: {politie: [E38], welzijn: [Risicojongeren]}
        unit: per1000Inhabitants
        period: month
        level: wijk
        detection: {w: 2, pastWeeksNotIncluded: 6, noPeriods: 4, limit54: [3, 2]}
    detection:
      default: {method: farringtonFlexible, b: 4, w: 3, alpha: 0.01}
    disclosure: {minCell: 5, minPopulation: 100}
    """

  static let buurten = ["BU99990101", "BU99990102", "BU99990201", "BU99990202"]
  static let wijken = ["WK999901", "WK999902"]
  static let inhabitants = [
    "BU99990101": 2000, "BU99990102": 1500, "BU99990201": 3000, "BU99990202": 50,
  ]

  static func pipeline(_ text: String = pipelineText) throws -> LoadedPipeline {
    try LoadedPipeline.parse(text, file: "/tmp/testtown/test.yaml")
  }

  static func registry(names: [String: String] = [:]) -> AreaRegistry {
    let p = SourcePosition(file: "areas.csv", line: 1, column: 1)
    func name(_ code: String, _ fallback: String) -> String { names[code] ?? fallback }
    let areas = [
      ["GM9999", name("GM9999", "Teststad"), ""],
      ["WK999901", name("WK999901", "Centrum"), "GM9999"],
      ["BU99990101", name("BU99990101", "Markt"), "WK999901"],
      ["BU99990102", name("BU99990102", "Haven"), "WK999901"],
      ["WK999902", name("WK999902", "Noord"), "GM9999"],
      ["BU99990201", name("BU99990201", "Park"), "WK999902"],
      ["BU99990202", name("BU99990202", "Dorp"), "WK999902"],
    ]
    var population: [[String]] = []
    for year in 2019...2024 {
      var wijk: [String: Int] = [:]
      for (code, n) in inhabitants {
        population.append([code, "\(year)", "\(n)", "\(n / 2)", "\(n * 2 / 5)"])
        wijk[String("WK" + code.dropFirst(2).prefix(6)), default: 0] += n
      }
      for (code, n) in wijk {
        population.append([code, "\(year)", "\(n)", "\(n / 2)", "\(n * 2 / 5)"])
      }
      let total = inhabitants.values.reduce(0, +)
      population.append(["GM9999", "\(year)", "\(total)", "\(total / 2)", "\(total * 2 / 5)"])
    }
    return AreaRegistry(
      areas: areas.map { AreaRegistry.Row($0, at: p) },
      population: population.map { AreaRegistry.Row($0, at: p) })
  }

  static let inbraak = CategoryRef(source: "politie", name: "1.1.1")
  static let geweld = CategoryRef(source: "politie", name: "1.4.1")
  static let e38 = CategoryRef(source: "politie", name: "e38")
  static let risico = CategoryRef(source: "welzijn", name: "risicojongeren")

  /// Deterministic weekly counts per buurt (2019-W01 … 2024-W52) and monthly counts per
  /// wijk, the unknown bucket included, with a ledger covering them.
  static func data(through lastWeek: ISOWeek = ISOWeek(year: 2024, week: 52)!) -> InMemoryReportData
  {
    var d = InMemoryReportData()
    let first = ISOWeek(year: 2019, week: 1)!
    for w in first.index...lastWeek.index {
      let week = Period(kind: .week, ordinal: w)
      for (a, code) in buurten.enumerated() {
        d.add(inbraak, area: code, period: week, count: Int64((w * 7 + a * 3) % 5))
        d.add(geweld, area: code, period: week, count: Int64((w * 5 + a) % 7 + (a == 0 ? 3 : 0)))
        d.add(e38, area: code, period: week, count: Int64((w + a) % 3))
      }
      d.add(inbraak, area: "?", period: week, count: 1)
    }
    let lastMonth = Period(containing: lastWeek.thursday, kind: .month)
    for m in Period.month(year: 2019, month: 1).ordinal...lastMonth.ordinal {
      for (i, code) in wijken.enumerated() {
        d.add(
          risico, area: code, period: Period(kind: .month, ordinal: m),
          count: Int64(4 + (m + i) % 6))
      }
    }
    d.ledger = [
      ReportExport(
        source: "politie", name: "politie_all.csv", contentHash: "aaaa",
        receivedAt: "2025-01-01T06:00:00Z",
        status: .applied, rowsOk: 1000, rowsRejected: 2, rowsUnknownArea: 3,
        firstPeriod: .week(first),
        lastPeriod: .week(lastWeek), reason: nil),
      ReportExport(
        source: "welzijn", name: "welzijn_all.csv", contentHash: "bbbb",
        receivedAt: "2025-01-01T06:00:00Z",
        status: .applied, rowsOk: 100, rowsRejected: 0, rowsUnknownArea: 0,
        firstPeriod: .month(year: 2019, month: 1), lastPeriod: lastMonth, reason: nil),
      ReportExport(
        source: "politie", name: "politie_kapot.csv", contentHash: "cccc",
        receivedAt: "2025-01-01T06:00:00Z",
        status: .quarantined, rowsOk: 0, rowsRejected: 0, rowsUnknownArea: 0, firstPeriod: nil,
        lastPeriod: nil, reason: "politie_kapot.csv:3:1: error: unterminated quote"),
    ]
    d.duplicates = ["politie": 1]
    return d
  }

  static func build(
    _ period: String, compare: String? = nil, language: DisplayLanguage = .nl,
    data: InMemoryReportData = TestTown.data(), pipelineText: String = TestTown.pipelineText,
    names: [String: String] = [:]
  ) throws -> SafetyReport {
    guard case .success(let (p, c)) = ReportRequest.periods(period: period, compare: compare) else {
      throw ReportRequestError("bad period \(period)")
    }
    let request = ReportRequest(
      period: p, compare: c, language: language, runDate: CivilDate(year: 2024, month: 12, day: 31)!
    )
    return try ReportBuilder(
      pipeline: try pipeline(pipelineText), registry: registry(names: names)
    ).build(request, from: data)
  }

  /// The raw sum of a category over `areas` for the weeks (or months) that roll up into
  /// `period`: the expectation tests compare the builder with.
  static func expected(
    _ category: CategoryRef, areas: [String], in period: Period, data: InMemoryReportData
  ) -> Int {
    var sum: Int64 = 0
    for area in areas {
      for (p, count) in data.cells[category]?[area] ?? [:] where p.rolled(to: period.kind) == period
      {
        sum += count
      }
    }
    return Int(sum)
  }
}
