import Aggregate
import Foundation
import Logging
import Normalise
import Operations
import PipelineSpec
import SafetyCore
import Store

/// The inputs of one run that are not in the pipeline file.
public struct RunOptions: Sendable {
  /// The day the run is for: dates after it are `future-date` errors.
  public var runDate: CivilDate
  /// The run's clock (ISO 8601), stamped on runs and received exports.
  public var now: String
  /// Normalised files that may wait to be applied (memory bound); applying stays in name
  /// order.
  public var batchSize: Int
  /// Seconds to wait for another run of the pipeline to finish (0: fail at once).
  public var lockWait: Double
  /// Show what a run would do and write nothing (no store, archive, quarantine or lock
  /// file change).
  public var dryRun: Bool
  /// Where the run logs (swift-log); by default nowhere.
  public var logger: Logger
  /// Where progress is drawn (a terminal), or nil for none.
  public var progressSink: (any LogSink)?
  /// The clock read when the run finishes (its end time).
  public var clock: @Sendable () -> Date

  public init(
    runDate: CivilDate, now: String, batchSize: Int = 4, lockWait: Double = 0,
    dryRun: Bool = false,
    logger: Logger = Logger(label: "safety-monitor", factory: { _ in SwiftLogNoOpLogHandler() }),
    progressSink: (any LogSink)? = nil, clock: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.runDate = runDate
    self.now = now
    self.batchSize = max(1, batchSize)
    self.lockWait = lockWait
    self.dryRun = dryRun
    self.logger = logger
    self.progressSink = progressSink
    self.clock = clock
  }
}

/// Composes the stages for one pipeline: inbox → parse/normalise → quarantine or apply →
/// archive. Idempotent: a file already in the ledger (by content hash) is skipped, so a
/// second run over the same inbox changes nothing. Each export is applied in one
/// transaction and moved only after it is committed; a run killed anywhere is finished by
/// the next run (see docs/OPERATIONS.md, "Crash safety").
public final class Runner {
  public let pipeline: LoadedPipeline
  public let folders: StateFolders

  public init(pipeline: LoadedPipeline) {
    self.pipeline = pipeline
    folders = StateFolders(
      state: pipeline.stateDirectory, inbox: pipeline.inboxDirectory,
      archive: pipeline.archiveDirectory, quarantine: pipeline.quarantineDirectory)
  }

  var dutch: Bool { (pipeline.spec.language ?? .nl) == .nl }

  /// What the run needs besides the store: the registry and one plan per source.
  struct Prepared {
    var registry: AreaRegistry
    var plans: [String: SourcePlan]
  }

  /// Runs once. Row and file diagnostics go to the log and to `onDiagnostic` as they are
  /// found. Throws `RunnerError` for problems that stop the whole run (configuration, I/O,
  /// lock).
  public func run(
    _ options: RunOptions, onDiagnostic: @escaping (Diagnostic) -> Void = { _ in }
  ) throws -> RunSummary {
    let started = DispatchTime.now().uptimeNanoseconds
    let log = RunLog(logger: options.logger)
    let report: (Diagnostic) -> Void = {
      log.diagnostic($0)
      onDiagnostic($0)
    }
    let problems = pipeline.validate().filter { $0.severity == .error }
    if let first = problems.first { throw RunnerError.configuration(first.description) }
    if options.dryRun { return try dryRun(options, log: log, report: report) }
    do { try folders.create() } catch {
      throw RunnerError.io("cannot create the state folders under \(folders.state): \(error)")
    }
    let lock = try takeLock(wait: options.lockWait, shared: false)
    defer { lock.release() }
    let prepared = try prepare()
    let store: SafetyStore
    do {
      store = try SafetyStore(path: pipeline.storePath, checkpoint: CrashPoints.reach)
    } catch let error as StoreError {
      if case .newerSchema = error { throw RunnerError.configuration(error.description) }
      throw RunnerError.io("cannot open the store \(pipeline.storePath): \(error)")
    } catch {
      throw RunnerError.io("cannot open the store \(pipeline.storePath): \(error)")
    }
    var summary = RunSummary(pipeline: pipeline.spec.name, runDate: options.runDate.description)
    summary.startedAt = options.now
    do {
      summary.runID = try store.beginRun(startedAt: options.now, runDate: options.runDate)
      options.logger.info(
        "run started",
        metadata: [
          "pipeline": .string(pipeline.spec.name), "runDate": .string(options.runDate.description),
          "run": .stringConvertible(summary.runID ?? 0),
        ])
      try settleInbox(&summary, store, prepared, options, log: log, report: report)
      summary.exports.sort { $0.name < $1.name }
      summary.flags = try runFlags(
        store: store, registry: prepared.registry, options: options, runID: summary.runID)
      CrashPoints.reach("run.flagged")
      summary.totals = try totals(store)
      summary.exitStatus = summary.dataExitStatus.rawValue
    } catch {
      // The run's row says it failed (when it was begun), then the error goes up.
      let failure = error as? RunnerError ?? RunnerError.io("\(error)")
      summary.status = "failed"
      summary.error = failure.description
      summary.exitStatus = failure.exitStatus.rawValue
      if let id = summary.runID { finish(&summary, id: id, store, options, started: started) }
      throw failure
    }
    if let id = summary.runID { finish(&summary, id: id, store, options, started: started) }
    return summary
  }

