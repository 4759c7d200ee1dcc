import PipelineSpec
import SafetyCore
import Testing

@testable import Normalise

/// Aggregated exports that write their period differently: the year and the week in two
/// columns, or each month as a day.
@Suite struct NormaliserPeriodColumnsTests {
  let registry = testRegistry()
  let runDate = CivilDate(year: 2024, month: 9, day: 30)!

  func normaliser(period: String, header: [String]) throws -> Normaliser {
    let text = """
      version: 1
      name: periodestad
      areas: {registry: areas.csv}
      themes: {orde: {name: Orde}}
      sources:
        politie:
          partner: Politie
          files: politie_*.csv
          period: \(period)
          area: {column: buurt}
          category: {value: overlast}
          count: aantal
      indicators:
        overlast: {name: Overlast, theme: orde, period: year, from: {politie: [overlast]}}
      """
    let pipeline = try LoadedPipeline.parse(text, file: "/tmp/periodestad.yaml")
    #expect(pipeline.validate().filter { $0.severity == .error }.isEmpty)
    let plan = try SourcePlan(id: "politie", in: pipeline)
    return Normaliser(
      plan: plan, registry: registry,
      columns: try plan.bind(header: header, file: "p.csv"), file: "p.csv", runDate: runDate,
      hasher: nil)
  }

  func week(_ w: Int, _ n: Int64) -> RowOutcome {
    .count(
      NormalisedCount(
        period: .week(ISOWeek(year: 2024, week: w)!), category: 0, area: 3, count: n))
  }

  @Test func yearAndWeekInTwoColumns() throws {
    var n = try normaliser(
      period: "{column: Week, yearColumn: Jaar, kind: week}",
      header: ["Jaar", "Week", "buurt", "aantal"])
    #expect(n.normalise(row("2024;36;BU99990101;4")) == week(36, 4))
    #expect(n.normalise(row(" 2024 ; 5 ;BU99990101;1")) == week(5, 1))
    #expect(n.normalise(row("2024;41;BU99990101;1")) == .rejected)  // after the run date
    #expect(n.normalise(row("2024;54;BU99990101;1", line: 6)) == .rejected)
    #expect(n.normalise(row("24;36;BU99990101;1")) == .rejected)
    #expect(n.diagnosticCounts == [.futureDate: 1, .typeError: 2])
    let d = try #require(n.diagnostics.first { $0.position?.line == 6 })
    #expect(d.position?.column == 11)  // the week's field
    #expect(d.message == "expected a week from the year and period columns (yyyy w)")
  }

  @Test func aYearColumnWithAQuarterFormat() throws {
    var n = try normaliser(
      period: "{column: Kwartaal, yearColumn: Jaar, kind: quarter, format: \"yyyy 'K'Q\"}",
      header: ["buurt", "Kwartaal", "aantal", "Jaar"])
    #expect(
      n.normalise(row("BU99990101;K2;7;2024"))
        == .count(
          NormalisedCount(period: .quarter(year: 2024, quarter: 2), category: 0, area: 3, count: 7)
        ))
  }

  @Test func monthsWrittenAsTheirFirstDay() throws {
    var n = try normaliser(
      period: "{column: maand, kind: month, format: yyyy-MM-dd}",
      header: ["maand", "buurt", "aantal"])
    #expect(
      n.normalise(row("2024-08-01;BU99990101;12"))
        == .count(
          NormalisedCount(period: .month(year: 2024, month: 8), category: 0, area: 3, count: 12)))
    #expect(n.normalise(row("2024-10-01;BU99990101;1")) == .rejected)
    #expect(n.normalise(row("2024-08;BU99990101;1")) == .rejected)
  }

  @Test func aYearColumnNeedsAPeriodThatIsNotAYear() throws {
    let text = """
      version: 1
      name: x
      areas: {registry: areas.csv}
      themes: {orde: {name: Orde}}
      sources:
        s:
          partner: P
          files: s_*.csv
          period: {column: Jaar, yearColumn: Jaar, kind: year}
          area: {column: buurt}
          category: {value: c}
          count: aantal
      indicators:
        i: {name: I, theme: orde, period: year, from: {s: [c]}}
      """
    let problems = try LoadedPipeline.parse(text, file: "x.yaml").validate()
    #expect(problems.map(\.message).contains("a year period needs no separate year column"))
  }
}

/// A spreadsheet with one column per month: `Wijk;Soort;jan 2024;feb 2024;...`.
@Suite struct NormaliserPeriodsInHeaderTests {
  static let text = """
    version: 1
    name: maandstad
    areas: {registry: areas.csv}
    themes: {zorg: {name: Zorg}}
    sources:
      welzijn:
        partner: Welzijn
        files: welzijn_*.csv
        period: {column: "*", kind: month, format: MMM yyyy}
        area: {column: Wijk, match: name}
        category: {column: Soort}
        missingCounts: ["", "-"]
    indicators:
      jeugd: {name: Jeugd, theme: zorg, period: month, from: {welzijn: [jeugd]}}
    """

  func normaliser(header: [String]) throws -> Normaliser {
    let pipeline = try LoadedPipeline.parse(Self.text, file: "/tmp/maandstad.yaml")
    #expect(pipeline.validate().filter { $0.severity == .error }.isEmpty)
    let plan = try SourcePlan(id: "welzijn", in: pipeline)
    return Normaliser(
      plan: plan, registry: testRegistry(),
      columns: try plan.bind(header: header, file: "w.csv"), file: "w.csv",
      runDate: CivilDate(year: 2024, month: 9, day: 30)!, hasher: nil)
  }

  func count(_ month: Int, _ n: Int64) -> NormalisedCount {
    NormalisedCount(period: .month(year: 2024, month: month), category: 0, area: 1, count: n)
  }

  @Test func everyMonthColumnCounts() throws {
    var n = try normaliser(
      header: ["Wijk", "Soort", "aug 2024", "Opmerking", "sep 2024", "okt 2024", "Totaal"])
    #expect(n.columns.periods.map(\.column) == [2, 4, 5])
    #expect(n.normalise(row("Centrum;Jeugd;3;x;4;;7")) == .counts([count(8, 3), count(9, 4)]))
    #expect(n.normalise(row("Centrum;Jeugd;-;x;2;0;2")) == .counts([count(9, 2)]))  // okt: 0
    #expect(n.normalise(row("Centrum;Jeugd;1;x;2;5;8", line: 5)) == .rejected)  // okt: 5
    #expect(n.normalise(row("Centrum;Jeugd;1;x;twee;;3")) == .rejected)
    #expect(n.diagnosticCounts == [.futureDate: 1, .typeError: 1])
    #expect(
      n.diagnostics.first?.message
        == "a figure for 2024-10, which starts after the run date 2024-09-30")
    #expect(n.categories == ["jeugd"] && n.stats.ok == 2)
  }

  @Test func aHeaderWithoutMonthsIsAMissingColumn() throws {
    #expect {
      try self.normaliser(header: ["Wijk", "Soort", "Aantal"])
    } throws: { error in
      (error as? Diagnostic)?.message
        == "no column of the header is named as a month (MMM yyyy) for source 'welzijn'"
    }
  }

  @Test func theCountsComeFromTheMonthColumnsOnly() throws {
    let text = Self.text.replacingOccurrences(
      of: "    missingCounts:", with: "    count: Aantal\n    missingCounts:")
    let messages = try LoadedPipeline.parse(text, file: "x.yaml").validate().map(\.message)
    #expect(
      messages.contains(
        "with `column: \"*\"` the period columns hold the counts; remove 'count'/'counts'"))
  }
}
