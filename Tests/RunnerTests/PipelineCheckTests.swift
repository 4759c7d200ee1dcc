import Foundation
import PipelineSpec
import SafetyCore
import Testing

@testable import Runner

@Suite struct PipelineCheckTests {
  @Test func reportsUnknownAreasAndUnmappedCategoriesAfterARun() throws {
    let w = try TestWorkspace()
    try w.drop("politie_2024-W36.csv", politieWeek36)
    _ = try w.run()
    let pipeline = try LoadedPipeline.load(path: w.pipelinePath)
    let problems = PipelineCheck.run(pipeline, runDate: TestWorkspace.runDate)
    #expect(problems.allSatisfy { $0.severity != .error })
    let messages = problems.map(\.message)
    #expect(
      messages.contains(
        "1 rows of source 'politie' are in the unknown-area bucket; area texts: 'BU00000000' (1) "
          + "(add aliases or crosswalk entries)"))
    #expect(
      messages.contains("category '1.4.5' of source 'politie' (1 in the data) feeds no indicator"))
  }

  @Test func reportsMissingRegistryFiles() throws {
    let w = try TestWorkspace()
    try FileManager.default.removeItem(atPath: w.root + "/areas/aliases.csv")
    let pipeline = try LoadedPipeline.load(path: w.pipelinePath)
    let problems = PipelineCheck.run(pipeline, runDate: TestWorkspace.runDate)
    #expect(problems.contains { $0.code == .missingFile && $0.position?.line == 6 })
  }
}
