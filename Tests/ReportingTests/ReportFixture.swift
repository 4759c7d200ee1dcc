import Flagging
import SafetyCore

@testable import Reporting

/// A complete report model written out by hand: two themes, two wijken with a buurt each,
/// charts, flags with notes, a quarantined export. `hostile` puts markup and formula text
/// in everything that comes from input.
enum ReportFixture {
  static let runDate = CivilDate(year: 2024, month: 10, day: 7)!

  static func report(
    language: DisplayLanguage = .nl, hostile: Bool = false, kind: ReportKind = .periodic
  ) -> SafetyReport {
    func name(_ plain: String) -> String {
      hostile ? "=cmd|' /C calc'!A0<script>alert('\(plain)')</script>" : plain
    }
    let period: Period = kind == .periodic ? .quarter(year: 2024, quarter: 3) : .year(2024)
    let comparisons: [ReportComparison] =
      kind == .periodic
      ? [
        ReportComparison(role: .previousPeriod, period: period.advanced(by: -1)),
        ReportComparison(role: .sameLastYear, period: period.previousYear),
      ] : [ReportComparison(role: .chosen, period: .year(2023))]
    func figures(_ now: Int, _ then: [Int], significant: Bool = false) -> Figures {
      let policy = DisclosurePolicy.standard
      return Figures(
        count: policy.count(now),
        compared: zip(comparisons, then).map { c, t in
          ComparedCount(
            period: c.period.period, count: policy.count(t),
            change: policy.change(from: t, to: now).rounded(4), significant: significant)
        })
    }
    let weeks = (0..<12).map { Period.week(ISOWeek(year: 2024, week: 28 + $0)!) }
    let chart = ChartSeries(
      area: "GM9999", kind: .week, basis: .computed, method: "farringtonFlexible",
      points: weeks.enumerated().map { i, w in
        ChartPoint(
          period: w, observed: i == 3 ? .belowMinimum(5) : .exact(6 + i % 4 + (i == 9 ? 9 : 0)),
          expected: 7.25, upperBound: 12.5, alarm: i == 9)
      })
    let burglary = IndicatorReport(
      id: "inbraak", name: name("Woninginbraak"), subtheme: nil, unit: .per1000Dwellings,
      basePeriod: .week, level: .buurt,
      sources: [
        SourceCategories(source: "politie", partner: name("Politie"), categories: [name("1.1.1")])
      ], availability: .complete, figures: figures(48, [30, 41], significant: true),
      rate: .value(1.56), chart: chart)
    let violence = IndicatorReport(
      id: "geweld", name: name("Geweld"), subtheme: nil, unit: .per1000Inhabitants,
      basePeriod: .week, level: .buurt,
      sources: [
        SourceCategories(source: "politie", partner: name("Politie"), categories: ["1.4.1"])
      ],
      availability: .incomplete(
        coverage: DayRange(
          first: CivilDate(year: 2019, month: 1, day: 1)!,
          last: CivilDate(year: 2024, month: 9, day: 15)!)),
      figures: figures(3, [7, 2]), rate: .suppressedCount, chart: nil)
    let care = IndicatorReport(
      id: "jeugd", name: name("Jeugd"), subtheme: "risicojeugd", unit: .per1000Inhabitants,
      basePeriod: .month, level: .wijk,
      sources: [
        SourceCategories(source: "welzijn", partner: "Welzijn", categories: ["Risicojongeren"])
      ],
      availability: .complete, figures: figures(12, [9, 15]), rate: .value(0.19), chart: nil)
    let themes = [
      ThemeReport(
        id: "hic", name: name("Criminaliteit"), subthemes: [], totals: figures(51, [37, 43]),
        ratePerThousandInhabitants: .value(0.8), indicators: [burglary, violence]),
      ThemeReport(
        id: "zorg", name: name("Zorg en veiligheid"),
        subthemes: [NamedRef(id: "risicojeugd", name: name("Risicojeugd"))],
        totals: figures(12, [9, 15]), ratePerThousandInhabitants: .value(0.19), indicators: [care],
        leftOutOfBuurten: ["jeugd"]),
    ]
    func area(
      _ code: String, _ areaName: String, _ level: AreaLevel, _ parent: String?, _ people: Int,
      _ counts: [Int], _ index: [DisclosedValue], flags: AreaFlagSummary = .none
    ) -> AreaReport {
      var themeFigures: [AreaThemeFigures] = []
      for (n, theme) in ["hic", "zorg"].enumerated() {
        let count = counts[n]
        let rate: DisclosedValue =
          index[n] == .suppressedPopulation
          ? .suppressedPopulation : (count < 5 ? .suppressedCount : .value(Double(count) * 0.3))
        themeFigures.append(
          AreaThemeFigures(
            theme: theme, figures: figures(count, [count + 2, count - 3]),
            ratePerThousandInhabitants: rate, index: index[n]))
      }
      let small = counts[0] < 5
      let burglary = AreaIndicatorFigures(
        indicator: "inbraak", figures: figures(counts[0], [counts[0] + 1, counts[0] + 4]),
        rate: small ? .suppressedCount : .value(2.4), index: small ? .suppressedCount : .value(131))
      let population = AreaPopulation(
        year: 2024, inhabitants: people, dwellings: people / 2, households: people * 2 / 5)
      return AreaReport(
        code: code, name: name(areaName), level: level, parent: parent, population: population,
        themes: themeFigures, indicators: [burglary], flags: flags)
    }
    let areas = [
      area(
        "WK999901", "Centrum", .wijk, "GM9999", 9590, [40, 9], [.value(164.2), .value(88)],
        flags: AreaFlagSummary(open: 2, new: 1, escalated: 1, status: .escalated, themes: ["hic"])),
      area("WK999902", "Noord", .wijk, "GM9999", 2130, [11, 3], [.value(71.5), .suppressedCount]),
      area(
        "BU99990101", "Markt", .buurt, "WK999901", 1505, [22, 5], [.value(212), .value(95)],
        flags: AreaFlagSummary(open: 1, new: 1, escalated: 0, status: .new, themes: ["hic"])),
      area(
        "BU99990201", "Dijkhaven-Industrie", .buurt, "WK999902", 15, [6, 0],
        [.suppressedPopulation, .suppressedPopulation]),
    ]
    let flags = FlagReport(flags: [
      FlagItem(
        id: "17", area: AreaRef(code: "BU99990101", name: name("Markt")), areaLevel: .buurt,
        wijk: AreaRef(code: "WK999901", name: name("Centrum")), theme: "hic", kind: .spike,
        status: .new, severity: 58, band: .medium, firstSeen: .week(ISOWeek(year: 2024, week: 37)!),
        lastSeen: .week(ISOWeek(year: 2024, week: 38)!), raisedInPeriod: true,
        escalatedInPeriod: false,
        evidence: FlagEvidence(
          indicators: [NamedRef(id: "inbraak", name: name("Woninginbraak"))],
          partners: [name("Politie")], period: .week(ISOWeek(year: 2024, week: 38)!),
          observed: .exact(9), expected: 1.25, upperBound: 4.75, pValue: 0.0004),
        review: .acknowledged,
        notes: [
          FlagNote(
            review: .acknowledged, note: name("Wijkagent ingelicht"), by: name("A. Analist"),
            at: "2024-09-20T09:12:00Z")
        ], chart: chart),
      FlagItem(
        id: "9", area: AreaRef(code: "WK999901", name: name("Centrum")), areaLevel: .wijk,
        wijk: nil, theme: "zorg", kind: .convergent, status: .escalated, severity: 71, band: .high,
        firstSeen: .month(year: 2024, month: 5), lastSeen: .month(year: 2024, month: 9),
        raisedInPeriod: false, escalatedInPeriod: true,
        evidence: FlagEvidence(
          indicators: [NamedRef(id: "jeugd", name: name("Jeugd"))],
          partners: ["Politie", "Welzijn"],
          period: .month(year: 2024, month: 9), observed: .belowMinimum(5), expected: 1.5,
          upperBound: 3.25),
        review: nil, notes: [], chart: nil),
      FlagItem(
        id: "4", area: AreaRef(code: "WK999902", name: name("Noord")), areaLevel: .wijk, wijk: nil,
        theme: "hic", kind: .rising, status: .ongoing, severity: 32, band: .low,
        firstSeen: .month(year: 2024, month: 2), lastSeen: .month(year: 2024, month: 8),
        raisedInPeriod: false, escalatedInPeriod: false,
        evidence: FlagEvidence(
          indicators: [NamedRef(id: "inbraak", name: name("Woninginbraak"))], partners: ["Politie"],
          trendSlope: 0.125),
        review: .dismissed,
        notes: [
          FlagNote(
            review: .dismissed, note: name("Seizoenseffect"), by: "B. Beleid",
            at: "2024-08-30T14:00:00Z")
        ], chart: nil),
    ])
    let methods = MethodsReport(
      window: DayRange(
        first: CivilDate(year: 2022, month: 10, day: 3)!,
        last: CivilDate(year: 2024, month: 9, day: 30)!),
      sources: [
        SourceUsage(
          id: "politie", partner: name("Politie"), shape: "records",
          coverage: DayRange(
            first: CivilDate(year: 2018, month: 12, day: 31)!,
            last: CivilDate(year: 2024, month: 9, day: 29)!),
          exportsUsed: [
            ExportRef(
              name: name("politie_2024-08.csv"), contentHash: "ab12",
              receivedAt: "2024-09-02T06:00:00Z",
              coverage: DayRange(
                first: CivilDate(year: 2024, month: 7, day: 22)!,
                last: CivilDate(year: 2024, month: 9, day: 1)!))
          ], exportsApplied: 70, exportsQuarantined: 1, duplicatesSkipped: 1, rowsOk: 15_000,
          rowsRejected: 26, rowsUnknownArea: 43)
      ],
      quarantined: [
        QuarantinedExport(
          source: "politie", name: name("politie_2023-06.csv"), receivedAt: "2023-07-03T06:00:00Z",
          reason: name("unterminated quote"))
      ],
      detectors: [
        DetectorUse(
          method: "farringtonFlexible",
          settings: [
            DetectorSetting(key: "b", value: "4"), DetectorSetting(key: "alpha", value: "0.01"),
          ],
          indicators: ["inbraak", "geweld"])
      ])
    var report = SafetyReport(
      kind: kind, language: language, pipeline: "testtown", title: name("Teststad monitor"),
      municipality: AreaRef(code: "GM9999", name: name("Teststad")), runDate: runDate,
      period: ReportPeriod(period), comparisons: comparisons, periodComplete: true,
      syntheticData: true, disclosure: .standard, themes: themes, areas: areas, flags: flags,
      methods: methods)
    let square: (Double, Double) -> GeoJSONGeometry = { x, y in
      .polygon([[[x, y], [x + 1000, y], [x + 1000, y + 1000], [x, y + 1000], [x, y]]])
    }
    report.boundaries = [
      "BU99990101": square(150_000, 535_000), "BU99990201": square(151_000, 535_000),
      "WK999901": square(150_000, 535_000), "WK999902": square(151_000, 535_000),
    ]
    report.boundaryCRS = .rdNew
    return report
  }
}
