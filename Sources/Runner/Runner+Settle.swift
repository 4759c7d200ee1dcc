import Aggregate
import Foundation
import Normalise
import Operations
import SafetyCore
import Store

extension Runner {
  struct PendingFile: Sendable {
    var name: String
    var hash: String
    var bytes: Int
    var plan: SourcePlan
    var identity: String?
  }

  /// Goes through the inbox: every file is hashed and checked against the ledger first;
  /// new ones are normalised in parallel batches and applied one by one in name order.
  func settleInbox(
    _ summary: inout RunSummary, _ store: SafetyStore, _ prepared: Prepared, _ options: RunOptions,
    log: RunLog, report: @escaping (Diagnostic) -> Void
  ) throws {
    let entries = try folders.inboxEntries()
    summary.skippedEntries = entries.others
    for name in entries.others {
      options.logger.warning(
        "\(name): not a regular file (a link, pipe or device); left in the inbox",
        metadata: ["file": .string(name)])
    }
    var pending: [PendingFile] = []
    var repeats: [(name: String, hash: String, bytes: Int)] = []
    var pendingHashes: Set<String> = []
    for name in entries.files {
      let path = folders.inbox + "/" + name
      guard let hash = try? StateFolders.sha256(ofFile: path) else {
        // Gone or unreadable since the listing (a partner still moving it): next run.
        record(
          &summary, log,
          .init(
            name: name, source: nil, outcome: .ignored,
            reason: dutch ? "niet leesbaar; blijft in de inbox" : "unreadable; left in the inbox"))
        continue
      }
      let bytes = ExportReader.fileSize(path)
      if let entry = try store.ledgerEntry(contentHash: hash) {
        if try isLeftover(name: name, hash: hash, entry: entry, store) {
          record(
            &summary, log,
            try settleKnown(
              name: name, hash: hash, bytes: bytes, entry: entry, store, options, summary.runID))
        } else {
          // Delivered again: recorded after the new files, so that deliveries are recorded in
          // the same order whether or not an earlier run was killed half-way.
          repeats.append((name, hash, bytes))
        }
        continue
      }
      if pendingHashes.contains(hash) {
        // The same bytes twice in one inbox: settled as a duplicate once the first is in.
        repeats.append((name, hash, bytes))
        continue
      }
      guard let (id, _) = pipeline.source(forFile: name), let plan = prepared.plans[id] else {
        record(
          &summary, log,
          .init(
            name: name, source: nil, outcome: .ignored,
            reason: dutch
              ? "geen bron herkent deze bestandsnaam" : "no source matches this file name"))
        continue
      }
      pending.append(
        PendingFile(
          name: name, hash: hash, bytes: bytes, plan: plan,
          identity: folders.identity(ofInboxFile: name)))
      pendingHashes.insert(hash)
    }
    let progress = options.progressSink.map { sink in
      RunProgress(
        reporter: ProgressReporter(
          label: pipeline.spec.name, totalBytes: pending.reduce(0) { $0 + $1.bytes }, sink: sink,
          enabled: true))
    }
    // New files are normalised on all cores while the finished ones are applied, one
    // transaction each, strictly in name order.
    var failure: (any Error)?
    let files = pending
    let registry = prepared.registry
    var settled: [RunSummary.FileReport] = []
    let runID = summary.runID
    Parallel.orderedReduce(count: files.count, window: options.batchSize) {
      [pipeline, folders] i in
      (
        i,
        ExportReader.read(
          path: folders.inbox + "/" + files[i].name, displayName: files[i].name,
          plan: files[i].plan, pipeline: pipeline, registry: registry,
          runDate: options.runDate, hasher: store.hasher, progress: progress)
      )
    } reduce: { (i, outcome) in
      guard failure == nil else { return }
      do {
        let report = try settleNew(files[i], outcome, store, registry, options, runID, report)
        settled.append(report)
        log.file(report, dryRun: false)
      } catch {
        failure = error
      }
    }
    progress?.finish()
    for report in settled { summary.add(report) }
    if let failure { throw failure }
    for (name, hash, bytes) in repeats {
      guard let entry = try store.ledgerEntry(contentHash: hash) else { continue }
      record(
        &summary, log,
        try settleKnown(
          name: name, hash: hash, bytes: bytes, entry: entry, store, options, summary.runID))
    }
  }

  func record(_ summary: inout RunSummary, _ log: RunLog, _ report: RunSummary.FileReport) {
    summary.add(report)
    log.file(report, dryRun: false)
  }

  /// Whether an inbox file with known bytes is the leftover of a run that stopped before
  /// moving it: its delivery is recorded (same file identity), or its archive or quarantine
  /// copy is missing.
  func isLeftover(name: String, hash: String, entry: LedgerEntry, _ store: SafetyStore) throws
    -> Bool
  {
    let kept =
      entry.keptAt ?? folders.archivePath(source: entry.source, hash: hash, originalName: name)
    guard FileManager.default.fileExists(atPath: folders.absolute(kept)) else { return true }
    return try folders.identity(ofInboxFile: name).map(store.hasDelivery(fileIdentity:)) ?? false
  }

