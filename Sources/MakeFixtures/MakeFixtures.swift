import ArgumentParser
import FixtureGen
import Foundation

/// `make-fixtures`: writes the synthetic Demostad data set (or a national-size one for
/// benchmarks). Same seed → byte-identical files.
@main
struct MakeFixtures: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "make-fixtures",
    abstract: "Generate synthetic partner exports, area registry and truth file.",
    discussion: """
      The committed demo: make-fixtures --out fixtures/demostad
      Benchmarks:         make-fixtures --scale national --out /work/benchdata/national
      All data are fictional. See docs/DEMOSTAD.md.
      """)

  @Option(help: "Output folder (created; existing files are overwritten).")
  var out: String

  @Option(help: "Random seed.")
  var seed: UInt64 = FixtureConfig().seed

  @Option(help: "demo (Demostad, 40 buurten) or national (~14,000 buurten).")
  var scale: FixtureConfig.Scale = .demo

  @Option(help: "Planted episodes of each kind per 40 buurten.")
  var episodes: Int = 8

  @Flag(help: "Leave out the deliberately broken and duplicated exports.")
  var noAnomalies = false

  @Option(help: "National scale: number of buurten.")
  var buurten: Int = 14_000

  @Option(help: "National scale: number of gemeenten (at most 999).")
  var gemeenten: Int = 345

  func validate() throws {
    guard episodes >= 0 else { throw ValidationError("--episodes must be 0 or more") }
    guard (1...999).contains(gemeenten) else {
      throw ValidationError("--gemeenten must be between 1 and 999")
    }
    guard buurten >= 6 * gemeenten, buurten <= 400 * gemeenten else {
      throw ValidationError("--buurten must be between 6 and 400 per gemeente")
    }
  }

  func run() throws {
    let config = FixtureConfig(
      seed: seed, scale: scale, episodesPerKind: episodes,
      anomalies: noAnomalies ? .none : .demo, nationalBuurten: buurten,
      nationalGemeenten: gemeenten)
    let start = ContinuousClock.now
    let dir = URL(fileURLWithPath: out)
    let exports = dir.appendingPathComponent("exports")
    if FileManager.default.fileExists(atPath: exports.path) {
      try FileManager.default.removeItem(at: exports)
    }
    let summary = try FixtureGenerator(config).write(to: dir)
    let elapsed = ContinuousClock.now - start
    let rows = summary.manifest.reduce(0) { $0 + $1.rows }
    print(
      "\(summary.registry.buurten.count) buurten, \(summary.manifest.count) exports, "
        + "\(rows) rows, \(summary.episodes.count) episodes → \(out) (\(elapsed))")
  }
}

extension FixtureConfig.Scale: ExpressibleByArgument {}
