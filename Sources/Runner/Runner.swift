import Aggregate
import Foundation
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

  public init(runDate: CivilDate, now: String, batchSize: Int = 4, lockWait: Double = 0) {
    self.runDate = runDate
    self.now = now
    self.batchSize = max(1, batchSize)
    self.lockWait = lockWait
  }
}

/// Composes the stages for one pipeline: inbox → parse/normalise → quarantine or apply →
/// archive. Idempotent: a file already in the ledger (by content hash) is skipped, so a
/// second run over the same inbox changes nothing. Each export is applied in one
/// transaction and moved only after it is committed; a run killed between the two is
/// finished by the next run (the file is in the ledger, so it is only moved).
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

  /// Runs once. Row and file diagnostics go to `onDiagnostic` as they are found.
  /// Throws `RunnerError` for problems that stop the whole run (configuration, I/O, lock).
  public func run(
    _ options: RunOptions, onDiagnostic: @escaping (Diagnostic) -> Void = { _ in }
  ) throws -> RunSummary {
    let problems = pipeline.validate().filter { $0.severity == .error }
    if let first = problems.first { throw RunnerError.configuration(first.description) }
    do { try folders.create() } catch {
      throw RunnerError.io("cannot create the state folders under \(folders.state): \(error)")
    }
    let lock: PipelineLock
    do {
      lock = try PipelineLock.acquire(at: folders.state + "/run.lock", wait: options.lockWait)
    } catch let failure as PipelineLock.Failure {
      switch failure {
      case .busy: throw RunnerError.busy(failure.description)
      case .cannotOpen: throw RunnerError.io(failure.description)
      }
    }
    defer { lock.release() }
    let registry: AreaRegistry
    do { registry = try AreaRegistry.load(pipeline) } catch {
      throw RunnerError.configuration("cannot read the area registry: \(error)")
    }
    if let bad = registry.diagnostics.first(where: { $0.severity == .error }) {
      throw RunnerError.configuration("area registry: \(bad)")
    }
    let store: SafetyStore
    do { store = try SafetyStore(path: pipeline.storePath) } catch {
      throw RunnerError.io("cannot open the store \(pipeline.storePath): \(error)")
    }
    var plans: [String: SourcePlan] = [:]
    for id in pipeline.spec.sources.keys {
      do { plans[id] = try SourcePlan(id: id, in: pipeline) } catch {
        throw RunnerError.configuration(error.description)
      }
    }
    var summary = RunSummary(pipeline: pipeline.spec.name, runDate: options.runDate.description)
    do {
      summary.runID = try store.beginRun(startedAt: options.now, runDate: options.runDate)
      let names = try folders.inboxFiles()
      // Files are hashed and checked against the ledger first; new ones are normalised in
      // parallel batches and applied one by one in name order.
      var pending: [PendingFile] = []
      var repeats: [(name: String, hash: String, bytes: Int)] = []
      var pendingHashes: Set<String> = []
      for name in names {
        let path = folders.inbox + "/" + name
        guard let hash = try? StateFolders.sha256(ofFile: path) else {
          // Gone or unreadable since the listing (a partner still moving it): next run.
          summary.add(
            .init(
              name: name, source: nil, outcome: .ignored,
              reason: dutch ? "niet leesbaar; blijft in de inbox" : "unreadable; left in the inbox")
          )
          continue
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if let entry = try store.ledgerEntry(contentHash: hash) {
          summary.add(
            try settleKnown(
              name: name, hash: hash, bytes: bytes, entry: entry, store, options, summary.runID))
          continue
        }
        if pendingHashes.contains(hash) {
          // The same bytes twice in one inbox: settled as a duplicate once the first is in.
          repeats.append((name, hash, bytes))
          continue
        }
        guard let (id, _) = pipeline.source(forFile: name), let plan = plans[id] else {
          summary.add(
            .init(
              name: name, source: nil, outcome: .ignored,
              reason: dutch
                ? "geen bron herkent deze bestandsnaam" : "no source matches this file name"))
          continue
        }
        pending.append(PendingFile(name: name, hash: hash, bytes: bytes, plan: plan))
        pendingHashes.insert(hash)
      }
      // New files are normalised on all cores while the finished ones are applied, one
      // transaction each, strictly in name order.
      var failure: (any Error)?
      let files = pending
      Parallel.orderedReduce(count: files.count, window: options.batchSize) {
        [pipeline, folders] i in
        (
          i,
          ExportReader.read(
            path: folders.inbox + "/" + files[i].name, displayName: files[i].name,
            plan: files[i].plan, pipeline: pipeline, registry: registry,
            runDate: options.runDate, hasher: store.hasher)
        )
      } reduce: { (i, outcome) in
        guard failure == nil else { return }
        do {
          summary.add(
            try settleNew(files[i], outcome, store, registry, options, summary.runID, onDiagnostic))
        } catch {
          failure = error
        }
      }
      if let failure { throw failure }
      for (name, hash, bytes) in repeats {
        guard let entry = try store.ledgerEntry(contentHash: hash) else { continue }
        summary.add(
          try settleKnown(
            name: name, hash: hash, bytes: bytes, entry: entry, store, options, summary.runID))
      }
      summary.exports.sort { $0.name < $1.name }
      summary.flags = try runFlags(
        store: store, registry: registry, options: options, runID: summary.runID)
      try store.finishRun(
        summary.runID ?? 0, finishedAt: options.now, ok: true, summary: summary.json())
    } catch let error as RunnerError {
      try? store.finishRun(
        summary.runID ?? 0, finishedAt: options.now, ok: false, summary: summary.json())
      throw error
    } catch {
      try? store.finishRun(
        summary.runID ?? 0, finishedAt: options.now, ok: false, summary: summary.json())
      throw RunnerError.io("\(error)")
    }
    return summary
  }

  struct PendingFile: Sendable {
    var name: String
    var hash: String
    var bytes: Int
    var plan: SourcePlan
  }

  /// A file whose bytes are in the ledger: a re-delivery (skipped; the inbox copy goes), or
  /// the leftover of a run killed after committing it (moved now, as that run would have).
  func settleKnown(
    name: String, hash: String, bytes: Int, entry: LedgerEntry, _ store: SafetyStore,
    _ options: RunOptions, _ runID: Int64?
  ) throws -> RunSummary.FileReport {
    let kept =
      entry.keptAt ?? folders.archivePath(source: entry.source, hash: hash, originalName: name)
    let keptExists = FileManager.default.fileExists(atPath: folders.absolute(kept))
    if entry.status == .quarantined, !keptExists {
      try folders.writeReason(for: kept, reasonText(entry.reason ?? "", name: entry.originalName))
    }
    try folders.move(inboxName: name, to: kept, hash: hash)
    if keptExists {
      let receipt = ExportReceipt(
        contentHash: hash, source: entry.source, originalName: name, receivedAt: options.now,
        bytes: bytes, runID: runID, keptAt: kept)
      try store.recordDuplicate(of: entry, receipt)
    }
    let already =
      entry.status == .applied
      ? (dutch
        ? "al verwerkt als \(entry.originalName)" : "already applied as \(entry.originalName)")
      : (dutch
        ? "al in quarantaine als \(entry.originalName)"
        : "already quarantined as \(entry.originalName)")
    return .init(
      name: name, source: entry.source, outcome: keptExists ? .duplicate : .recovered,
      reason: already, keptAt: kept)
  }

  /// A new file: quarantined when it has a fatal problem or too many bad rows, else applied
  /// in one transaction and then archived.
  func settleNew(
    _ file: PendingFile, _ outcome: ExportReader.Outcome, _ store: SafetyStore,
    _ registry: AreaRegistry, _ options: RunOptions, _ runID: Int64?,
    _ onDiagnostic: (Diagnostic) -> Void
  ) throws -> RunSummary.FileReport {
    let source = file.plan.id
    var receipt = ExportReceipt(
      contentHash: file.hash, source: source, originalName: file.name, receivedAt: options.now,
      bytes: file.bytes, runID: runID, keptAt: nil)
    let reason: String
    let stats: RowStats
    var listed: [Diagnostic] = []
    switch outcome {
    case .fatal(let diagnostic, let counted):
      onDiagnostic(diagnostic)
      reason = diagnostic.description
      stats = counted
      listed = [diagnostic]
    case .read(let export):
      export.diagnostics.forEach(onDiagnostic)
      let limit = pipeline.maxBadRowShare
      if export.stats.total == 0 || export.rejectedShare <= limit {
        receipt.keptAt = folders.archivePath(
          source: source, hash: file.hash, originalName: file.name)
        let result = try store.apply(export, receipt: receipt, registry: registry)
        try folders.move(inboxName: file.name, to: receipt.keptAt ?? "", hash: file.hash)
        return .init(
          name: file.name, source: source, outcome: .applied, rows: rows(export.stats),
          records: .init(
            new: result.recordsNew, replaced: result.recordsReplaced,
            unchanged: result.recordsUnchanged),
          keptAt: receipt.keptAt)
      }
      let share = RunSummary.percent(export.rejectedShare, dutch: dutch)
      let max = RunSummary.percent(limit, dutch: dutch)
      reason =
        dutch
        ? "\(export.stats.rejected) van \(export.stats.total) rijen afgewezen (\(share)), meer dan \(max)"
        : "\(export.stats.rejected) of \(export.stats.total) rows rejected (\(share)), more than \(max)"
      stats = export.stats
      listed = export.diagnostics
    }
    receipt.keptAt = folders.quarantinePath(originalName: file.name, hash: file.hash)
    try store.recordQuarantine(receipt, stats: stats, reason: reason)
    var text = reasonText(reason, name: file.name)
    if !listed.isEmpty {
      text += "\n" + listed.map(\.description).joined(separator: "\n") + "\n"
    }
    try folders.writeReason(for: receipt.keptAt ?? "", text)
    try folders.move(inboxName: file.name, to: receipt.keptAt ?? "", hash: file.hash)
    return .init(
      name: file.name, source: source, outcome: .quarantined, rows: rows(stats), reason: reason,
      keptAt: receipt.keptAt)
  }

  func reasonText(_ reason: String, name: String) -> String {
    (dutch
      ? "\(name) is in quarantaine gezet; niets ervan telt mee.\nReden: "
      : "\(name) was quarantined; nothing of it is counted.\nReason: ") + reason + "\n"
  }

  func rows(_ s: RowStats) -> RunSummary.Rows {
    .init(
      ok: s.ok, rejected: s.rejected, unknownArea: s.unknownArea,
      unmappedCategory: s.unmappedCategory)
  }
}

extension RunSummary {
  static func percent(_ share: Double, dutch: Bool) -> String {
    let tenths = Int((share * 1000).rounded())
    let text = "\(tenths / 10)\(dutch ? "," : ".")\(tenths % 10) %"
    return text
  }
}
