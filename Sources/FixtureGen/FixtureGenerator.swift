import Foundation
import SafetyCore

/// What to generate.
public struct FixtureConfig: Sendable {
  public enum Scale: String, Sendable, CaseIterable {
    /// Demostad: 8 wijken, 40 buurten (the committed demo).
    case demo
    /// ~345 gemeenten, ~3,000 wijken, ~14,000 buurten (benchmarks; keep out of git).
    case national
  }
  public var seed: UInt64
  public var scale: Scale
  public var years: ClosedRange<Int>
  /// Episodes of each kind per 40 buurten.
  public var episodesPerKind: Int
  public var anomalies: Anomalies
  /// National scale only: how many buurten and gemeenten (defaults: the Netherlands).
  public var nationalBuurten: Int
  public var nationalGemeenten: Int

  public init(
    seed: UInt64 = 20_240_901, scale: Scale = .demo, years: ClosedRange<Int> = 2019...2024,
    episodesPerKind: Int = 8, anomalies: Anomalies = .demo, nationalBuurten: Int = 14_000,
    nationalGemeenten: Int = 345
  ) {
    self.seed = seed
    self.scale = scale
    self.years = years
    self.episodesPerKind = episodesPerKind
    self.anomalies = anomalies
    self.nationalBuurten = nationalBuurten
    self.nationalGemeenten = nationalGemeenten
  }

  public var title: String {
    switch scale {
    case .demo: "Demostad (synthetisch) — fictieve gemeente, geen echte gegevens"
    case .national: "Nationaal synthetisch testbestand — fictief, geen echte gegevens"
    }
  }
}

/// What a generation produced.
public struct FixtureSummary: Sendable {
  public var registry: AreaRegistry
  public var episodes: [Episode]
  public var manifest: [ManifestEntry]
}

/// Generates a complete synthetic data set into a folder:
///
///     areas.csv population.csv aliases.csv crosswalk.csv adjacency.csv boundaries.geojson
///     exports/…            partner exports, as dropped in the inbox
///     truth.csv truth-components.csv   planted episodes
///     truth-levels.csv     expected counts per area, indicator and year (demo scale)
///     manifest.csv         every export with its rows, defects and what a run should do
///
/// Same configuration → byte-identical output.
public struct FixtureGenerator: Sendable {
  public let config: FixtureConfig
  public let registry: AreaRegistry
  public let model: IntensityModel

  public init(_ config: FixtureConfig) {
    self.config = config
    let plans: [GemeentePlan]
    let cellSize: Double
    switch config.scale {
    case .demo:
      plans = [DemostadPlan.plan()]
      cellSize = 250
    case .national:
      plans = NationalPlan.plans(
        seed: config.seed, buurtTarget: config.nationalBuurten,
        gemeenten: config.nationalGemeenten)
      cellSize = 150
    }
    registry = RegistryBuilder(
      seed: config.seed, years: config.years, cellSize: cellSize, cellsPerBuurt: 6
    )
    .build(plans)
    model = IntensityModel(
      registry: registry, catalogue: Catalogue(), timeline: Timeline(years: config.years))
  }

  public func plannedEpisodes() -> [Episode] {
    EpisodePlanner(model: model, seed: config.seed).plan(perKind: config.episodesPerKind)
  }

  @discardableResult
  public func write(to dir: URL) throws -> FixtureSummary {
    let fm = FileManager.default
    let exports = dir.appendingPathComponent("exports")
    try fm.createDirectory(at: exports, withIntermediateDirectories: true)
    try RegistryFiles.write(registry, to: dir, title: config.title)
    let episodes = plannedEpisodes()
    let counter = TruthCounter(episodes: episodes, model: model)
    let generator = EventGenerator(
      model: model, episodes: EpisodeIndex(episodes), seed: config.seed,
      football: FootballSchedule(registry: registry, timeline: model.timeline, seed: config.seed))
    var manifest: [ManifestEntry] = []
    for format in RecordFormats.all() {
      manifest += try RecordSourceWriter(
        format: format, generator: generator, seed: config.seed, directory: exports,
        anomalies: config.anomalies
      ).write(counter: counter)
    }
    for format in AggregatedFormats.all() {
      manifest += try AggregatedSourceWriter(
        format: format, generator: generator, seed: config.seed, directory: exports
      ).write(counter: counter)
    }
    let final = counter.episodes
    try RegistryFiles.save(TruthFile.truth(final, model: model), dir, "truth.csv")
    try RegistryFiles.save(TruthFile.components(final, model: model), dir, "truth-components.csv")
    if config.scale == .demo {
      // The true levels behind elevated flags (millions of rows at national scale: left out).
      try RegistryFiles.save(LevelTruthFile.csv(model: model), dir, "truth-levels.csv")
    }
    try RegistryFiles.save(ManifestFile.csv(manifest), dir, "manifest.csv")
    return FixtureSummary(registry: registry, episodes: final, manifest: manifest)
  }
}

enum ManifestFile {
  static func csv(_ entries: [ManifestEntry]) -> CSVText {
    var csv = CSVText(ExportDialect())
    csv.row([
      "file", "source", "period", "rows", "unknownArea", "impossibleDate", "ragged", "expected",
      "note",
    ])
    for e in entries.sorted(by: { $0.file < $1.file }) {
      csv.row([
        e.file, e.source.rawValue, e.period, "\(e.rows)", "\(e.unknownArea)",
        "\(e.impossibleDate)", "\(e.ragged)", e.expected.rawValue, e.note,
      ])
    }
    return csv
  }
}
