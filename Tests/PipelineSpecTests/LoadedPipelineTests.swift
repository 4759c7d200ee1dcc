import Foundation
import SafetyCore
import Testing

@testable import PipelineSpec

@Suite struct LoadedPipelineTests {
  @Test func resolvesPathsAgainstTheFilesFolderWithDefaults() throws {
    let p = try LoadedPipeline.parse(samplePipeline, file: "/srv/sm/pipelines/testdorp.yaml")
    #expect(p.resolve(p.spec.areas.registry) == "/srv/sm/pipelines/areas/areas.csv")
    #expect(p.stateDirectory == "/srv/sm/state/testdorp")
    #expect(p.storePath == "/srv/sm/state/testdorp/store.sqlite")
    #expect(p.inboxDirectory == "/srv/sm/state/testdorp/inbox")
    #expect(p.archiveDirectory == "/srv/sm/state/testdorp/archive")
    #expect(p.quarantineDirectory == "/srv/sm/state/testdorp/quarantine")
    #expect(p.resolve("/abs/x.csv") == "/abs/x.csv")
    #expect(p.maxBadRowShare == 0.05)
    #expect(p.spec.sources["politie"]?.resolvedShape == .records)
    #expect(p.spec.sources["welzijn"]?.resolvedShape == .aggregated)
  }

  @Test func findsTheSourceOfAFile() throws {
    let p = try LoadedPipeline.parse(samplePipeline, file: "p.yaml")
    #expect(p.source(forFile: "politie_2024-W36.csv")?.id == "politie")
    #expect(p.source(forFile: "POLITIE_2024.CSV")?.id == "politie")
    #expect(p.source(forFile: "welzijn_202409.csv")?.id == "welzijn")
    #expect(p.source(forFile: "other.csv") == nil)
  }

  @Test func matchesFilePatterns() {
    #expect(FilePattern("a*b?.csv").matches("axxxbz.csv"))
    #expect(FilePattern("a*b?.csv").matches("abz.csv"))
    #expect(!FilePattern("a*b?.csv").matches("ab.csv"))
    #expect(FilePattern("../exports/x_*.csv").matches("x_1.csv"))
    #expect(FilePattern("*").matches("anything"))
    #expect(!FilePattern("*.csv").matches("file.csv.part"))
  }

  @Test func readsTheDelimiter() {
    #expect(DialectSpec.byte(nil, default: 59) == 59)
    #expect(DialectSpec.byte("tab", default: 59) == 9)
    #expect(DialectSpec.byte("|", default: 59) == 124)
    #expect(DialectSpec.byte(";;", default: 59) == nil)
  }

  @Test func normalisesHeadersAndCategories() {
    #expect(normaliseHeader(" Pleeg Datum ") == "pleegdatum")
    #expect(normaliseHeader("\u{FEFF}BUURTCODE") == "buurtcode")
    #expect(normaliseCategory(" 1.1.1  ") == "1.1.1")
    #expect(normaliseCategory("Hennepkwekerij") == "hennepkwekerij")
  }

  @Test func loadReportsAMissingFile() {
    #expect(throws: Diagnostic.self) { try LoadedPipeline.load(path: "/nonexistent/p.yaml") }
  }
}
