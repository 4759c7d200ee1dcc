import Foundation
import Testing

@Suite struct ValidateCommandTests {
  @Test func acceptsAValidPipelineAndListsUnmappedCategories() throws {
    let w = try CLIWorkspace()
    try w.drop(
      "politie_1.csv",
      "naam;nr;datum;buurt;code\nJan;1;02-09-2024;BU99990101;1.1.1\nPiet;2;03-09-2024;BU99990101;9.9.9\n"
    )
    let r = try safetyMonitor(["validate", w.pipeline, "--run-date", "2024-09-30"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("valid (1 warning(s))"))
    #expect(
      r.stderr.contains(
        "warning: category '9.9.9' of source 'politie' (1 in the data) feeds no indicator [unknown-category]"
      ))
  }

  @Test func reportsMissingFilesAndBadReferences() throws {
    let text = CLIWorkspace.pipelineText
      .replacingOccurrences(of: "registry: areas.csv", with: "registry: gebieden.csv")
      .replacingOccurrences(of: "theme: hic, from", with: "theme: hicc, from")
    let w = try CLIWorkspace(pipelineText: text)
    let r = try safetyMonitor(["validate", w.pipeline])
    #expect(r.status == 78)
    #expect(
      r.stderr.contains("test.yaml:17:35: error: unknown theme 'hicc'; known: hic [config-error]"))
    #expect(r.stderr.contains("test.yaml:4:19: error: file not found:"))
  }
}
