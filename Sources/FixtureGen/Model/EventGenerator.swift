import Dispatch
import Foundation
import SafetyCore

/// One registration of a record-level source, before it is written.
public struct Event: Sendable {
  /// Catalogue index of the final category.
  public var category: Int32
  public var buurt: Int32
  /// Day index of the event (pleegdatum, meldingsdatum ...).
  public var day: Int32
  /// Minute of the day (local time).
  public var minute: Int16
  /// Days from the event to its registration (decides which export holds it).
  public var lag: Int16
  /// First delivered under the category's preliminary code, reclassified later.
  public var mutated: Bool
  /// Per-source serial number, the basis of the partner's key.
  public var serial: Int64
  /// Random bits for everything else (names, texts, spelling variants).
  public var bits: UInt64

  public var registrationDay: Int { Int(day) + Int(lag) }
}

/// Draws the events of record-level sources week by week: for each buurt and category a
/// negative-binomial count around the model's mean, plus, where an episode is planted, its
/// expected extra randomly rounded to a whole number (the planted signal is as designed;
/// the noise is in the background). Each (source, buurt, week) has its own random stream, so
/// the result does not depend on how the work is split over threads.
struct EventGenerator: Sendable {
  let model: IntensityModel
  let episodes: EpisodeIndex
  let seed: UInt64
  let football: FootballSchedule

  /// All events of `source` with their event day in week `w`, ordered by buurt, category.
  func week(_ source: SourceID, _ w: Int, serialStart: Int64) -> [Event] {
    let cats = model.catalogue.categories(of: source)
    let buurtCount = model.registry.buurten.count
    let chunk = 256
    let chunks = (buurtCount + chunk - 1) / chunk
    let results = ChunkResults<Event>(count: chunks)
    let work: @Sendable (Int) -> Void = { k in
      var out: [Event] = []
      for b in (k * chunk)..<min((k + 1) * chunk, buurtCount) {
        generate(source, cats, buurt: b, week: w, into: &out)
      }
      results.set(k, out)
    }
    if chunks > 1 {
      DispatchQueue.concurrentPerform(iterations: chunks, execute: work)
    } else {
      work(0)
    }
    var all = results.joined()
    for i in all.indices { all[i].serial = serialStart + Int64(i) }
    return all
  }

  private func generate(
    _ source: SourceID, _ cats: [Category], buurt b: Int, week w: Int, into out: inout [Event]
  ) {
    var rng = SeededRandom(
      seed: seed, stream: 1_000 + source.ordinal, b, w)
    let days = model.timeline.days(ofWeek: w)
    guard !days.isEmpty else { return }
    for c in cats {
      if c.code == "Voetbalwedstrijd" {
        for d in days where football.isHomeMatch(buurt: b, day: d) {
          out.append(event(c, b, d, &rng))
        }
        continue
      }
      let mean = model.weeklyMean(c, buurt: b, week: w)
      let n = rng.negativeBinomialSmall(mean: mean, size: c.dispersion)
      let dayWeights = model.dayWeights(c, week: w).weights
      if n > 0 {
        for _ in 0..<n {
          out.append(event(c, b, days.lowerBound + rng.pick(weights: dayWeights), &rng))
        }
      }
      if let extra = episodes.extra(category: c.index, buurt: b, days: days) {
        let m = rng.randomlyRounded(extra.reduce(0, +))
        for _ in 0..<m {
          out.append(event(c, b, days.lowerBound + rng.pick(weights: extra), &rng))
        }
      }
    }
  }

  private func event(_ c: Category, _ b: Int, _ day: Int, _ rng: inout SeededRandom) -> Event {
    let hour = rng.pick(weights: c.hours.weights)
    let minute = hour * 60 + rng.int(below: 60)
    var lag = 0
    if c.maxLagDays > 0, !rng.chance(c.sameDayShare) {
      lag = min(c.maxLagDays, 1 + Int(-3 * log1p(-rng.uniform())))
    }
    lag = min(lag, model.timeline.dayCount - 1 - day)
    let mutated = c.preliminary.map { rng.chance($0.share) } ?? false
    return Event(
      category: Int32(c.index), buurt: Int32(b), day: Int32(day), minute: Int16(minute),
      lag: Int16(lag), mutated: mutated, serial: 0, bits: rng.next())
  }

  /// Aggregated count of a category for a set of buurten over a range of days: negative
  /// binomial around the summed mean, plus the planted extra (randomly rounded).
  func aggregate(
    _ c: Category, buurten: [Int], days: Range<Int>, stream: [Int]
  ) -> Int {
    var rng = SeededRandom(seed: seed, streamKeys: [2_000, c.index] + stream)
    var mean = 0.0
    var extra = 0.0
    for b in buurten {
      mean += model.mean(c, buurt: b, days: days)
      if let e = episodes.extra(category: c.index, buurt: b, days: days) {
        extra += e.reduce(0, +)
      }
    }
    return rng.negativeBinomialSmall(mean: mean, size: c.dispersion) + rng.randomlyRounded(extra)
  }
}

/// Per-chunk results written by concurrent workers, each slot by exactly one worker.
final class ChunkResults<T: Sendable>: @unchecked Sendable {
  private let slots: UnsafeMutablePointer<[T]>
  private let count: Int
  init(count: Int) {
    self.count = count
    slots = .allocate(capacity: count)
    slots.initialize(repeating: [], count: count)
  }
  deinit {
    slots.deinitialize(count: count)
    slots.deallocate()
  }
  func set(_ i: Int, _ value: [T]) { slots[i] = value }
  func joined() -> [T] { (0..<count).flatMap { slots[$0] } }
}
