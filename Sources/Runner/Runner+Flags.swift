import Normalise
import Store

extension Runner {
  /// The flag stage after ingest (under the same lock): detection, flags, lifecycle.
  func runFlags(
    store: SafetyStore, registry: AreaRegistry, options: RunOptions, runID: Int64?
  ) throws -> FlagRunSummary? {
    try FlagAnalysis(pipeline: pipeline, registry: registry).update(
      store: store, runID: runID, runDate: options.runDate, now: options.now)
  }
}
