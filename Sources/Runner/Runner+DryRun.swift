import Aggregate
import Foundation
import Normalise
import Operations
import SafetyCore
import Store

extension Runner {
  /// `run --dry-run`: reads the inbox and the store as a run would and reports what it
  /// would do, writing nothing — no folder, store, archive, quarantine or lock-file change
  /// (the store is opened read-only; the lock is taken shared, so a dry run waits for a
  /// running run and never sees its half-done work). Records new/replaced are not known
  /// without applying, so the summary leaves them at zero.
  func dryRun(_ options: RunOptions, log: RunLog, report: @escaping (Diagnostic) -> Void)
    throws -> RunSummary
  {
    var summary = RunSummary(pipeline: pipeline.spec.name, runDate: options.runDate.description)
    summary.dryRun = true
    summary.startedAt = options.now
    let started = DispatchTime.now().uptimeNanoseconds
    let fm = FileManager.default
    let lock =
      fm.fileExists(atPath: folders.state)
      ? try takeLock(wait: options.lockWait, shared: true) : nil
    defer { lock?.release() }
    let prepared = try prepare()
    var store: SafetyStore?
    if fm.fileExists(atPath: pipeline.storePath) {
      do {
        let opened = try SafetyStore(path: pipeline.storePath, mode: .readOnly)
        let schema = try opened.schemaStatus()
        if !schema.unknown.isEmpty {
          throw RunnerError.configuration(
            "the store \(pipeline.storePath) was written by a newer version of safety-monitor")
        }
        if !schema.pending.isEmpty {
          options.logger.notice(
            "the run would first migrate the store: \(schema.pending.joined(separator: ", "))")
        }
        store = opened
      } catch let error as RunnerError {
        throw error
      } catch {
        throw RunnerError.io("cannot read the store \(pipeline.storePath): \(error)")
      }
    }
    if fm.fileExists(atPath: folders.inbox) {
      try preview(&summary, store, prepared, options, log: log, report: report)
    }
    summary.exports.sort { $0.name < $1.name }
    summary.exitStatus = summary.dataExitStatus.rawValue
    summary.finishedAt = ISO8601.string(options.clock())
    summary.durationSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    return summary
  }

  private func preview(
    _ summary: inout RunSummary, _ store: SafetyStore?, _ prepared: Prepared,
    _ options: RunOptions, log: RunLog, report: @escaping (Diagnostic) -> Void
  ) throws {
    let entries = try folders.inboxEntries()
    summary.skippedEntries = entries.others
    var pending: [PendingFile] = []
    var seen: [String: String] = [:]
    for name in entries.files {
      let path = folders.inbox + "/" + name
      guard let hash = try? StateFolders.sha256(ofFile: path) else {
        record(
          &summary, log,
          .init(
            name: name, source: nil, outcome: .ignored,
            reason: dutch ? "niet leesbaar; blijft in de inbox" : "unreadable; left in the inbox"),
          dryRun: true)
        continue
      }
      if let entry = try store?.ledgerEntry(contentHash: hash) {
        let kept =
          entry.keptAt ?? folders.archivePath(source: entry.source, hash: hash, originalName: name)
        let keptExists = FileManager.default.fileExists(atPath: folders.absolute(kept))
        let sameFile =
          folders.identity(ofInboxFile: name).flatMap { try? store?.hasDelivery(fileIdentity: $0) }
          ?? false
        record(
          &summary, log,
          .init(
            name: name, source: entry.source,
            outcome: sameFile || !keptExists ? .recovered : .duplicate,
            reason: dutch
              ? "al verwerkt als \(entry.originalName)" : "known as \(entry.originalName)",
            keptAt: kept), dryRun: true)
        continue
      }
      if let first = seen[hash] {
        record(
          &summary, log,
          .init(
            name: name, source: nil, outcome: .duplicate,
            reason: dutch ? "zelfde inhoud als \(first)" : "same content as \(first)"),
          dryRun: true)
        continue
      }
      guard let (id, _) = pipeline.source(forFile: name), let plan = prepared.plans[id] else {
        record(
          &summary, log,
          .init(
            name: name, source: nil, outcome: .ignored,
            reason: dutch
              ? "geen bron herkent deze bestandsnaam" : "no source matches this file name"),
          dryRun: true)
        continue
      }
      seen[hash] = name
      pending.append(
        PendingFile(
          name: name, hash: hash, bytes: ExportReader.fileSize(path), plan: plan, identity: nil))
    }
    var previewed: [RunSummary.FileReport] = []
    let registry = prepared.registry
    let files = pending
    Parallel.orderedReduce(count: files.count, window: options.batchSize) {
      [pipeline, folders] i in
      ExportReader.read(
        path: folders.inbox + "/" + files[i].name, displayName: files[i].name,
        plan: files[i].plan, pipeline: pipeline, registry: registry,
        runDate: options.runDate, hasher: nil)
    } reduce: { outcome in
      let i = previewed.count
      let file = files[i]
      switch judge(outcome, report) {
      case .apply(let export):
        previewed.append(
          .init(
            name: file.name, source: file.plan.id, outcome: .applied, rows: rows(export.stats)))
      case .quarantine(let reason, let stats, _):
        previewed.append(
          .init(
            name: file.name, source: file.plan.id, outcome: .quarantined, rows: rows(stats),
            reason: reason))
      }
      log.file(previewed[i], dryRun: true)
    }
    for report in previewed { summary.add(report) }
  }

  func record(
    _ summary: inout RunSummary, _ log: RunLog, _ report: RunSummary.FileReport, dryRun: Bool
  ) {
    summary.add(report)
    log.file(report, dryRun: dryRun)
  }
}