  /// Takes the pipeline's lock (`shared` for commands that only read).
  func takeLock(wait: Double, shared: Bool) throws -> PipelineLock {
    do {
      return try PipelineLock.acquire(
        at: folders.state + "/run.lock", wait: wait, shared: shared)
    } catch let failure as PipelineLock.Failure {
      switch failure {
      case .busy: throw RunnerError.busy(failure.description)
      case .cannotOpen: throw RunnerError.io(failure.description)
      }
    }
  }

  func prepare() throws -> Prepared {
    let registry: AreaRegistry
    do { registry = try AreaRegistry.load(pipeline) } catch {
      throw RunnerError.configuration("cannot read the area registry: \(error)")
    }
    if let bad = registry.diagnostics.first(where: { $0.severity == .error }) {
      throw RunnerError.configuration("area registry: \(bad)")
    }
    var plans: [String: SourcePlan] = [:]
    for id in pipeline.spec.sources.keys {
      do { plans[id] = try SourcePlan(id: id, in: pipeline) } catch {
        throw RunnerError.configuration(error.description)
      }
    }
    return Prepared(registry: registry, plans: plans)
  }

  /// Stamps the end of the run on the summary and the store, and logs it.
  func finish(
    _ summary: inout RunSummary, id: Int64, _ store: SafetyStore, _ options: RunOptions,
    started: UInt64
  ) {
    summary.finishedAt = ISO8601.string(options.clock())
    summary.durationSeconds =
      Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    let record = RunRecord(
      status: summary.status == "ok" ? .ok : .failed, finishedAt: summary.finishedAt ?? "",
      durationSeconds: summary.durationSeconds ?? 0, exitStatus: summary.exitStatus,
      filesApplied: summary.files.applied, filesQuarantined: summary.files.quarantined,
      rowsOk: summary.rows.ok, rowsRejected: summary.rows.rejected, summary: summary.json())
    do { try store.finishRun(id, record) } catch {
      options.logger.error("cannot record the end of the run: \(error)")
    }
    options.logger.log(
      level: summary.status == "ok" ? .info : .error,
      "run \(summary.status == "ok" ? "finished" : "failed")",
      metadata: [
        "run": .stringConvertible(id), "filesApplied": .stringConvertible(summary.files.applied),
        "filesSkipped": .stringConvertible(summary.files.skipped),
        "filesQuarantined": .stringConvertible(summary.files.quarantined),
        "filesIgnored": .stringConvertible(summary.files.ignored),
        "rowsOk": .stringConvertible(summary.rows.ok),
        "rowsRejected": .stringConvertible(summary.rows.rejected),
        "durationSeconds": .string(String(format: "%.3f", summary.durationSeconds ?? 0)),
      ])
  }

  func totals(_ store: SafetyStore) throws -> RunSummary.Totals {
    let ledger = try store.ledgerTotals()
    let kept = try store.totals()
    return RunSummary.Totals(
      exportsApplied: ledger.exportsApplied, exportsQuarantined: ledger.exportsQuarantined,
      rowsOk: ledger.rowsOk, rowsRejected: ledger.rowsRejected, records: kept.records,
      aggregatedCells: kept.aggregates)
  }
}

/// ISO 8601 timestamps (UTC, seconds) for the run's records.
public enum ISO8601 {
  public static func string(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }

  public static func date(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)
  }
}
