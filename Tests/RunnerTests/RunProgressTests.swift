import Foundation
import Operations
import PipelineSpec
import Testing

@testable import Runner

@Suite struct RunProgressTests {
  @Test func drawsBytesRowsAndTimeLeftOnATerminal() throws {
    let w = try TestWorkspace()
    try w.drop("politie_2024-W36.csv", politieWeek36)
    try w.drop("welzijn_2024-09.csv", "maand,wijk,aantal\n2024-09,WK999901,4\n")
    let sink = CapturingSink(isTerminal: true)
    let pipeline = try LoadedPipeline.load(path: w.pipelinePath)
    _ = try Runner(pipeline: pipeline).run(
      RunOptions(
        runDate: TestWorkspace.runDate, now: "2024-09-30T06:00:00Z", progressSink: sink))
    let bytes =
      politieWeek36.utf8.count + "maand,wijk,aantal\n2024-09,WK999901,4\n".utf8.count
    // The final state: all bytes of both files and their 5 data rows (+ headers).
    let last = try #require(sink.lines.last)
    #expect(last.hasPrefix("teststad  100% "))
    #expect(last.contains(String(format: "%.1f/%.1f MB", Double(bytes) / 1e6, Double(bytes) / 1e6)))
    #expect(last.contains("rows/s"))
  }

  @Test func countsEstimatedBytesUntilAFileIsDone() {
    let progress = RunProgress(
      reporter: ProgressReporter(
        label: "x", totalBytes: 1000, sink: CapturingSink(), enabled: false))
    var file = FileProgress(progress)
    for _ in 0..<5000 { file.row(bytes: 10) }
    #expect(progress.bytes == 40_960)  // flushed every 4096 rows
    file.complete(actualBytes: 51_000)
    #expect(progress.bytes == 51_000)
    progress.finish()
  }
}
