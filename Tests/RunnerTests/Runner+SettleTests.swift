import Foundation
import Logging
import Operations
import PipelineSpec
import Store
import Testing

@testable import Runner

@Suite struct RunnerSettleTests {
  @Test func aRedeliveryIsRecordedOnceEvenWhenTheRunStopsBeforeRemovingIt() throws {
    let w = try TestWorkspace()
    try w.drop("politie_2024-W36.csv", politieWeek36)
    _ = try w.run()
    // A re-delivery whose duplicate delivery was recorded by a run killed before it removed
    // the inbox copy: the same file (identity) is recognised, not recorded again.
    try w.drop("politie_again.csv", politieWeek36)
    let folders = Runner(pipeline: try LoadedPipeline.load(path: w.pipelinePath)).folders
    let identity = try #require(folders.identity(ofInboxFile: "politie_again.csv"))
    let store = try SafetyStore(path: w.state + "/store.sqlite")
    let entry = try #require(try store.ledger().first)
    try store.recordDuplicate(
      of: entry,
      ExportReceipt(
        contentHash: entry.contentHash, source: "politie", originalName: "politie_again.csv",
        receivedAt: "2024-09-30T06:00:00Z", bytes: 1, runID: nil, keptAt: entry.keptAt,
        fileIdentity: identity))
    let s = try w.run()
    #expect(s.exports.map(\.outcome) == [.recovered])
    #expect(try w.inboxNames().isEmpty)
    #expect(try store.deliveries().map(\.outcome) == ["applied", "duplicate"])
    // A genuine second delivery of the same bytes is a new file: recorded.
    try w.drop("politie_third.csv", politieWeek36)
    #expect(try w.run().exports.map(\.outcome) == [.duplicate])
    #expect(try store.deliveries().map(\.outcome) == ["applied", "duplicate", "duplicate"])
  }

  @Test func logsEachFileAndTheRunWithoutValues() throws {
    let w = try TestWorkspace()
    try w.drop("politie_2024-W36.csv", politieWeek36)
    try w.drop("politie_bad.csv", politieWeek36.replacingOccurrences(of: "-2024;", with: "-2031;"))
    let sink = CapturingSink()
    let logger = SafetyLogHandler.logger(label: "run", format: .json, level: .debug, sink: sink)
    let pipeline = try LoadedPipeline.load(path: w.pipelinePath)
    let s = try Runner(pipeline: pipeline).run(
      RunOptions(runDate: TestWorkspace.runDate, now: "2024-09-30T06:00:00Z", logger: logger))
    #expect(s.exitStatus == 65)
    let messages = sink.lines.compactMap {
      (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["message"]
        as? String
    }
    #expect(messages.first == "run started")
    #expect(messages.contains("politie_2024-W36.csv: applied"))
    #expect(
      messages.contains { $0.hasPrefix("politie_bad.csv: quarantined: 4 of 4 rows rejected") })
    #expect(
      messages.contains { $0.contains("politie_bad.csv:2:") && $0.hasSuffix("[future-date]") })
    #expect(messages.last == "run finished")
    for planted in ["Jan", "Piet", "Kees", "Bakker", "123456782", "P-001"] {
      #expect(!sink.lines.joined().contains(planted))
    }
  }
}
