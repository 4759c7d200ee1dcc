import Flagging
import Foundation
import ReportBuilder
import Reporting
import SafetyCore
import Store
import Testing

/// Disclosure control end to end: counts below the minimum cell are planted in every area,
/// category and period, the report is built and rendered in every format, and every output
/// is scanned for those numbers.
@Suite struct FigureContextTests {
  /// Distinctive counts below the minimum cell of 100: no two add up to less than 100,
  /// none is a day, week, month or a multiple of 5.
  static let planted: [Int64] = [59, 61, 67, 71, 73, 79, 83, 89, 97]

  static func plantedData() -> InMemoryReportData {
    var d = InMemoryReportData()
    let categories = [TestTown.inbraak, TestTown.geweld, TestTown.e38]
    var n = 0
    for year in 2019...2024 {
      for quarter in 1...4 {
        let week = Period.quarter(year: year, quarter: quarter).firstDay.adding(days: 14)
        for (a, code) in TestTown.buurten.enumerated() {
          for (c, category) in categories.enumerated() {
            // Each buurt and category in a different week of the quarter.
            let day = week.adding(days: 7 * ((a * 3 + c) % 9))
            d.add(
              category, area: code, period: .week(ISOWeek(containing: day)),
              count: planted[n % planted.count])
            n += 1
          }
        }
        for (i, wijk) in TestTown.wijken.enumerated() {
          let month = Period(containing: week, kind: .month).advanced(by: i)
          d.add(TestTown.risico, area: wijk, period: month, count: planted[n % planted.count])
          n += 1
        }
      }
    }
    d.ledger = TestTown.data().ledger
    // Flags whose evidence and stored series hold small counts too.
    func week(_ w: Int) -> Period { .week(ISOWeek(year: 2024, week: w)!) }
    let event = { (type: FlagEventType, w: Int) in
      ReportFlag.Event(type: type, week: week(w), severity: 55, band: .medium, kind: .spike)
    }
    d.storedFlags = [
      ReportFlag(
        id: "SPIKE", area: "BU99990101", areaLevel: .buurt, theme: "hic", firstSeen: week(30),
        signalWeeks: [week(30)], events: [event(.opened, 30)],
        signals: [
          ReportFlag.Signal(
            indicator: "inbraak", area: "BU99990101", partners: ["Politie"], firstSignal: week(30),
            peak: week(30), observed: 67, expected: 12.5, upperBound: 40.25, pValue: 0.001,
            index: 212.5)
        ], partners: ["Politie"]),
      ReportFlag(
        id: "CONV", area: "WK999902", areaLevel: .wijk, theme: "hic", firstSeen: week(2),
        signalWeeks: [week(2)], events: [event(.opened, 2)], signals: [],
        partners: ["Politie"],
        convergence: ReportFlag.Convergence(
          week: week(2), combinedPValue: 0.0001, observed: 73, expected: 20.5)),
    ]
    d.results["inbraak|BU99990101"] = (1...52).map { w in
      ReportDetectionPoint(
        period: week(w), observed: w % 3 != 0 ? 150 + w : Int(planted[w % planted.count]),
        expected: 120.5, upperBound: 180.5, alarm: false)
    }
    return d
  }

  static let pipeline = TestTown.pipelineText.replacingOccurrences(
    of: "disclosure: {minCell: 5, minPopulation: 100}",
    with: "disclosure: {minCell: 100, minPopulation: 100}")

  /// Whole-number tokens in `text` equal to a planted count (not part of a longer number,
  /// a code, a decimal or a percentage).
  static func plantedTokens(_ text: String) -> [String] {
    let alternatives = planted.map(String.init).joined(separator: "|")
    let regex = try! NSRegularExpression(
      pattern: "(?<![0-9A-Za-z.,])(\(alternatives))(?![0-9A-Za-z.,]| ?%)")
    let range = NSRange(text.startIndex..., in: text)
    return regex.matches(in: text, range: range).compactMap { m in
      Range(m.range, in: text).map { r in
        let from =
          text.index(r.lowerBound, offsetBy: -30, limitedBy: text.startIndex) ?? text.startIndex
        let to = text.index(r.upperBound, offsetBy: 30, limitedBy: text.endIndex) ?? text.endIndex
        return String(text[from..<to])
      }
    }
  }

