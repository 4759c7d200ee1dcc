import Flagging
import ReportBuilder
import Reporting
import SafetyCore
import Testing

@Suite struct FlagReportBuilderTests {
  static func week(_ w: Int, _ y: Int = 2024) -> Period { .week(ISOWeek(year: y, week: w)!) }

  static func event(
    _ type: FlagEventType, _ w: Int, _ severity: Int = 50, _ kind: FlagKind = .spike
  )
    -> ReportFlag.Event
  {
    ReportFlag.Event(
      type: type, week: week(w), severity: severity, band: SeverityBand(score: severity), kind: kind
    )
  }

  static func flag(
    _ id: String, area: String = "BU99990101", level: AreaLevel = .buurt,
    events: [ReportFlag.Event],
    signals: [ReportFlag.Signal]? = nil, reviews: [ReportFlag.Review] = [],
    convergence: ReportFlag.Convergence? = nil
  ) -> ReportFlag {
    ReportFlag(
      id: id, area: area, areaLevel: level, theme: "hic", firstSeen: events[0].week,
      signalWeeks: events.filter { $0.type != .resolved }.map(\.week), events: events,
      signals: signals ?? [
        ReportFlag.Signal(
          indicator: "inbraak", area: area, partners: ["Politie"], firstSignal: events[0].week,
          peak: events[0].week, observed: 9, expected: 1.234, upperBound: 4.5, pValue: 0.0004)
      ], partners: ["Politie"], convergence: convergence, reviews: reviews)
  }

  static func data() -> InMemoryReportData {
    var d = TestTown.data()
    d.storedFlags = [
      // Raised in Q3 (week 30), escalated in Q3, resolved in Q4: open at the end of Q3.
      flag(
        "NEW",
        events: [event(.opened, 30), event(.escalated, 35, 70, .convergent), event(.resolved, 42)],
        reviews: [
          ReportFlag.Review(
            action: .acknowledged, note: "<script>x</script> wijkagent", author: "A. Analist",
            recordedAt: "2024-09-02T10:00:00Z")
        ]),
      // Raised in Q2, nothing in Q3: still open, ongoing.
      flag("OLD", area: "WK999902", level: .wijk, events: [event(.opened, 20)]),
      // Raised and resolved in Q2: not in the Q3 report.
      flag("GONE", events: [event(.opened, 14), event(.resolved, 20)]),
      // Raised in Q4: not yet there at the end of Q3.
      flag("LATE", events: [event(.opened, 41)]),
      // Raised in Q2, resolved in Q3.
      flag(
        "DONE", area: "BU99990201",
        events: [event(.opened, 22), event(.deescalated, 27, 30), event(.resolved, 33)],
        signals: [
          ReportFlag.Signal(
            indicator: "geweld", area: "BU99990201", partners: ["Politie"], firstSignal: week(22),
            peak: week(22), observed: 3, expected: 0.5, index: 180)
        ]),
    ]
    d.results["inbraak|BU99990101"] =
      (1...39).map { w in
        ReportDetectionPoint(
          period: week(w), observed: w == 30 ? 12 : 5 + w % 3, expected: 5.5, upperBound: 9.25,
          alarm: w == 30)
      } + [
        ReportDetectionPoint(
          period: week(40), observed: 20, expected: 5, upperBound: 9, alarm: true)
      ]
    return d
  }

  @Test func flagsStandAsTheyDidAtTheEndOfThePeriod() throws {
    let report = try TestTown.build("2024Q3", data: Self.data())
    let flags = try #require(report.flags)
    #expect(flags.flags.map(\.id) == ["NEW", "OLD", "DONE"])
    let new = flags.flags[0]
    #expect(new.status == .escalated)
    #expect(new.raisedInPeriod && new.escalatedInPeriod)
    #expect(new.kind == .convergent)
    #expect(new.severity == 70 && new.band == .high)
    #expect(new.lastSeen == Self.week(35))
    #expect(new.wijk == AreaRef(code: "WK999901", name: "Centrum"))
    #expect(flags.new.map(\.id) == ["NEW"])
    #expect(flags.stillOpen.map(\.id) == ["OLD"])
    #expect(flags.flags[1].status == .ongoing)
    #expect(flags.resolved.map(\.id) == ["DONE"])
    // The same flags a quarter later: NEW resolved in Q4, LATE new, DONE gone.
    let q4 = try #require(try TestTown.build("2024Q4", data: Self.data()).flags)
    #expect(Set(q4.flags.map(\.id)) == ["NEW", "OLD", "LATE"])
    #expect(q4.flags.first { $0.id == "NEW" }?.status == .resolved)
  }

  @Test func evidenceNotesAndChartComeFromTheStore() throws {
    let report = try TestTown.build("2024Q3", data: Self.data())
    let new = try #require(report.flags?.flags.first)
    #expect(new.evidence.indicators == [NamedRef(id: "inbraak", name: "Inbraak")])
    #expect(new.evidence.observed == .exact(9))
    #expect(new.evidence.expected == 1.23)
    #expect(new.evidence.upperBound == 4.5)
    #expect(new.review == .acknowledged)
    #expect(new.notes.map(\.note) == ["<script>x</script> wijkagent"])
    // The stored results up to the end of Q3 (week 40 is in Q4).
    let chart = try #require(new.chart)
    #expect(chart.basis == .stored)
    #expect(chart.points.last?.period == Self.week(39))
    #expect(chart.points.first { $0.period == Self.week(30) }?.alarm == true)
    // A small count behind a flag is never exact, and an index over it is not shown.
    let done = try #require(report.flags?.flags.first { $0.id == "DONE" })
    #expect(done.evidence.observed == .belowMinimum(5))
    #expect(done.evidence.index == .suppressedCount)
    #expect(done.chart == nil)
    let html = HTMLReportRenderer(report).render()
    #expect(!html.contains("<script>x"))
    #expect(html.contains("&lt;script&gt;x&lt;/script&gt; wijkagent"))
  }

  @Test func wijkenCountTheOpenFlagsOfTheirBuurten() throws {
    let report = try TestTown.build("2024Q3", data: Self.data())
    #expect(report.area("BU99990101")?.flags.open == 1)
    #expect(report.area("BU99990101")?.flags.status == .escalated)
    #expect(report.area("WK999901")?.flags.open == 1)
    #expect(report.area("WK999902")?.flags.open == 1)  // its own; DONE was resolved
    #expect(report.area("WK999902")?.flags.status == .ongoing)
    #expect(report.area("BU99990201")?.flags.open == 0)
  }

  @Test func theAnnualEvaluationListsTheYearsFlags() throws {
    let report = try TestTown.build("2024", compare: "2023", data: Self.data())
    let flags = try #require(report.flags)
    #expect(Set(flags.new.map(\.id)) == ["NEW", "OLD", "GONE", "LATE", "DONE"])
    #expect(flags.flags.first { $0.id == "GONE" }?.status == .resolved)
    let html = HTMLReportRenderer(report).render()
    #expect(html.contains("Signalen in 2024 en wat ermee gebeurde"))
  }

  @Test func noFlagsWithoutADetectionRun() throws {
    let report = try TestTown.build("2024Q3")
    #expect(report.flags == nil)
    #expect(!HTMLReportRenderer(report).render().contains("<section id=\"flags\""))
  }
}
