import Flagging
import Normalise
import PipelineSpec
import Reporting
import SafetyCore
import Store

/// The flags of the report's period, as they stood at its end: replays each stored flag's
/// events up to the period's last week (a week belongs to the period of its Thursday), so a
/// report for an earlier period shows that period's state, not today's. Analysts' reviews
/// and notes are all shown (they are what is known about the flag now).
struct FlagReportBuilder {
  let builder: ReportBuilder
  let request: ReportRequest
  let policy: DisclosurePolicy

  /// Stored results shown per flag chart: a year of weeks, two of months.
  static let chartLength: [PeriodKind: Int] = [.week: 52, .month: 24, .quarter: 12, .year: 6]

  var period: Period { request.period }

  /// Where `week` (or any base period) falls against the report's period: -1 before,
  /// 0 in it, 1 after. Periods coarser than the report's count as in it when they overlap.
  func position(_ p: Period) -> Int {
    if let rolled = p.rolled(to: period.kind) {
      return rolled < period ? -1 : (rolled == period ? 0 : 1)
    }
    if p.lastDay < period.firstDay { return -1 }
    if p.firstDay > period.lastDay { return 1 }
    return 0
  }

  func build(_ flags: [ReportFlag], source: some ReportDataSource, language: DisplayLanguage)
    throws -> FlagReport
  {
    var items: [FlagItem] = []
    for flag in flags {
      guard let item = try item(flag, source: source, language: language) else { continue }
      items.append(item)
    }
    items.sort {
      ($0.status.urgency, $0.severity, $1.id) > ($1.status.urgency, $1.severity, $0.id)
    }
    return FlagReport(flags: items)
  }

  /// The flag as it stood at the end of the period; nil when it was not open during it.
  func item(_ flag: ReportFlag, source: some ReportDataSource, language: DisplayLanguage) throws
    -> FlagItem?
  {
    let known = flag.events.filter { position($0.week) <= 0 }
    guard let opened = known.first(where: { $0.type == .opened }), let last = known.last else {
      return nil
    }
    if last.type == .resolved && position(last.week) < 0 {
      return nil  // closed before the period began
    }
    let inPeriod = known.filter { position($0.week) == 0 }
    let raised = position(opened.week) == 0
    let escalated = inPeriod.contains { $0.type == .escalated }
    let status: FlagStatus
    switch last.type {
    case .resolved: status = .resolved
    case .opened: status = raised ? .new : .ongoing
    case .escalated: status = position(last.week) == 0 ? .escalated : .ongoing
    case .deescalated: status = position(last.week) == 0 ? .deescalated : .ongoing
    }
    let kind = known.map(\.kind).max() ?? last.kind
    let weeks = flag.signalWeeks.filter { position($0) <= 0 }
    let lastSeen = weeks.last ?? opened.week
    let registry = builder.registry
    func ref(_ code: String) -> AreaRef {
      guard let c = AreaCode(code), let i = registry.index(of: c), let area = registry.area(i)
      else { return AreaRef(code: code, name: code) }
      return AreaRef(code: code, name: area.name)
    }
    var wijk: AreaRef?
    if flag.areaLevel == .buurt, let c = AreaCode(flag.area), let i = registry.index(of: c),
      let area = registry.area(i), let parent = registry.area(area.parent)
    {
      wijk = AreaRef(code: parent.code.rawValue, name: parent.name)
    }
    let signals = flag.signals.filter { position($0.firstSignal) <= 0 }
    let evidence = evidence(
      flag, signals: signals.isEmpty ? flag.signals : signals, ref: ref, language: language)
    let chart = try chart(flag, signals: signals.isEmpty ? flag.signals : signals, source: source)
    return FlagItem(
      id: flag.id, area: ref(flag.area), areaLevel: flag.areaLevel, wijk: wijk, theme: flag.theme,
      kind: kind, status: status, severity: last.severity, band: last.band,
      firstSeen: flag.firstSeen, lastSeen: lastSeen, raisedInPeriod: raised,
      escalatedInPeriod: escalated, evidence: evidence,
      review: flag.reviews.last?.action,
      notes: flag.reviews.map {
        FlagNote(review: $0.action, note: $0.note, by: $0.author, at: $0.recordedAt)
      }, chart: chart)
  }

