import Foundation
import Testing

@testable import Operations

@Suite struct MetricsTextfileTests {
  @Test func rendersExpositionFormat() {
    var m = MetricsTextfile()
    m.add(
      "safetymonitor_last_success_timestamp_seconds", help: "Last successful run.",
      value: 1_732_924_800)
    m.add(
      "safetymonitor_open_flags", help: "Open flags by kind.",
      samples: [
        .init(labels: [("pipeline", "demo"), ("kind", "spike")], value: 3),
        .init(labels: [("pipeline", "demo \"x\""), ("kind", "rising")], value: 0.5),
      ])
    #expect(
      m.text == """
        # HELP safetymonitor_last_success_timestamp_seconds Last successful run.
        # TYPE safetymonitor_last_success_timestamp_seconds gauge
        safetymonitor_last_success_timestamp_seconds 1732924800
        # HELP safetymonitor_open_flags Open flags by kind.
        # TYPE safetymonitor_open_flags gauge
        safetymonitor_open_flags{pipeline="demo",kind="spike"} 3
        safetymonitor_open_flags{pipeline="demo \\"x\\"",kind="rising"} 0.5

        """)
  }

  @Test func writesAtomically() throws {
    let dir = NSTemporaryDirectory() + "metrics-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    var m = MetricsTextfile()
    m.add("x", help: "x", value: 1)
    try m.write(to: dir + "/safety.prom")
    #expect(try String(contentsOfFile: dir + "/safety.prom", encoding: .utf8) == m.text)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["safety.prom"])
  }
}
