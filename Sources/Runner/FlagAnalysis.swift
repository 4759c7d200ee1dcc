import Flagging
import Foundation
import Normalise
import PipelineSpec
import SafetyCore
import Store

/// The flag engine on a pipeline's store: builds the input, runs the replay, and scores it
/// against a truth file (`evaluate`). Used by `run` (after ingest) and `evaluate`.
public struct FlagAnalysis {
  public let pipeline: LoadedPipeline
  public let registry: AreaRegistry
  public let engine: FlagEngine

  /// Resolves the pipeline's rules and reads its registry (unless given).
  public init(pipeline: LoadedPipeline, registry known: AreaRegistry? = nil) throws(RunnerError) {
    self.pipeline = pipeline
    let rules: FlagRules
    do { rules = try FlagRules(pipeline: pipeline.spec) } catch {
      throw .configuration(error.description)
    }
    engine = FlagEngine(
      rules: rules, minPopulation: Double(pipeline.spec.disclosure?.minPopulation ?? 100))
    if let known {
      self.registry = known
      return
    }
    let registry: AreaRegistry
    do { registry = try AreaRegistry.load(pipeline) } catch {
      throw .configuration("cannot read the area registry: \(error)")
    }
    if let bad = registry.diagnostics.first(where: { $0.severity == .error }) {
      throw .configuration("area registry: \(bad)")
    }
    self.registry = registry
  }

  /// The engine's input from `store` for a run on `runDate`; nil when the store holds no data.
  public func input(store: SafetyStore, runDate: CivilDate) throws(RunnerError) -> FlagInput? {
    do {
      return try FlagInputs.build(
        pipeline: pipeline, registry: registry, store: store, rules: engine.rules,
        runDate: runDate)
    } catch {
      throw .io("cannot read the series for flags: \(error)")
    }
  }

  /// Opens the pipeline's existing store (an error when there is none yet).
  public func openStore() throws(RunnerError) -> SafetyStore {
    guard FileManager.default.fileExists(atPath: pipeline.storePath) else {
      throw .io("no store at \(pipeline.storePath); run `safety-monitor run` first")
    }
    do { return try SafetyStore(path: pipeline.storePath) } catch {
      throw .io("cannot open the store \(pipeline.storePath): \(error)")
    }
  }

  /// The flag stage of a run: replays the flags on the store's data, reconciles them with
  /// the stored ones, stores the detector results, and appends what changed. Nil when the
  /// store holds no data yet.
  public func update(store: SafetyStore, runID: Int64?, runDate: CivilDate, now: String)
    throws(RunnerError) -> FlagRunSummary?
  {
    guard let input = try input(store: store, runDate: runDate) else { return nil }
    let outcome = engine.run(input)
    do {
      let stored = try store.storedFlags()
      let updates = FlagReconciler.reconcile(
        stored: stored, derived: outcome.flags, from: outcome.from, through: outcome.through,
        resolveAfterWeeks: engine.rules.resolveAfterWeeks)
      let results = try store.saveDetectionResults(outcome.signals)
      let written = try store.applyFlagUpdates(
        updates, runID: runID, recordedAt: now, from: outcome.from, through: outcome.through)
      let records = try store.flagRecords()
      return FlagRunSummary(
        from: outcome.from, through: outcome.through, written: written, resultsWritten: results,
        records: records, areas: input.areas, themeNames: themeNames(english: false))
    } catch {
      throw .io("cannot store the flags: \(error)")
    }
  }

  /// Theme id → its name (`nameEn` in English where given).
  public func themeNames(english: Bool) -> [String: String] {
    var out: [String: String] = [:]
    for (id, theme) in pipeline.spec.themes {
      out[id] = english ? (theme.nameEn ?? theme.name) : theme.name
    }
    return out
  }

  /// Replays the flags on the store's data and scores them against `truthPath`
  /// (`truth.csv`; `truth-levels.csv` beside it is read when present).
  public func evaluate(truthPath: String, runDate: CivilDate) throws(RunnerError) -> Evaluation {
    let text: String
    do { text = try String(contentsOfFile: truthPath, encoding: .utf8) } catch {
      throw .io("cannot read the truth file \(truthPath)")
    }
    let episodes: [TruthEpisode]
    do { episodes = try TruthFile.episodes(text) } catch {
      throw .configuration("\(truthPath):\(error.line):1: error: \(error.message)")
    }
    let levelsPath =
      URL(fileURLWithPath: truthPath).deletingLastPathComponent()
      .appendingPathComponent("truth-levels.csv").path
    var levels: [TruthLevel] = []
    if let levelText = try? String(contentsOfFile: levelsPath, encoding: .utf8) {
      do { levels = try TruthFile.levels(levelText) } catch {
        throw .configuration("\(levelsPath):\(error.line):1: error: \(error.message)")
      }
    }
    let store = try openStore()
    guard let input = try input(store: store, runDate: runDate) else {
      throw .io("the store holds no data to evaluate")
    }
    let outcome = engine.run(input)
    return Evaluator(engine: engine).evaluate(
      outcome, input: input, episodes: episodes, levels: levels)
  }
}
