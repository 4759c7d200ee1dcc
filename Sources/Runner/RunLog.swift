import Logging
import SafetyCore

/// The run's log events. Messages and metadata carry file names, positions, codes and
/// counts only — never a field's value: diagnostics are built without values (see
/// docs/OPERATIONS.md, "What logs may hold") and nothing here adds one.
struct RunLog {
  var logger: Logger

  /// A diagnostic as a log event: its `file:line:column: severity: message [code]` text,
  /// with the position and code as metadata (JSON lines keep them as fields).
  func diagnostic(_ d: Diagnostic) {
    var metadata: Logger.Metadata = ["code": .string(d.code.rawValue)]
    if let p = d.position {
      metadata["file"] = .string(p.file)
      metadata["line"] = .stringConvertible(p.line)
      metadata["column"] = .stringConvertible(p.column)
    }
    let level: Logger.Level =
      switch d.severity {
      case .error: .error
      case .warning: .warning
      case .note: .info
      }
    logger.log(level: level, "\(d.description)", metadata: metadata)
  }

  func file(_ report: RunSummary.FileReport, dryRun: Bool) {
    var metadata: Logger.Metadata = [
      "file": .string(report.name), "outcome": .string(report.outcome.rawValue),
    ]
    if let source = report.source { metadata["source"] = .string(source) }
    if let rows = report.rows {
      metadata["rowsOk"] = .stringConvertible(rows.ok)
      metadata["rowsRejected"] = .stringConvertible(rows.rejected)
      metadata["rowsUnknownArea"] = .stringConvertible(rows.unknownArea)
    }
    if let records = report.records {
      metadata["recordsNew"] = .stringConvertible(records.new)
      metadata["recordsReplaced"] = .stringConvertible(records.replaced)
    }
    if let kept = report.keptAt, !dryRun { metadata["keptAt"] = .string(kept) }
    if dryRun { metadata["dryRun"] = "true" }
    let verb: String
    switch report.outcome {
    case .applied: verb = dryRun ? "would apply" : "applied"
    case .duplicate: verb = dryRun ? "would skip (delivered before)" : "skipped (delivered before)"
    case .recovered: verb = dryRun ? "would finish moving" : "finished moving (earlier run stopped)"
    case .quarantined: verb = dryRun ? "would quarantine" : "quarantined"
    case .ignored: verb = "left in the inbox"
    }
    let level: Logger.Level =
      switch report.outcome {
      case .quarantined: .error
      case .ignored: .warning
      default: .info
      }
    let why = report.reason.map { ": \($0)" } ?? ""
    logger.log(level: level, "\(report.name): \(verb)\(why)", metadata: metadata)
  }
}
