import Flagging
import Reporting
import SafetyCore
import Store

/// A flag in the API: what the overview's list shows, with links.
struct FlagJSON: Encodable {
  struct Ref: Encodable {
    var code: String
    var name: String
  }
  struct Named: Encodable {
    var id: String
    var name: String
  }
  struct Review: Encodable {
    var action: FlagReview
    var note: String
    var author: String
    var recordedAt: String
  }

  var id: String
  var href: String
  var area: Ref
  var wijk: Ref?
  var theme: Named
  var kind: FlagKind
  var kinds: [FlagKind]
  var family: String
  var status: FlagStatus
  var severity: Int
  var band: String
  var firstSeen: String
  var lastSeen: String
  var resolved: String?
  var indicators: [Named]
  var partners: [String]
  /// Areas of a cluster.
  var members: [String]
  /// The latest review.
  var review: Review?

  init(_ r: FlagRecord, names: DeskNames) {
    let f = r.flag
    id = f.id
    href = Links.flagPath(f.id)
    area = Ref(code: f.area, name: names.area(f.area))
    wijk = names.wijk(of: f.area).flatMap {
      $0 == f.area ? nil : Ref(code: $0, name: names.area($0))
    }
    theme = Named(id: f.theme, name: names.theme(f.theme))
    kind = f.kind
    kinds = f.kinds
    family = f.family.rawValue
    status = r.status
    severity = f.severity
    band = "\(f.band)"
    firstSeen = f.firstSeen.description
    lastSeen = f.lastSeen.description
    resolved = f.resolved?.description
    indicators = f.explanation.indicators.map { Named(id: $0, name: names.indicator($0)) }
    partners = f.explanation.partners
    members = f.explanation.members
    review = r.review.map {
      Review(action: $0.action, note: $0.note, author: $0.author, recordedAt: $0.recordedAt)
    }
  }
}

/// `/api/flags/{id}`: the flag with its evidence, history and every review.
struct FlagDetailJSON: Encodable {
  struct Evidence: Encodable {
    var indicator: String
    var area: String
    var kinds: [FlagKind]
    var partners: [String]
    var firstSignal: String
    var lastSignal: String
    var peak: String
    var periods: Int
    var observed: DisclosedCount
    var expected: Double?
    var upperBound: Double?
    var pValue: Double?
    var slopePerYear: Double?
    var index: Double?
  }
  struct Convergence: Encodable {
    var week: String
    var combinedPValue: Double
    var indicators: [String]
    var partners: [String]
    var observed: DisclosedCount
    var expected: Double
  }
  struct Event: Encodable {
    var type: String
    var week: String
    var severity: Int
    var band: String
    var kind: FlagKind
    var revised: Bool
    var recordedAt: String
  }

  var flag: FlagJSON
  var evidence: [Evidence]
  var convergence: Convergence?
  var history: [Event]
  var reviews: [FlagJSON.Review]

  init(_ r: FlagRecord, names: DeskNames, disclosure: DisclosurePolicy) {
    flag = FlagJSON(r, names: names)
    let x = r.flag.explanation
    evidence = x.contributions.map { c in
      Evidence(
        indicator: c.indicator, area: c.area, kinds: c.kinds, partners: c.partners,
        firstSignal: c.firstSignal.description, lastSignal: c.lastSignal.description,
        peak: c.peak.description, periods: c.periods, observed: disclosure.count(c.observed),
        expected: c.expected, upperBound: c.upperbound, pValue: c.pvalue,
        slopePerYear: c.slopePerYear, index: c.index)
    }
    convergence = x.convergence.map { c in
      Convergence(
        week: c.week.description, combinedPValue: c.combinedPValue, indicators: c.indicators,
        partners: c.partners, observed: disclosure.count(c.observed), expected: c.expected)
    }
    history = r.history.map { e in
      Event(
        type: e.event.type.rawValue, week: e.event.week.description, severity: e.event.severity,
        band: "\(e.event.band)", kind: e.event.kind, revised: e.event.revised,
        recordedAt: e.recordedAt)
    }
    reviews = r.reviews.map {
      FlagJSON.Review(
        action: $0.action, note: $0.note, author: $0.author, recordedAt: $0.recordedAt)
    }
  }
}

/// `/api/flags`: the flags matching the query, with the counts of the overview.
struct FlagListJSON: Encodable {
  struct Counts: Encodable {
    var open: Int
    var new: Int
    var escalated: Int
    var unreviewed: Int
  }
  var detectionRan: Bool
  var lastRunDate: String?
  var weeks: [String]?
  var counts: Counts
  var flags: [FlagJSON]

  init(_ model: FlagsModel, query: FlagQuery, names: DeskNames) {
    detectionRan = model.detectionRan
    lastRunDate = model.lastRunDate
    weeks = model.window.map { [$0.from.description, $0.through.description] }
    let open = model.open
    counts = Counts(
      open: open.count, new: open.filter { $0.status == .new }.count,
      escalated: open.filter { $0.status == .escalated }.count,
      unreviewed: open.filter { $0.review == nil }.count)
    flags = model.records.filter { query.matches($0, names: names) }.map {
      FlagJSON($0, names: names)
    }
  }
}

/// `/api/areas/{code}`: the neighbourhood page's content.
struct AreaJSON: Encodable {
  struct Series: Encodable {
    var indicator: String
    var area: String
    var series: ChartSeries
  }
  var period: ReportPeriod
  var comparisons: [ReportComparison]
  var area: AreaReport
  var flags: [FlagJSON]
  var series: [Series]
}
