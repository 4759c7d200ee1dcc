import Foundation
import ReportBuilder
import Reporting
import SafetyCore
import Testing

@Suite struct ReportBuilderTests {
  let q3 = Period.quarter(year: 2024, quarter: 3)

  @Test func municipalFiguresAndComparisonsAreTheSumsOfTheRawCounts() throws {
    let data = TestTown.data()
    let report = try TestTown.build("2024Q3", data: data)
    #expect(report.kind == .periodic)
    #expect(report.comparisons.map(\.period.id) == ["2024Q2", "2023Q3"])
    #expect(report.comparisons.map(\.role) == [.previousPeriod, .sameLastYear])
    let hic = try #require(report.theme("hic"))
    let inbraak = try #require(hic.indicators.first { $0.id == "inbraak" })
    let now = TestTown.expected(TestTown.inbraak, areas: TestTown.buurten, in: q3, data: data)
    let then = TestTown.expected(
      TestTown.inbraak, areas: TestTown.buurten, in: q3.previousYear, data: data)
    #expect(inbraak.figures?.count == .exact(now))
    #expect(inbraak.figures?.compared[1].count == .exact(then))
    let change = try #require(inbraak.figures?.compared[1].change.number)
    #expect(abs(change - Double(now - then) / Double(then)) < 0.0001)
    // The unknown bucket counts in no area and not in the municipality.
    #expect(now > 0)
    // Theme total: both indicators' categories, each once.
    let geweld = TestTown.expected(TestTown.geweld, areas: TestTown.buurten, in: q3, data: data)
    #expect(hic.totals?.count == .exact(now + geweld))
    // Rate per 1,000 dwellings of the municipality (6,550 inhabitants, 3,275 dwellings).
    let rate = try #require(inbraak.rate.number)
    #expect(abs(rate - (Double(now) * 1000 / 3275 * 100).rounded() / 100) < 0.0001)
  }

  @Test func areaFiguresHaveTheIndexAgainstTheirLevel() throws {
    let data = TestTown.data()
    let report = try TestTown.build("2024Q3", data: data)
    let cats = [TestTown.inbraak, TestTown.geweld]
    func count(_ areas: [String]) -> Int {
      cats.map { TestTown.expected($0, areas: areas, in: q3, data: data) }.reduce(0, +)
    }
    let centrum = count(["BU99990101", "BU99990102"])
    let noord = count(["BU99990201", "BU99990202"])
    let municipalRate = Double(centrum + noord) / 6550
    let wijk = try #require(report.area("WK999901")?.theme("hic"))
    #expect(wijk.figures.count == .exact(centrum))
    let index = try #require(wijk.index.number)
    let expected = (Double(centrum) / 3500 / municipalRate * 1000).rounded() / 10
    #expect(abs(index - expected) < 0.0001)
    // A buurt of 50 inhabitants: count shown, rate and index not.
    let dorp = try #require(report.area("BU99990202")?.theme("hic"))
    #expect(dorp.ratePerThousandInhabitants == .suppressedPopulation)
    #expect(dorp.index == .suppressedPopulation)
    #expect(report.area("BU99990202")?.population?.inhabitants == 50)
  }

  @Test func smallCountsAndTheirChangesAreNeverExact() throws {
    var data = TestTown.data()
    // Markt has 1 violent crime in 2024Q3 and 3 in 2023Q3.
    data.cells[TestTown.geweld]?["BU99990101"] = [
      .week(ISOWeek(year: 2024, week: 30)!): 1, .week(ISOWeek(year: 2023, week: 30)!): 3,
    ]
    let report = try TestTown.build("2024Q3", data: data)
    let markt = try #require(report.area("BU99990101"))
    let geweld = try #require(markt.indicators.first { $0.indicator == "geweld" })
    #expect(geweld.figures.count == .belowMinimum(5))
    #expect(geweld.figures.compared[1].count == .belowMinimum(5))
    #expect(geweld.figures.compared[1].change == .suppressedCount)
    #expect(geweld.rate == .suppressedCount)
    #expect(geweld.index == .suppressedCount)
  }

  @Test func wijkOnlySourcesAreLeftOutOfBuurtFigures() throws {
    let report = try TestTown.build("2024Q3")
    let wijk = try #require(report.area("WK999901"))
    #expect(wijk.theme("zorg") != nil)
    #expect(wijk.indicators.contains { $0.indicator == "jeugd" })
    let buurt = try #require(report.area("BU99990101"))
    #expect(buurt.theme("zorg") == nil)
    #expect(!buurt.indicators.contains { $0.indicator == "jeugd" })
    #expect(report.theme("zorg")?.leftOutOfBuurten == ["jeugd"])
    #expect(report.theme("hic")?.leftOutOfBuurten == [])
  }

  @Test func monthlySourcesHaveNoWeeklyFigures() throws {
    let report = try TestTown.build("2024-W36")
    let jeugd = try #require(report.theme("zorg")?.indicators.first)
    #expect(jeugd.availability == .coarserThanPeriod(.month))
    #expect(jeugd.figures == nil)
    #expect(jeugd.chart?.kind == .month)
    #expect(report.theme("zorg")?.totals == nil)
  }

  @Test func dataEndingInsideThePeriodMakeItIncompleteAndChartsShowNoZeros() throws {
    let data = TestTown.data(through: ISOWeek(year: 2024, week: 33)!)
    let report = try TestTown.build("2024Q3", data: data)
    let inbraak = try #require(report.theme("hic")?.indicators.first)
    guard case .incomplete(let coverage) = inbraak.availability else {
      Issue.record("expected incomplete, got \(inbraak.availability)")
      return
    }
    #expect(coverage.last == CivilDate(year: 2024, month: 8, day: 25))
    let chart = try #require(inbraak.chart)
    #expect(chart.points.last?.period == .week(ISOWeek(year: 2024, week: 39)!))
    let after = chart.points.filter { $0.period > .week(ISOWeek(year: 2024, week: 34)!) }
    #expect(!after.isEmpty && after.allSatisfy { $0.observed == nil })
  }

