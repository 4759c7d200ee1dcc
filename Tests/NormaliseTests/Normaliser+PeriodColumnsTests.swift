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