  /// The text a reader sees of an output: HTML without its tags (SVG tooltips included),
  /// GeoJSON properties without coordinates, everything else as written.
  static func visibleText(_ name: String, _ bytes: [UInt8]) throws -> String {
    let text = String(decoding: bytes, as: UTF8.self)
    if name.hasSuffix(".html") {
      let noStyle = text.replacingOccurrences(
        of: "<style>[\\s\\S]*?</style>", with: " ", options: .regularExpression)
      return noStyle.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    }
    if name.hasSuffix(".geojson") {
      let root = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
      let features = root?["features"] as? [[String: Any]] ?? []
      return features.map { leaves($0["properties"] ?? "").joined(separator: "\n") }
        .joined(separator: "\n")
    }
    if name.hasSuffix(".json") {
      return leaves(try JSONSerialization.jsonObject(with: Data(bytes))).joined(separator: "\n")
    }
    return text
  }

  /// Every string and number of a JSON value, one per line.
  static func leaves(_ value: Any) -> [String] {
    switch value {
    case let a as [Any]: a.flatMap(leaves)
    case let o as [String: Any]: o.values.flatMap(leaves)
    case let s as String: [s]
    case let n as NSNumber: ["\(n)"]
    default: []
    }
  }

  static func render(_ report: SafetyReport) throws -> [(name: String, bytes: [UInt8])] {
    try ReportFormat.allCases.flatMap { try $0.files(report) }
  }

  @Test(arguments: ["2024Q3", "2024", "2024-08", "2024-W36"])
  func noOutputShowsACountBelowTheMinimumCell(period: String) throws {
    let report = try TestTown.build(
      period, data: Self.plantedData(), pipelineText: Self.pipeline)
    #expect(report.disclosure.minCell == 100)
    var scanned = 0
    for file in try Self.render(report) {
      let found = Self.plantedTokens(try Self.visibleText(file.name, file.bytes))
      #expect(found.isEmpty, "\(file.name): \(found.prefix(3))")
      scanned += 1
    }
    #expect(scanned == 11)
  }

  @Test func theScanFindsThePlantedCountsWhenNothingIsSuppressed() throws {
    // The same data with a minimum cell of 1: the planted counts show, and the scan sees them.
    let open = TestTown.pipelineText.replacingOccurrences(
      of: "disclosure: {minCell: 5, minPopulation: 100}",
      with: "disclosure: {minCell: 1, minPopulation: 100}")
    let report = try TestTown.build("2024Q3", data: Self.plantedData(), pipelineText: open)
    for file in try Self.render(report)
    where !file.name.contains("sources") && !file.name.contains("exports") {
      if file.name.hasSuffix("area-indicators.csv") || file.name.hasSuffix(".html")
        || file.name.hasSuffix(".json")
      {
        #expect(
          !Self.plantedTokens(try Self.visibleText(file.name, file.bytes)).isEmpty, "\(file.name)")
      }
    }
  }

  @Test func everyCountInTheJSONIsShownOrBelowTheMinimumAsText() throws {
    let report = try TestTown.build("2024Q3", data: Self.plantedData(), pipelineText: Self.pipeline)
    let json = try JSONReportRenderer(report).render()
    // Every "count" and "observed" member is a number >= 100 or the text "<100".
    let regex = try NSRegularExpression(pattern: "\"(count|observed)\" : (\"[^\"]*\"|[0-9]+|null)")
    let matches = regex.matches(in: json, range: NSRange(json.startIndex..., in: json))
    #expect(matches.count > 100)
    for m in matches {
      let value = String(json[Range(m.range(at: 2), in: json)!])
      if let n = Int(value) {
        #expect(n >= 100, "count \(n)")
      } else {
        #expect(value == "\"<100\"" || value == "null", "\(value)")
      }
    }
  }

  @Test func ratesAreSuppressedForSmallPopulations() throws {
    let report = try TestTown.build("2024")
    let dorp = try #require(report.area("BU99990202"))
    for t in dorp.themes {
      #expect(t.ratePerThousandInhabitants == .suppressedPopulation)
      #expect(t.index == .suppressedPopulation)
    }
    for i in dorp.indicators { #expect(i.rate == .suppressedPopulation) }
  }
}

extension FigureContextTests {
  @Test func theFlagChartWithSmallCountsIsScannedToo() throws {
    let report = try TestTown.build("2024Q3", data: Self.plantedData(), pipelineText: Self.pipeline)
    let chart = try #require(report.flags?.flags.first { $0.id == "SPIKE" }?.chart)
    #expect(chart.points.contains { $0.observed == .belowMinimum(100) })
    #expect(report.flags?.flags.first { $0.id == "CONV" }?.evidence.observed == .belowMinimum(100))
  }
}
