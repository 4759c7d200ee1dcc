import Flagging
import Testing

@testable import Dashboard

@Suite struct FlagsModelTests {
  @Test func theQueryComesFromTheURLAndGoesBack() {
    let q = FlagQuery(FormData("theme=hic&kind=spike&status=all&wijk=wk999901&review=unreviewed"))
    #expect(q.theme == "hic")
    #expect(q.kind == .spike)
    #expect(q.statuses == .all)
    #expect(q.wijk == "WK999901")
    #expect(q.review == .unreviewed)
    #expect(FlagQuery(FormData(q.pairs.map { "\($0.0)=\($0.1)" }.joined(separator: "&"))) == q)
    // Unknown values fall back to the defaults: open flags, every kind.
    let odd = FlagQuery(FormData("status=bogus&kind=nope&review=maybe"))
    #expect(odd.statuses == .open)
    #expect(odd.kind == nil)
    #expect(odd.review == nil)
    #expect(FlagQuery(FormData("status=escalated")).statuses == .only(.escalated))
  }

  @Test func theStoresFlagsWithWhatTheLastRunChanged() throws {
    let w = try DashboardWorkspace()
    let before = try FlagsModel(reader: try w.reader())
    #expect(!before.detectionRan || before.records.isEmpty)
    try w.seedFlags()
    let model = try FlagsModel(reader: try w.reader())
    #expect(model.detectionRan)
    #expect(model.lastRunDate == "2024-09-30")
    #expect(model.open.map(\.flag.id) == [DashboardWorkspace.openFlag])
    #expect(model.record(DashboardWorkspace.openFlag.lowercased())?.status == .new)
    #expect(model.openByArea()["BU99990101"]?.status == .new)
    #expect(model.openByArea()["BU99990102"] == nil)
    let names = DeskNames(reader: try w.reader(), language: .nl)
    var q = FlagQuery()
    q.wijk = "WK999901"
    #expect(model.records.filter { q.matches($0, names: names) }.count == 1)
    q.statuses = .all
    #expect(model.records.filter { q.matches($0, names: names) }.count == 2)
    q.area = "BU99990102"
    #expect(
      model.records.filter { q.matches($0, names: names) }.map(\.flag.id) == [
        DashboardWorkspace.resolvedFlag
      ])
  }
}