  /// A file whose bytes are in the ledger: either this very file was taken by a run that
  /// stopped before moving it (`isLeftover`) — then it is only moved now, as that run would
  /// have — or it is a new delivery of known bytes (skipped: recorded as a duplicate
  /// delivery, the inbox copy goes).
  func settleKnown(
    name: String, hash: String, bytes: Int, entry: LedgerEntry, _ store: SafetyStore,
    _ options: RunOptions, _ runID: Int64?
  ) throws -> RunSummary.FileReport {
    let kept =
      entry.keptAt ?? folders.archivePath(source: entry.source, hash: hash, originalName: name)
    let identity = folders.identity(ofInboxFile: name)
    let recovered = try isLeftover(name: name, hash: hash, entry: entry, store)
    if entry.status == .quarantined,
      !FileManager.default.fileExists(atPath: folders.absolute(kept) + ".reason.txt")
    {
      try folders.writeReason(for: kept, reasonText(entry.reason ?? "", name: entry.originalName))
    }
    if !recovered {
      let receipt = ExportReceipt(
        contentHash: hash, source: entry.source, originalName: name, receivedAt: options.now,
        bytes: bytes, runID: runID, keptAt: kept, fileIdentity: identity)
      try store.recordDuplicate(of: entry, receipt)
      CrashPoints.reach("run.duplicate-recorded")
    }
    try folders.move(inboxName: name, to: kept, hash: hash)
    let already =
      entry.status == .applied
      ? (dutch
        ? "al verwerkt als \(entry.originalName)" : "already applied as \(entry.originalName)")
      : (dutch
        ? "al in quarantaine als \(entry.originalName)"
        : "already quarantined as \(entry.originalName)")
    return .init(
      name: name, source: entry.source, outcome: recovered ? .recovered : .duplicate,
      reason: already, keptAt: kept)
  }

  /// A new file: quarantined when it has a fatal problem or too many bad rows, else applied
  /// in one transaction and then archived.
  func settleNew(
    _ file: PendingFile, _ outcome: ExportReader.Outcome, _ store: SafetyStore,
    _ registry: AreaRegistry, _ options: RunOptions, _ runID: Int64?,
    _ report: (Diagnostic) -> Void
  ) throws -> RunSummary.FileReport {
    let source = file.plan.id
    var receipt = ExportReceipt(
      contentHash: file.hash, source: source, originalName: file.name, receivedAt: options.now,
      bytes: file.bytes, runID: runID, keptAt: nil, fileIdentity: file.identity)
    let verdict = judge(outcome, report)
    let stats: RowStats
    switch verdict {
    case .apply(let export):
      receipt.keptAt = folders.archivePath(
        source: source, hash: file.hash, originalName: file.name)
      let result = try store.apply(export, receipt: receipt, registry: registry)
      CrashPoints.reach("run.applied")
      try folders.move(inboxName: file.name, to: receipt.keptAt ?? "", hash: file.hash)
      return .init(
        name: file.name, source: source, outcome: .applied, rows: rows(export.stats),
        records: .init(
          new: result.recordsNew, replaced: result.recordsReplaced,
          unchanged: result.recordsUnchanged),
        keptAt: receipt.keptAt)
    case .quarantine(let reason, let counted, let listed):
      stats = counted
      receipt.keptAt = folders.quarantinePath(originalName: file.name, hash: file.hash)
      // The reason first: a run killed after it re-reads the file and writes the same text.
      var text = reasonText(reason, name: file.name)
      if !listed.isEmpty {
        text += "\n" + listed.map(\.description).joined(separator: "\n") + "\n"
      }
      try folders.writeReason(for: receipt.keptAt ?? "", text)
      try store.recordQuarantine(receipt, stats: stats, reason: reason)
      CrashPoints.reach("run.quarantine-recorded")
      try folders.move(inboxName: file.name, to: receipt.keptAt ?? "", hash: file.hash)
      return .init(
        name: file.name, source: source, outcome: .quarantined, rows: rows(stats),
        reason: reason, keptAt: receipt.keptAt)
    }
  }

  /// What becomes of a read file.
  enum Verdict {
    case apply(NormalisedExport)
    /// Reason, what was counted, and the diagnostics for `.reason.txt`.
    case quarantine(String, RowStats, [Diagnostic])
  }

  /// A file with a fatal problem or more rejected rows than the pipeline allows is
  /// quarantined; every other file is applied. Reports the file's diagnostics.
  func judge(_ outcome: ExportReader.Outcome, _ report: (Diagnostic) -> Void) -> Verdict {
    switch outcome {
    case .fatal(let diagnostic, let counted):
      report(diagnostic)
      return .quarantine(diagnostic.description, counted, [diagnostic])
    case .read(let export):
      export.diagnostics.forEach(report)
      let limit = pipeline.maxBadRowShare
      if export.stats.total == 0 || export.rejectedShare <= limit { return .apply(export) }
      let share = RunSummary.percent(export.rejectedShare, dutch: dutch)
      let max = RunSummary.percent(limit, dutch: dutch)
      let reason =
        dutch
        ? "\(export.stats.rejected) van \(export.stats.total) rijen afgewezen (\(share)), meer dan \(max)"
        : "\(export.stats.rejected) of \(export.stats.total) rows rejected (\(share)), more than \(max)"
      return .quarantine(reason, export.stats, export.diagnostics)
    }
  }

  func reasonText(_ reason: String, name: String) -> String {
    var text =
      (dutch
        ? "\(name) is in quarantaine gezet; niets ervan telt mee.\nReden: "
        : "\(name) was quarantined; nothing of it is counted.\nReason: ") + reason + "\n"
    if let meaning = DiagnosticCode.trailing(in: reason)?.explanation(dutch: dutch) {
      text += (dutch ? "Uitleg: " : "Meaning: ") + meaning + "\n"
    }
    return text
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
