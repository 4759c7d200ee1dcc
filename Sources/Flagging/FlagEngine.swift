import SafetyCore

/// What the engine derived: every flag of the evaluation window with its history and
/// explanation, and the per-period signals behind them (for the store and the reports).
public struct FlagOutcome: Sendable {
  /// The replayed weeks.
  public var from: Period
  public var through: Period
  public var flags: [DerivedFlag]
  public var signals: [IndicatorSignals]
}

/// Derives flags from counts, deterministically, as if a run had happened every week of the
/// evaluation window (pure: no I/O, no clock; the last week is an input).
///
/// 1. Per indicator, the detectors run over the window (`SignalBuilder`): spikes, soft
///    scan evidence, rising trends, levels.
/// 2. The weeks are replayed in order (`Replay`): in week W an indicator's latest period
///    that is complete by the end of W counts (a month counts from the week holding its
///    last day). Signals of one theme in one area make or extend its flags; convergence
///    combines soft evidence; clusters join adjacent flagged areas; flags are resolved after
///    `resolveAfterWeeks` weeks without a signal.
public struct FlagEngine: Sendable {
  public var rules: FlagRules
  /// Areas with a smaller denominator get no level (the disclosure minimum population).
  public var minPopulation: Double

  public init(rules: FlagRules, minPopulation: Double = 100) {
    self.rules = rules
    self.minPopulation = minPopulation
  }

  /// The replay's first week for a run through `through`.
  public func firstWeek(through: Period) -> Period {
    through.advanced(by: -(rules.evaluationWeeks - 1))
  }

  public func run(_ input: FlagInput, parallel: Bool = true) -> FlagOutcome {
    let through = input.through
    let from = firstWeek(through: through)
    var all: [IndicatorSignals] = []
    for data in input.indicators where data.length > 0 && !data.areas.isEmpty {
      guard let theme = rules.theme(data.plan.theme),
        let range = Self.evaluationRange(data, from: from, through: through)
      else { continue }
      all.append(
        SignalBuilder.signals(
          data, range: range, convergence: theme.convergence, minPopulation: minPopulation,
          parallel: parallel))
    }
    var replay = Replay(rules: rules, areas: input.areas, from: from, through: through)
    let flags = replay.run(all)
    return FlagOutcome(from: from, through: through, flags: flags, signals: all)
  }

  /// The week from which a period of data counts: the week holding its last day.
  public static func visibleWeek(_ period: Period) -> Period {
    Period(containing: period.lastDay, kind: .week)
  }

  /// Series indices the replay needs: every period visible by `through`, from the one
  /// current in week `from` on. Nil when none is.
  static func evaluationRange(_ data: IndicatorData, from: Period, through: Period)
    -> ClosedRange<Int>?
  {
    var hi = data.length - 1
    while hi >= 0, visibleWeek(data.first.advanced(by: hi)) > through { hi -= 1 }
    guard hi >= 0 else { return nil }
    var lo = hi
    while lo > 0, visibleWeek(data.first.advanced(by: lo - 1)) >= from { lo -= 1 }
    if lo > 0, visibleWeek(data.first.advanced(by: lo)) > from { lo -= 1 }
    return lo...hi
  }
}
