import Foundation
import PipelineSpec
import SafetyCore

@testable import Runner

/// A pipeline in a temporary folder: areas, a pipeline file and an inbox to drop files in.
struct TestWorkspace {
  let root: String
  var pipelinePath: String { root + "/pipelines/test.yaml" }
  var inbox: String { root + "/state/inbox" }
  var state: String { root + "/state" }
  static let runDate = CivilDate(year: 2024, month: 9, day: 30)!

  static let pipelineText = """
    version: 1
    name: teststad
    language: en
    areas:
      registry: ../areas/areas.csv
      aliases: ../areas/aliases.csv
    state: ../state
    ingest: {maxBadRowShare: 0.05}
    themes:
      hic: {name: HIC}
      zorg: {name: Zorg}
    sources:
      politie:
        partner: Politie
        files: politie_*.csv
        key: registratienummer
        date: {column: pleegdatum, format: dd-MM-yyyy}
        area: {column: buurtcode}
        category: {column: incidentcode}
        personal: [naam, bsn]
      woonpunt:
        partner: Woonpunt
        files: woonpunt_*.csv
        dialect: {delimiter: ";", encoding: windows-1252}
        key: Melding ID
        date: {column: Datum, format: d-M-yyyy}
        area: {column: Buurt, match: name}
        category: {column: Soort}
        personal: [Huurder]
      welzijn:
        partner: Welzijn
        files: welzijn_*.csv
        dialect: {delimiter: ","}
        period: {column: maand, kind: month, format: yyyy-MM}
        area: {column: wijk}
        category: {value: casus}
        count: aantal
    indicators:
      inbraak: {name: Inbraak, theme: hic, from: {politie: ["1.1.1"]}}
      overlast: {name: Overlast, theme: zorg, from: {woonpunt: [burenoverlast]}}
      zorg: {name: Zorg, theme: zorg, period: month, from: {welzijn: [casus]}}
    """

  init() throws {
    root =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "runner-test-\(UUID().uuidString)"
      ).path
    let fm = FileManager.default
    for dir in ["pipelines", "areas", "state/inbox"] {
      try fm.createDirectory(atPath: root + "/" + dir, withIntermediateDirectories: true)
    }
    try """
    code;name;parent
    GM9999;Teststad;
    WK999901;Centrum;GM9999
    BU99990101;Oude Markt;WK999901
    BU99990102;Café Buurt;WK999901
    """.write(toFile: root + "/areas/areas.csv", atomically: true, encoding: .utf8)
    try "alias;code\nDe Haven;BU99990102\n".write(
      toFile: root + "/areas/aliases.csv", atomically: true, encoding: .utf8)
    try TestWorkspace.pipelineText.write(toFile: pipelinePath, atomically: true, encoding: .utf8)
  }

  func drop(_ name: String, _ text: String) throws {
    try text.write(toFile: inbox + "/" + name, atomically: true, encoding: .utf8)
  }

  func drop(_ name: String, bytes: [UInt8]) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: inbox + "/" + name))
  }

  func run() throws -> RunSummary {
    let pipeline = try LoadedPipeline.load(path: pipelinePath)
    return try Runner(pipeline: pipeline).run(
      RunOptions(runDate: TestWorkspace.runDate, now: "2024-09-30T06:00:00Z"))
  }

  func inboxNames() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: inbox).sorted()
  }

  func files(under dir: String) -> [String] {
    let base = state + "/" + dir
    let e = FileManager.default.enumerator(atPath: base)
    var out: [String] = []
    while let name = e?.nextObject() as? String {
      var isDir: ObjCBool = false
      if FileManager.default.fileExists(atPath: base + "/" + name, isDirectory: &isDir),
        !isDir.boolValue
      {
        out.append(name)
      }
    }
    return out.sorted()
  }
}

let politieWeek36 = """
  naam;registratienummer;pleegdatum;buurtcode;incidentcode;bsn
  Jan Jansen;P-001;02-09-2024;BU99990101;1.1.1;123456782
  Piet Pietersen;P-002;03-09-2024;BU99990101;1.1.1 ;234567893
  Kees de Vries;P-003;04-09-2024;BU99990102;1.4.5;345678904
  Anna Bakker;P-004;05-09-2024;BU00000000;1.1.1;456789015
  """
