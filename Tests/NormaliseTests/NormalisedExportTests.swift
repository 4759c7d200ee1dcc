import PipelineSpec
import SafetyCore
import Testing

@testable import Normalise

@Suite struct NormalisedExportTests {
  let hasher = KeyHasher(secret: Array(repeating: 7, count: 32))

  @Test func exportsKeepTheLastRowPerKey() throws {
    let plan = try SourcePlan(id: "politie", in: try testPipeline())
    var n = Normaliser(
      plan: plan, registry: testRegistry(),
      columns: try plan.bind(header: NormaliserTests.politieHeader, file: "test.csv"),
      file: "test.csv", runDate: CivilDate(year: 2024, month: 9, day: 30)!, hasher: hasher)
    var export = NormalisedExport(source: "politie", periodKind: .week)
    export.append(n.normalise(row("x;P1;03-09-2024;BU99990101;1.1.1;x")))
    export.append(n.normalise(row("x;P2;03-09-2024;BU99990101;1.1.1;x")))
    export.append(n.normalise(row("x;P1;04-09-2024;BU99990102;1.4.5;x")))
    export.finish(with: n)
    #expect(export.records.count == 2)
    #expect(export.duplicateKeys == 1)
    #expect(export.records[1].area == 4)
    #expect(export.records[1].category == 1)
    #expect(export.categories == ["1.1.1", "1.4.5"])
  }
}