  @Test func chartsEndWithTheLastWeekOfThePeriodAndCarryTheDetectorsBand() throws {
    let report = try TestTown.build("2024Q3")
    let inbraak = try #require(report.theme("hic")?.indicators.first)
    let chart = try #require(inbraak.chart)
    #expect(chart.kind == .week)
    #expect(chart.points.count == 104)
    // 2024-W39 (23–29 September) is the last week whose Thursday is in Q3.
    #expect(chart.points.last?.period == .week(ISOWeek(year: 2024, week: 39)!))
    #expect(chart.basis == .computed)
    #expect(chart.method == "farringtonFlexible")
    #expect(chart.points.contains { $0.upperBound != nil })
    #expect(chart.area == "GM9999")
  }

  @Test func theAnnualEvaluationComparesWithTheChosenYear() throws {
    let report = try TestTown.build("2024", compare: "2022")
    #expect(report.kind == .annualEvaluation)
    #expect(report.comparisons.map(\.period.id) == ["2023", "2022"])
    #expect(report.comparisons.map(\.role) == [.previousPeriod, .chosen])
    let same = try TestTown.build("2024", compare: "2023")
    #expect(same.comparisons.map(\.period.id) == ["2023"])
    #expect(same.comparisons.map(\.role) == [.chosen])
    #expect(ReportFormat.baseName(same) == "report-2024-vs-2023")
  }

  @Test func methodsListTheExportsQuarantineAndDetectors() throws {
    let report = try TestTown.build("2024Q3")
    let m = report.methods
    #expect(m.sources.map(\.id) == ["politie", "welzijn"])
    let politie = m.sources[0]
    #expect(politie.exportsUsed.map(\.name) == ["politie_all.csv"])
    #expect(politie.exportsApplied == 1 && politie.exportsQuarantined == 1)
    #expect(politie.duplicatesSkipped == 1)
    #expect(politie.rowsRejected == 2 && politie.rowsUnknownArea == 3)
    #expect(m.quarantined.map(\.name) == ["politie_kapot.csv"])
    #expect(m.detectors.count == 2)
    #expect(m.detectors[0].indicators == ["inbraak", "geweld"])
    #expect(m.detectors[1].indicators == ["jeugd"])
    let settings = Dictionary(
      uniqueKeysWithValues: m.detectors[1].settings.map { ($0.key, $0.value) })
    #expect(settings["w"] == "2")
    #expect(settings["b"] == "4")
    #expect(settings["alpha"] == "0.01")
    #expect(settings["limit54"] == "[3, 2]")
    #expect(settings["period"] == "month")
    // The window reaches back to the first chart point (three years of months).
    #expect(m.window.first == CivilDate(year: 2021, month: 10, day: 1))
    #expect(m.window.last == CivilDate(year: 2024, month: 9, day: 30))
  }

  @Test func namesFollowTheLanguage() throws {
    let en = try TestTown.build("2024Q3", language: .en)
    #expect(en.theme("hic")?.name == "Crime")
    #expect(en.theme("zorg")?.indicators.first?.name == "Jeugd")  // no nameEn: the Dutch one
    #expect(en.municipality == AreaRef(code: "GM9999", name: "Teststad"))
    #expect(en.syntheticData)
  }
}

/// Text from input (registry names, the pipeline's names and categories, file names,
/// quarantine reasons) can never become markup or a spreadsheet formula.
@Suite struct ReportEscapingTests {
  static let script = "<script>alert(1)</script>"

  @Test func markupAndFormulasFromInputStayText() throws {
    let pipeline = TestTown.pipelineText
      .replacingOccurrences(
        of: "title: Teststad monitor", with: "title: \"</style>\(Self.script)\""
      )
      .replacingOccurrences(
        of: "hic: {name: Criminaliteit, nameEn: Crime}",
        with: "hic: {name: \"<b onmouseover=x>Crim</b>\", nameEn: Crime}"
      )
      .replacingOccurrences(of: "partner: Politie", with: "partner: \"=HYPERLINK(\\\"x\\\")\"")
      .replacingOccurrences(
        of: "from: {politie: [\"1.1.1\"]}", with: "from: {politie: [\"1.1.1\", \"<img src=x>\"]}")
    var data = TestTown.data()
    data.ledger[2].name = "\(Self.script).csv"
    data.ledger[2].reason = "<iframe src=x>"
    let report = try TestTown.build(
      "2024Q3", data: data, pipelineText: pipeline,
      names: ["BU99990101": Self.script, "WK999901": "@SUM(A1)"])
    for format in ReportFormat.allCases {
      for file in try format.files(report) {
        let text = String(decoding: file.bytes, as: UTF8.self)
        for tag in ["<script", "<b ", "<img", "<iframe"] where format == .html || format == .md {
          #expect(!text.contains(tag), "\(file.name) contains \(tag)")
        }
        if format == .csv {
          for line in text.split(separator: "\r\n") {
            for cell in line.split(separator: ";") {
              let c = cell.hasPrefix("\"") ? cell.dropFirst() : cell
              #expect(!c.hasPrefix("=") && !c.hasPrefix("@"), "\(file.name): \(cell)")
            }
          }
        }
      }
    }
    let html = HTMLReportRenderer(report).render()
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("&lt;b onmouseover=x&gt;Crim&lt;/b&gt;"))
    #expect(html.contains("&lt;iframe src=x&gt;"))
    #expect(html.components(separatedBy: "</style>").count == 2)
  }
}
