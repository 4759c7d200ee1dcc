import Foundation
import PipelineSpec
import Testing

@testable import Runner

@Suite struct RunMetricsTests {
  @Test func reportsTheLastRunAndTheStoreTotals() throws {
    let w = try TestWorkspace()
    try w.drop("politie_2024-W36.csv", politieWeek36)
    let summary = try w.run()
    let pipeline = try LoadedPipeline.load(path: w.pipelinePath)
    let text = RunMetrics.textfile(
      pipeline: pipeline, pipelineName: "teststad", summary: summary, exitStatus: 0,
      finished: Date(timeIntervalSince1970: 1_727_676_000)
    ).text
    for line in [
      "safety_monitor_last_run_timestamp_seconds{pipeline=\"teststad\"} 1727676000",
      "safety_monitor_last_run_exit_status{pipeline=\"teststad\"} 0",
      "safety_monitor_last_run_rows{pipeline=\"teststad\",kind=\"ok\"} 4",
      "safety_monitor_last_run_rows{pipeline=\"teststad\",kind=\"unknown_area\"} 1",
      "# TYPE safety_monitor_rows_ingested_total counter",
      "safety_monitor_rows_ingested_total{pipeline=\"teststad\"} 4",
      "safety_monitor_exports_applied_total{pipeline=\"teststad\"} 1",
      "safety_monitor_records{pipeline=\"teststad\"} 4",
      "# TYPE safety_monitor_open_flags gauge",
      "safety_monitor_open_flags{pipeline=\"teststad\",kind=\"spike\"} 0",
      "safety_monitor_open_flags{pipeline=\"teststad\",kind=\"convergent\"} 0",
    ] {
      #expect(text.contains(line + "\n"), "missing \(line)")
    }
    #expect(text.contains("safety_monitor_last_success_timestamp_seconds{pipeline=\"teststad\"} "))
    // Before any run (no store): only what the attempt knows.
    let bare = RunMetrics.textfile(
      pipeline: nil, pipelineName: "x", summary: nil, exitStatus: 78, finished: Date()
    ).text
    #expect(bare.contains("safety_monitor_last_run_exit_status{pipeline=\"x\"} 78"))
    #expect(!bare.contains("last_success"))
  }
}
