import Foundation
import PipelineSpec
import Store

/// `safety-monitor store backup`: the store and its key file, copied while no run writes.
public enum StoreBackup {
  /// Takes the pipeline's lock shared (waiting up to `wait` seconds for a run), then copies
  /// the store with SQLite's online backup API to `destination` and the key file to
  /// `<destination>.key` (both 0600). Throws `RunnerError`.
  public static func run(_ pipeline: LoadedPipeline, to destination: String, wait: Double = 0)
    throws -> BackupResult
  {
    let runner = Runner(pipeline: pipeline)
    let lock = try runner.takeLock(wait: wait, shared: true)
    defer { lock.release() }
    guard FileManager.default.fileExists(atPath: pipeline.storePath) else {
      throw RunnerError.io("no store at \(pipeline.storePath) (has the pipeline run yet?)")
    }
    do {
      let store = try SafetyStore(path: pipeline.storePath, mode: .readOnly)
      guard store.hasKeyFile else {
        throw RunnerError.io("the key file \(store.keyPath) is missing; a backup needs it")
      }
      return try store.backup(to: destination)
    } catch let error as RunnerError {
      throw error
    } catch {
      throw RunnerError.io("backup failed: \(error)")
    }
  }
}
