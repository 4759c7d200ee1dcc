import Foundation
import SafetyCore
import Store
import Testing

/// The Anderdorp example (docs/examples/anderdorp): partner exports shaped unlike the
/// demo's — year and week in two columns, UTF-16 with month names and postcodes, a wide
/// spreadsheet report with a title and total rows — read by its pipeline file alone.
@Suite struct RunCommandExamplePipelineTests {
  static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("docs/examples/anderdorp")
  static let buurten = ["BU99980101", "BU99980102", "BU99980201", "BU99980202"]
  static let months = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
  ]

  /// Police: counts per week, buurt and code (`2.2.1` feeds no indicator).
  static func policeCount(week: Int, buurt: Int, code: Int) -> Int {
    (week * 7 + buurt * 3 + code * 5) % 5
  }

  static func welfare(month: Int, wijk: Int) -> (jeugd: Int, hg: Int) {
    ((month + wijk) % 3, (month * 2 + wijk) % 4)
  }

  /// Public-space reports per month, buurt and category.
  static func publicSpace(month: Int, buurt: Int, category: Int) -> Int {
    (month + 2 * buurt + category) % 4
  }

  static let postcodes = ["9911 AA", "9911AB", "9911 ac", "9912 XY", "9913KL", "9914 ZZ"]
  /// The buurt each postcode above counts under (9912 XY through its PC4).
  static let postcodeBuurt = [0, 0, 1, 1, 2, 3]

  func workspace() throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "anderdorp-\(UUID().uuidString)"
    ).path
    let fm = FileManager.default
    try fm.createDirectory(atPath: root + "/state/inbox", withIntermediateDirectories: true)
    for name in ["pipeline.yaml", "areas.csv", "population.csv", "postcodes.csv"] {
      try fm.copyItem(
        atPath: Self.example.appendingPathComponent(name).path, toPath: root + "/" + name)
    }
    let inbox = root + "/state/inbox/"
    for year in [2023, 2024] {
      var text = "Jaar;Week;Buurtcode;Feitcode;Aantal\n"
      for week in 1...52 {
        for (b, code) in Self.buurten.enumerated() {
          for (c, feit) in ["1.1.1", "1.2.3", "2.2.1"].enumerated() {
            text +=
              "\(year);\(week);\(code);\(feit);\(Self.policeCount(week: week, buurt: b, code: c))\n"
          }
        }
      }
      try text.write(toFile: inbox + "politie_week_\(year).csv", atomically: true, encoding: .utf8)
    }
    var rows = ["Meldingnummer\tDatum melding\tPostcode\tSoort\tHuurder\tAdres"]
    for i in 0..<60 {
      let month = Self.months[i % 12]
      let written = i % 3 == 0 ? month.uppercased() : month
      let soort = ["burenoverlast", "geluidsoverlast", "overig"][i % 3]
      rows.append(
        "WS-\(i)\t\(1 + i % 28)-\(written)-2024\t\(Self.postcodes[i % 6])\t\(soort)\tZQ Huurder \(i)\tZQ Straat \(i)"
      )
    }
    rows.append("WS-60\t3-sep-2024\t9999 ZZ\tburenoverlast\tZQ Huurder 60\tZQ Straat 60")
    let unicode = rows.joined(separator: "\r\n") + "\r\n"
    let bytes: [UInt8] =
      [0xFF, 0xFE] + unicode.utf16.flatMap { u -> [UInt8] in [UInt8(u & 0xFF), UInt8(u >> 8)] }
    try Data(bytes).write(to: URL(fileURLWithPath: inbox + "meldingen_2024.txt"))
    var report = "Rapportage casussen Welzijn Anderdorp 2024;;;;\nGemaakt op 2-1-2025;;;;\n"
    report += "Wijk;Maand;Jeugd;Huiselijk geweld;Totaal\n"
    for m in 1...12 {
      var total = 0
      for (w, wijk) in ["Dorpskern", "Polder"].enumerated() {
        let v = Self.welfare(month: m, wijk: w)
        let jeugd = v.jeugd == 0 ? (m % 2 == 0 ? "-" : "") : String(v.jeugd)
        report += "\(wijk);\(Self.months[m - 1]) 2024;\(jeugd);\(v.hg);\(v.jeugd + v.hg)\n"
        total += v.jeugd + v.hg
      }
      report += "Totaal;\(Self.months[m - 1]) 2024;;;\(total)\n"
    }
    try report.write(toFile: inbox + "welzijn_2024.csv", atomically: true, encoding: .utf8)
    let names = ["Kerkplein", "Molenwijk", "Noordpolder", "Zuidpolder"]
    var overview = "Buurt;Categorie;" + Self.months.map { "\($0) 2024" }.joined(separator: ";")
    overview += ";Totaal\n"
    for (b, name) in names.enumerated() {
      for (c, category) in ["jongerenoverlast", "afval"].enumerated() {
        let values = (1...12).map { Self.publicSpace(month: $0, buurt: b, category: c) }
        let cells = values.map { $0 == 0 && b == 1 ? "-" : String($0) }
        overview += "\(name);\(category);\(cells.joined(separator: ";"));\(values.reduce(0, +))\n"
      }
    }
    try overview.write(
      toFile: inbox + "mor_maandoverzicht_2024.csv", atomically: true, encoding: .utf8)
    return root
  }

  @Test func everyExportIsReadByThePipelineFileAlone() throws {
    let root = try workspace()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let pipeline = root + "/pipeline.yaml"
    let validate = try safetyMonitor(["validate", pipeline, "--run-date", "2024-12-31"])
    #expect(validate.status == 0, "\(validate.stderr)")
    #expect(!validate.stderr.contains("error:"), "\(validate.stderr)")
    // 2.2.1 feeds `vernieling` through `2.2.*`: not reported as unmapped.
    #expect(!validate.stderr.contains("'2.2.1'"), "\(validate.stderr)")

    let run = try safetyMonitor(["run", pipeline, "--run-date", "2024-12-31", "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    let summary = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let files = summary["files"] as? [String: Int]
    let rows = summary["rows"] as? [String: Int]
    #expect(files?["applied"] == 5 && files?["quarantined"] == 0, "\(summary)")
    // 2 × 52 × 4 × 3 police rows, 61 housing rows, 24 welfare rows and 12 total rows, 8
    // rows of the monthly overview.
    #expect(rows?["ok"] == 1248 + 61 + 36 + 8 && rows?["rejected"] == 0, "\(summary)")
    #expect(rows?["unknownArea"] == 1)

    let store = try SafetyStore(path: root + "/state/store.sqlite", mode: .readOnly)
    // Police, year and week from two columns.
    let burglary = try store.series(
      of: [CategoryRef(source: "politie", name: "1.1.1")], kind: .week,
      from: .week(ISOWeek(year: 2024, week: 1)!), through: .week(ISOWeek(year: 2024, week: 52)!))
    for (b, code) in Self.buurten.enumerated() {
      #expect(
        burglary[code] == (1...52).map { Int64(Self.policeCount(week: $0, buurt: b, code: 0)) })
    }
    let damage = try store.series(
      of: [CategoryRef(source: "politie", name: "2.2.*")], kind: .week,
      from: .week(ISOWeek(year: 2024, week: 1)!), through: .week(ISOWeek(year: 2024, week: 52)!))
    #expect(
      damage["BU99980102"] == (1...52).map { Int64(Self.policeCount(week: $0, buurt: 1, code: 2)) })
    // Welfare: one category per column, months by name, dashes and blanks count nothing,
    // total rows skipped.
    let first = Period.month(year: 2024, month: 1)
    let last = Period.month(year: 2024, month: 12)
    let hg = try store.series(
      of: [CategoryRef(source: "welzijn", name: "huiselijk geweld")], kind: .month, from: first,
      through: last)
    let jeugd = try store.series(
      of: [CategoryRef(source: "welzijn", name: "jeugd")], kind: .month, from: first,
      through: last)
    for (w, wijk) in ["WK999801", "WK999802"].enumerated() {
      #expect(hg[wijk] == (1...12).map { Int64(Self.welfare(month: $0, wijk: w).hg) })
      #expect(jeugd[wijk] == (1...12).map { Int64(Self.welfare(month: $0, wijk: w).jeugd) })
    }
    #expect(hg.keys.allSatisfy { $0.hasPrefix("WK") })
    // Housing: UTF-16, month names, postcodes (one through its PC4, one unknown).
    let nuisance = try store.series(
      of: ["burenoverlast", "geluidsoverlast", "overig"].map {
        CategoryRef(source: "woningcorporatie", name: $0)
      }, kind: .year, from: .year(2024), through: .year(2024))
    for (b, code) in Self.buurten.enumerated() {
      let expected = (0..<60).filter { Self.postcodeBuurt[$0 % 6] == b }.count
      #expect(nuisance[code] == [Int64(expected)], "\(code)")
    }
    #expect(try store.unknownAreaLabels().map(\.label) == ["9999"])
    // The monthly overview: one column per month.
    let youth = try store.series(
      of: [CategoryRef(source: "gemeente", name: "jongerenoverlast")], kind: .month, from: first,
      through: last)
    for (b, code) in Self.buurten.enumerated() {
      #expect(
        youth[code] == (1...12).map { Int64(Self.publicSpace(month: $0, buurt: b, category: 0)) })
    }

    // The personal columns never left the input.
    let state = root + "/state"
    let walker = FileManager.default.enumerator(atPath: state)
    while let name = walker?.nextObject() as? String {
      guard !name.hasPrefix("archive"), !name.hasPrefix("inbox") else { continue }
      var isDirectory: ObjCBool = false
      FileManager.default.fileExists(atPath: state + "/" + name, isDirectory: &isDirectory)
      if isDirectory.boolValue { continue }
      let data = try Data(contentsOf: URL(fileURLWithPath: state + "/" + name))
      #expect(data.range(of: Data("ZQ ".utf8)) == nil, "\(name)")
    }
  }
}
