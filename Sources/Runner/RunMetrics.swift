import Foundation
import Operations
import PipelineSpec
import SafetyCore
import Store

/// The Prometheus textfile `run --metrics-file` writes after every run (node_exporter's
/// textfile collector). Figures of the last run come from its summary; totals, the last
/// successful run and open flags from the store, read after the run — so a failed run
/// still reports when the pipeline last succeeded. Metric names are documented in
/// docs/OPERATIONS.md; never rename one.
public enum RunMetrics {
  /// `finished`: when the attempt ended. `summary` is nil when the run failed before it
  /// had one (configuration, lock); `exitStatus` is what the process exits with.
  public static func textfile(
    pipeline: LoadedPipeline?, pipelineName: String, summary: RunSummary?, exitStatus: Int32,
    finished: Date
  ) -> MetricsTextfile {
    let label = [("pipeline", pipelineName)]
    func sample(_ value: Double, _ extra: [(String, String)] = []) -> MetricsTextfile.Sample {
      MetricsTextfile.Sample(labels: label + extra, value: value)
    }
    var m = MetricsTextfile()
    m.add(
      "safety_monitor_last_run_timestamp_seconds", help: "When the last run ended (Unix time).",
      samples: [sample(finished.timeIntervalSince1970.rounded())])
    m.add(
      "safety_monitor_last_run_exit_status",
      help:
        "Exit status of the last run: 0 ok, 65 an export was quarantined, 74 I/O, 78 configuration.",
      samples: [sample(Double(exitStatus))])
    if let summary {
      m.add(
        "safety_monitor_last_run_duration_seconds", help: "How long the last run took.",
        samples: [sample(summary.durationSeconds ?? 0)])
      m.add(
        "safety_monitor_last_run_files", help: "Inbox files of the last run, by outcome.",
        samples: [
          sample(Double(summary.files.applied), [("outcome", "applied")]),
          sample(Double(summary.files.skipped), [("outcome", "skipped")]),
          sample(Double(summary.files.quarantined), [("outcome", "quarantined")]),
          sample(
            Double(summary.files.ignored + summary.skippedEntries.count), [("outcome", "ignored")]),
        ])
      m.add(
        "safety_monitor_last_run_rows", help: "Rows of the exports the last run applied.",
        samples: [
          sample(Double(summary.rows.ok), [("kind", "ok")]),
          sample(Double(summary.rows.rejected), [("kind", "rejected")]),
          sample(Double(summary.rows.unknownArea), [("kind", "unknown_area")]),
        ])
    }
    guard let pipeline, FileManager.default.fileExists(atPath: pipeline.storePath),
      let store = try? SafetyStore(path: pipeline.storePath, mode: .readOnly)
    else { return m }
    if let last = try? store.lastCompletedRun(), let at = last.finishedAt.flatMap(ISO8601.date) {
      m.add(
        "safety_monitor_last_success_timestamp_seconds",
        help: "When the last run that went through the whole inbox ended (Unix time).",
        samples: [sample(at.timeIntervalSince1970)])
    }
    if let t = try? store.ledgerTotals() {
      m.add(
        "safety_monitor_rows_ingested_total", help: "Rows applied to the store, all runs.",
        kind: .counter, samples: [sample(Double(t.rowsOk))])
      m.add(
        "safety_monitor_rows_rejected_total",
        help: "Rows rejected in exports that were applied, all runs.", kind: .counter,
        samples: [sample(Double(t.rowsRejected))])
      m.add(
        "safety_monitor_exports_applied_total", help: "Exports applied, all runs.",
        kind: .counter, samples: [sample(Double(t.exportsApplied))])
      m.add(
        "safety_monitor_exports_quarantined_total", help: "Exports quarantined, all runs.",
        kind: .counter, samples: [sample(Double(t.exportsQuarantined))])
    }
    if let kept = try? store.totals() {
      m.add(
        "safety_monitor_records", help: "Deduplicated records in the store.",
        samples: [sample(Double(kept.records))])
    }
    if let open = try? store.openFlagCounts() {
      m.add(
        "safety_monitor_open_flags", help: "Open (unresolved) early-warning flags, by kind.",
        samples: FlagKind.allCases.map { sample(Double(open[$0] ?? 0), [("kind", $0.rawValue)]) })
    }
    return m
  }
}
