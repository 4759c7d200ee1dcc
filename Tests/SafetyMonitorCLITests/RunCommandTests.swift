import Foundation
import Testing

@Suite struct RunCommandTests {
  @Test func runsTwiceAndTheSecondRunChangesNothing() throws {
    let w = try CLIWorkspace()
    try w.drop(
      "politie_1.csv",
      "naam;nr;datum;buurt;code\nJan;1;02-09-2024;BU99990101;1.1.1\nPiet;2;03-09-2024;BU12345678;1.1.1\n"
    )
    let first = try safetyMonitor(["run", w.pipeline, "--run-date", "2024-09-30"])
    #expect(first.status == 0)
    #expect(
      first.stdout == """
        clitest: run 2024-09-30
        files: 1 applied, 0 skipped, 0 quarantined, 0 ignored
        rows: 2 ok, 0 rejected, 1 unknown area
        records: 2 new, 0 replaced, 0 unchanged
        flags (period 2022-W37 – 2024-W36): 0 new, 0 escalated, 0 de-escalated, 0 resolved; 0 open

        """)
    let second = try safetyMonitor(["run", w.pipeline, "--run-date", "2024-09-30", "--json"])
    #expect(second.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any]
    #expect(json?["changed"] as? Bool == false)
    #expect((json?["files"] as? [String: Int])?["applied"] == 0)
  }

  @Test func exitsWith65WhenAFileIsQuarantined() throws {
    let w = try CLIWorkspace()
    try w.drop(
      "politie_1.csv",
      "naam;nr;datum;buurt;code\nJan;1;02-09-2024;BU99990101;1.1.1\nPiet;2;31-09-2024;BU99990101;1.1.1\n"
    )
    let r = try safetyMonitor(["run", w.pipeline, "--run-date", "2024-09-30"])
    #expect(r.status == 65)
    #expect(
      r.stderr.contains(
        "politie_1.csv:3:8: error: no such date (pattern dd-MM-yyyy) [invalid-date]"))
    #expect(
      r.stdout.contains(
        "quarantined: politie_1.csv — 1 of 2 rows rejected (50.0 %), more than 5.0 %"))
    #expect(!r.stdout.contains("Piet") && !r.stderr.contains("Piet"))
  }

  @Test func exitsWith78ForABadPipelineAnd64ForBadUsage() throws {
    let w = try CLIWorkspace(pipelineText: CLIWorkspace.pipelineText + "\nextra: 1\n")
    let r = try safetyMonitor(["run", w.pipeline])
    #expect(r.status == 78)
    #expect(r.stderr.contains("test.yaml:18:1: error: unknown key 'extra'"))
    let usage = try safetyMonitor(["run", w.pipeline, "--run-date", "30-09-2024"])
    #expect(usage.status == 64)
    let missing = try safetyMonitor(["run", w.root + "/nope.yaml"])
    #expect(missing.status == 74)
  }
}