  /// The strongest signal: the smallest p-value, else the first.
  static func strongest(_ signals: [ReportFlag.Signal]) -> ReportFlag.Signal? {
    signals.min { ($0.pValue ?? 2, $0.indicator) < ($1.pValue ?? 2, $1.indicator) }
  }

  func evidence(
    _ flag: ReportFlag, signals: [ReportFlag.Signal], ref: (String) -> AreaRef,
    language: DisplayLanguage
  ) -> FlagEvidence {
    let indicators = signals.map(\.indicator).reduce(into: [String]()) {
      if !$0.contains($1) { $0.append($1) }
    }.map { id -> NamedRef in
      let spec = builder.pipeline.spec.indicators[id]
      return NamedRef(
        id: id, name: spec.map { ReportBuilder.name($0.name, $0.nameEn, language) } ?? id)
    }
    let partners =
      flag.partners.isEmpty
      ? signals.flatMap(\.partners).reduce(into: [String]()) {
        if !$0.contains($1) { $0.append($1) }
      }
      : flag.partners
    var e = FlagEvidence(
      indicators: indicators, partners: partners,
      neighbours: flag.members.filter { $0 != flag.area }.map(ref))
    if let c = flag.convergence, position(c.week) <= 0 {
      e.period = c.week
      e.observed = policy.count(c.observed)
      e.expected = ChartBuilder.rounded(c.expected)
      e.pValue = c.combinedPValue
    } else if let s = Self.strongest(signals) {
      e.period = s.peak
      e.observed = policy.count(s.observed)
      e.expected = s.expected.flatMap(ChartBuilder.rounded)
      e.upperBound = s.upperBound.flatMap(ChartBuilder.rounded)
      e.pValue = s.pValue
    }
    if let slope = signals.compactMap(\.slopePerYear).max() {
      e.trendSlope = (slope * 100).rounded() / 100
    }
    if let s = signals.first(where: { $0.index != nil }), let index = s.index {
      e.index = s.observed < policy.minCell ? .suppressedCount : .value(index).rounded(1)
    }
    return e
  }

  /// The strongest signal's series in its area from the stored detector results, ending
  /// with the report's period.
  func chart(_ flag: ReportFlag, signals: [ReportFlag.Signal], source: some ReportDataSource)
    throws -> ChartSeries?
  {
    guard let s = Self.strongest(signals) else { return nil }
    let rows = try source.storedResults(indicator: s.indicator, area: s.area)
      .filter { $0.period.kind == s.peak.kind && position($0.period) <= 0 }
    guard !rows.isEmpty else { return nil }
    let length = Self.chartLength[s.peak.kind] ?? 52
    let shown = rows.suffix(length)
    // A series whose counts are mostly below the minimum cell would be a flat line in the
    // suppressed band: the evidence says more than such a chart.
    let small = shown.filter { $0.observed < policy.minCell }.count
    guard small * 2 < shown.count else { return nil }
    let method = builder.pipeline.spec.indicators[s.indicator].map {
      builder.pipeline.detectorSettings(for: $0).method ?? .farringtonFlexible
    }
    return ChartSeries(
      area: s.area, kind: s.peak.kind, basis: .stored, method: method?.rawValue,
      points: shown.map { r in
        ChartPoint(
          period: r.period, observed: policy.count(r.observed),
          expected: r.expected.flatMap(ChartBuilder.rounded),
          upperBound: r.upperBound.flatMap(ChartBuilder.rounded), alarm: r.alarm)
      })
  }

  /// Per area: the flags open at the end of the period in it — for a wijk, also those of
  /// its buurten.
  static func summaries(_ report: FlagReport) -> [String: AreaFlagSummary] {
    var out: [String: AreaFlagSummary] = [:]
    for flag in report.flags where flag.status.isOpen {
      for code in [flag.area.code] + (flag.wijk.map { [$0.code] } ?? []) {
        var s = out[code] ?? .none
        s.open += 1
        if flag.raisedInPeriod { s.new += 1 }
        if flag.escalatedInPeriod { s.escalated += 1 }
        if (s.status?.urgency ?? -1) < flag.status.urgency { s.status = flag.status }
        if !s.themes.contains(flag.theme) { s.themes.append(flag.theme) }
        out[code] = s
      }
    }
    return out
  }
}
