import SafetyCore

/// What a run writes for one flag: its row (current state) and the events to append.
public struct FlagUpdate: Sendable, Hashable {
  /// The flag as it should be stored (for a continuation: the stored id and first week).
  public var flag: DerivedFlag
  public var isNew: Bool
  /// Whether the row differs from the stored one (false: leave it alone).
  public var rowChanged: Bool
  /// Events to append, oldest first.
  public var events: [FlagEvent]

  public var isEmpty: Bool { !isNew && !rowChanged && events.isEmpty }
}

/// Brings the stored flags in line with the flags the engine derived, without rewriting
/// history: only differences become writes, and the event log only grows.
///
/// - A derived flag the store does not know is new: its row and all its events.
/// - A known flag: its stored events are a history up to their last week p. The derived
///   events after p are appended. If the derived state at p (open or not, band, kind)
///   differs from the stored one — the data were revised — one correction event
///   (`revised`) is appended first.
/// - A flag open in the store that began before the replayed window continues as the
///   derived flag of the same family, area and theme that begins within its resolution
///   period (the replay cannot see its start): same id, events after its last one.
/// - A stored open flag that the derivation no longer has: resolved (`revised` when it lies
///   inside the replayed window, so revised data removed it; otherwise resolved where the
///   replay would have resolved it).
///
/// The same stored flags and the same derivation give no updates at all: a second run on
/// the same data changes nothing.
public enum FlagReconciler {
  public static func reconcile(
    stored: [DerivedFlag], derived: [DerivedFlag], from: Period, through: Period,
    resolveAfterWeeks: Int
  ) -> [FlagUpdate] {
    var byID: [String: DerivedFlag] = [:]
    for s in stored { byID[s.id] = s }
    var matched: Set<String> = []
    var updates: [FlagUpdate] = []
    for d in derived {
      var target = d
      var known = byID[d.id]
      var resumed: FlagEvent?
      if known == nil,
        let c = continuation(
          of: d, in: stored, from: from, matched: matched,
          resolveAfterWeeks: resolveAfterWeeks)
      {
        known = c
        target.id = c.id
        target.firstSeen = c.firstSeen
        target.weeks = c.weeks.filter { $0 < d.firstSeen } + d.weeks
        target.peakSeverity = max(c.peakSeverity, d.peakSeverity)
        if target.kinds != c.kinds {
          let all = Set(c.kinds).union(d.kinds)
          target.kinds = all.sorted { $0.precedence > $1.precedence }
          target.kind = target.kinds.first ?? d.kind
        }
        var contributions = d.explanation.contributions
        for old in c.explanation.contributions
        where !contributions.contains(where: {
          $0.indicator == old.indicator && $0.area == old.area
        }) {
          contributions.append(old)
        }
        target.explanation.contributions = contributions
        if target.events.first?.type == .opened { resumed = target.events.removeFirst() }
      }
      guard let known else {
        updates.append(FlagUpdate(flag: d, isNew: true, rowChanged: true, events: d.events))
        continue
      }
      matched.insert(known.id)
      var append: [FlagEvent] = []
      if let last = known.events.last {
        let pre = target.events.filter { $0.week <= last.week }
        let post = target.events.filter { $0.week > last.week }
        if let lastPre = pre.last, state(lastPre) != state(last) {
          append.append(correction(from: last, to: lastPre, at: last.week))
        } else if pre.isEmpty, let resumed, state(resumed) != state(last) {
          // A continuation picks up at another band than the stored one.
          var c = correction(from: last, to: resumed, at: max(resumed.week, last.week))
          c.revised = false
          append.append(c)
        }
        append += post
      } else {
        append = target.events
      }
      var row = target
      row.events = known.events + append
      updates.append(
        FlagUpdate(
          flag: row, isNew: false, rowChanged: !sameRow(row, known), events: append))
    }
    for s in stored where !matched.contains(s.id) && s.isOpen {
      guard let last = s.events.last, last.type != .resolved else { continue }
      var row = s
      let event: FlagEvent
      if s.firstSeen >= from {
        event = FlagEvent(
          type: .resolved, week: max(through, last.week), severity: last.severity,
          band: last.band, kind: last.kind, revised: true)
      } else {
        let due = max(s.lastSeen.advanced(by: resolveAfterWeeks), last.week)
        guard due <= through else { continue }
        event = FlagEvent(
          type: .resolved, week: due, severity: last.severity, band: last.band, kind: last.kind)
      }
      row.resolved = event.week
      row.events.append(event)
      updates.append(FlagUpdate(flag: row, isNew: false, rowChanged: true, events: [event]))
    }
    return updates.filter { !$0.isEmpty }
  }

  /// The open stored flag that a derived flag continues: same family, area and theme,
  /// begun before the replayed window, and the derived flag begins within its resolution
  /// period.
  static func continuation(
    of d: DerivedFlag, in stored: [DerivedFlag], from: Period, matched: Set<String>,
    resolveAfterWeeks: Int
  ) -> DerivedFlag? {
    stored.first { s in
      !matched.contains(s.id) && s.isOpen && s.family == d.family && s.area == d.area
        && s.theme == d.theme && s.firstSeen < from
        && d.firstSeen <= s.lastSeen.advanced(by: resolveAfterWeeks)
    }
  }

  struct State: Equatable {
    var open: Bool
    var band: SeverityBand
    var kind: FlagKind
  }

  static func state(_ e: FlagEvent) -> State {
    State(open: e.type != .resolved, band: e.band, kind: e.kind)
  }

  /// The event that takes a flag from the stored state to the derived one.
  static func correction(from old: FlagEvent, to new: FlagEvent, at week: Period) -> FlagEvent {
    let a = state(old)
    let b = state(new)
    let type: FlagEventType
    if !b.open {
      type = .resolved
    } else if !a.open {
      type = .opened
    } else if b.band > a.band || (b.kind == .convergent && a.kind != .convergent) {
      type = .escalated
    } else if b.band < a.band {
      type = .deescalated
    } else {
      type = b.kind.precedence >= a.kind.precedence ? .escalated : .deescalated
    }
    return FlagEvent(
      type: type, week: week, severity: new.severity, band: new.band, kind: new.kind,
      revised: true)
  }

  /// Whether two flags have the same row (everything but the event log).
  static func sameRow(_ a: DerivedFlag, _ b: DerivedFlag) -> Bool {
    var x = a
    var y = b
    x.events = []
    y.events = []
    return x == y
  }
}
