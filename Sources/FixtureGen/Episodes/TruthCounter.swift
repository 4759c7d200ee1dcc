import SafetyCore

/// Counts, while the data are generated, what each planted episode's window holds in the
/// final data (final categories; every registration once), and computes the expected count
/// without the episode. Record-level sources count the days of the window; aggregated
/// buurt × month sources count the whole months that overlap it.
final class TruthCounter {
  private(set) var episodes: [Episode]
  private var watch: [Int: [(episode: Int, days: Range<Int>)]] = [:]
  private let model: IntensityModel

  init(episodes: [Episode], model: IntensityModel) {
    self.episodes = episodes
    self.model = model
    for (i, e) in episodes.enumerated() {
      var baseline = 0.0
      for id in e.indicators {
        guard let ind = IndicatorCatalogue.indicator(id) else { continue }
        for (source, codes) in ind.from {
          guard let days = window(e, source) else { continue }
          for code in codes {
            guard let c = model.catalogue.category(source, code) else { continue }
            watch[key(e.buurt, c.index), default: []].append((i, days))
            baseline += model.mean(c, buurt: e.buurt, days: days)
          }
        }
      }
      self.episodes[i].baseline = baseline
      self.episodes[i].expectedExtra = e.components.reduce(0) { $0 + $1.expectedExtra }
    }
  }

  /// The days counted for a source: the window itself, or the whole months around it for
  /// buurt × month aggregates; nil for wijk-level aggregates (not attributable to a buurt).
  private func window(_ e: Episode, _ source: SourceID) -> Range<Int>? {
    switch source {
    case .welzijnCasussen, .veiligheidshuisCasussen: return nil
    case .veiligThuisMeldingen:
      let months = model.timeline.months.filter {
        $0.days.overlaps(e.firstDay..<(e.lastDay + 1))
      }
      guard let first = months.first, let last = months.last else { return nil }
      return first.days.lowerBound..<last.days.upperBound
    default: return e.firstDay..<(e.lastDay + 1)
    }
  }

  private func key(_ buurt: Int, _ category: Int) -> Int { buurt << 16 | category }

  func observe(_ event: Event) {
    guard let list = watch[key(Int(event.buurt), Int(event.category))] else { return }
    for (i, days) in list where days.contains(Int(event.day)) { episodes[i].observed += 1 }
  }

  func observe(category: Int, buurt: Int, days: Range<Int>, count: Int) {
    guard let list = watch[key(buurt, category)] else { return }
    for (i, window) in list
    where window.lowerBound <= days.lowerBound
      && days.upperBound <= window.upperBound
    {
      episodes[i].observed += count
    }
  }
}
