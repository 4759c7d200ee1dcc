import Foundation
import Operations
import PipelineSpec
import Store
import Testing

@testable import Runner

@Suite struct RunnerDryRunTests {
  @Test func previewsWithoutWritingAndAgreesWithTheRun() throws {
    let w = try TestWorkspace()
    try w.drop("politie_2024-W36.csv", politieWeek36)
    try w.drop("politie_broken.csv", "naam;nummer\nJan;1\n")
    try w.drop("other.csv", "a;b\n")
    let pipeline = try LoadedPipeline.load(path: w.pipelinePath)
    let options = RunOptions(
      runDate: TestWorkspace.runDate, now: "2024-09-30T06:00:00Z", dryRun: true)
    let preview = try Runner(pipeline: pipeline).run(options)
    #expect(preview.dryRun)
    #expect(preview.runID == nil)
    #expect(preview.files == .init(applied: 1, skipped: 0, quarantined: 1, ignored: 1))
    #expect(preview.exitStatus == ExitStatus.data.rawValue)
    #expect(preview.text(language: "en").contains("dry run: nothing was written"))
    #expect(!preview.text(language: "en").contains("records:"))
    #expect(Set(try FileManager.default.contentsOfDirectory(atPath: w.state)) == ["inbox"])
    let real = try w.run()
    #expect(real.files == preview.files)
    #expect(real.rows == preview.rows)
    // Over an existing store: opened read-only, nothing next to it changes.
    try w.drop("politie_again.csv", politieWeek36)
    let before = try FileManager.default.contentsOfDirectory(atPath: w.state).sorted()
    let store = try Data(contentsOf: URL(fileURLWithPath: w.state + "/store.sqlite"))
    let again = try Runner(pipeline: pipeline).run(options)
    #expect(again.files == .init(applied: 0, skipped: 1, quarantined: 0, ignored: 1))
    #expect(try FileManager.default.contentsOfDirectory(atPath: w.state).sorted() == before)
    #expect(try Data(contentsOf: URL(fileURLWithPath: w.state + "/store.sqlite")) == store)
    #expect(try w.inboxNames() == ["other.csv", "politie_again.csv"])
  }

  @Test func waitsForARunningRun() throws {
    let w = try TestWorkspace()
    try w.drop("politie_2024-W36.csv", politieWeek36)
    _ = try w.run()
    let lock = try PipelineLock.acquire(at: w.state + "/run.lock")
    defer { lock.release() }
    let pipeline = try LoadedPipeline.load(path: w.pipelinePath)
    #expect(throws: RunnerError.self) {
      try Runner(pipeline: pipeline).run(
        RunOptions(runDate: TestWorkspace.runDate, now: "2024-09-30T06:00:00Z", dryRun: true))
    }
  }
}
