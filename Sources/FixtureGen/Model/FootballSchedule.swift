import SafetyCore

/// Home matches of the professional football club of a town: every other weekend from
/// mid-August to mid-May, with a winter break. A town has a stadium when it has at least
/// 25 buurten; it stands in its last industrial buurt.
struct FootballSchedule: Sendable {
  private var parity: [Int: Int] = [:]
  let timeline: Timeline
  let seed: UInt64

  init(registry: AreaRegistry, timeline: Timeline, seed: UInt64) {
    self.timeline = timeline
    self.seed = seed
    for (g, gemeente) in registry.gemeenten.enumerated() {
      let buurten = gemeente.wijken.flatMap { registry.wijken[$0].buurten }
      guard buurten.count >= 25,
        let stadium = buurten.last(where: { registry.buurten[$0].profile == .industrial })
      else { continue }
      parity[stadium] = g % 2
    }
  }

  var stadiums: [Int] { parity.keys.sorted() }

  func isHomeMatch(buurt: Int, day: Int) -> Bool {
    guard let p = parity[buurt] else { return false }
    let date = timeline.date(day)
    let weekday = date.isoWeekday
    guard weekday >= 6 else { return false }
    let md = date.month * 100 + date.day
    let inSeason = (md >= 810 || md <= 515) && !(md >= 1222 || md <= 114)
    guard inSeason else { return false }
    let week = timeline.weekIndex(of: date)
    guard week % 2 == p else { return false }
    var rng = SeededRandom(seed: seed, stream: 41, buurt, week)
    return weekday == (rng.chance(0.7) ? 6 : 7)
  }
}
