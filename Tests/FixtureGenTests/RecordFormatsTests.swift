import FixtureGen
import Foundation
import PipelineSpec
import SafetyCore
import Testing

/// The committed exports are what the pipeline file declares: file names, dialects,
/// encodings, line endings, columns — and they carry the personal columns the pipeline
/// must drop.
@Suite struct RecordFormatsTests {
  let exports = Repo.fixtures.appendingPathComponent("exports")

  func files() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: exports.path).sorted()
  }
  func bytes(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: exports.appendingPathComponent(name)))
  }

  @Test func everyFileMatchesExactlyOneSource() throws {
    let p = try Repo.decodedPipeline()
    var perSource: [String: Int] = [:]
    for f in try files() {
      let matches = p.sources.filter { globMatch($0.value.files, f) }.map(\.key)
      #expect(matches.count == 1, "\(f) matches \(matches)")
      if let m = matches.first { perSource[m, default: 0] += 1 }
    }
    for s in p.sources.keys { #expect((perSource[s] ?? 0) > 0, "no exports for \(s)") }
    #expect(perSource["politieMisdrijven"] == 73)  // 72 months + the re-delivered broken one
    #expect(perSource["gemeenteMOR"] == 315)  // 314 ISO weeks + one duplicate
  }

  @Test func declaredColumnsAndPersonalColumnsArePresent() throws {
    let p = try Repo.decodedPipeline()
    for (id, s) in p.sources {
      guard let file = try files().first(where: { globMatch(s.files, $0) }) else { continue }
      let delimiter: Character =
        s.dialect?.delimiter == "\t" ? "\t" : Character(s.dialect?.delimiter ?? ";")
      let rows = try CSVRead.read(
        exports.appendingPathComponent(file), encoding: s.dialect?.encoding ?? "utf-8",
        delimiter: delimiter)
      let header = rows[0].map(normalisedColumn)
      var declared = [s.area.column] + (s.personal ?? [])
      declared += [s.key, s.date?.column, s.period?.column, s.category?.column, s.count].compactMap
      { $0 }
      for c in declared { #expect(header.contains(normalisedColumn(c)), "\(id): no column \(c)") }
      // Personal columns are filled in most rows (the pipeline's dropping is exercised).
      for c in s.personal ?? [] {
        let i = header.firstIndex(of: normalisedColumn(c))!
        let filled = rows.dropFirst().filter { $0.count > i && !$0[i].isEmpty }.count
        #expect(filled > 0, "\(id): personal column \(c) always empty")
      }
    }
  }

  @Test func fakeCitizenNumbersFailTheElevenTest() throws {
    let rows = try CSVRead.read(
      exports.appendingPathComponent("politie_misdrijven_2024-01.csv"), encoding: "utf-8",
      delimiter: ";")
    let i = rows[0].firstIndex(of: "bsn_aangever")!
    let bsns = rows.dropFirst().compactMap { $0.count > i ? $0[i] : nil }
    #expect(bsns.count > 50)
    for b in bsns {
      let d = b.compactMap(\.wholeNumberValue)
      #expect(d.count == 9)
      let sum = (0..<8).reduce(0) { $0 + d[$1] * (9 - $1) } - d[8]
      #expect(sum % 11 != 0, "\(b) would pass the eleven test")
    }
  }

  /// Stadswonen: Windows-1252 (not valid UTF-8; € is byte 0x80), CRLF everywhere, commas.
  @Test func stadswonenIsWindows1252WithCRLF() throws {
    let all = try files().filter { $0.hasPrefix("stadswonen_export_") }
    #expect(all.count == 24)
    var sawEuro = false
    var sawDiaeresis = false
    for f in all {
      let b = try bytes(f)
      #expect(
        String(validating: b, as: UTF8.self) == nil || !b.contains { $0 >= 0x80 },
        "\(f) decodes as UTF-8")
      for (i, byte) in b.enumerated() where byte == 0x0A {
        #expect(i > 0 && b[i - 1] == 0x0D, "\(f): bare LF")
      }
      sawEuro = sawEuro || b.contains(0x80)
      sawDiaeresis = sawDiaeresis || b.contains(0xEB)  // ë
      #expect(String(decoding: b.prefix(13), as: UTF8.self) == "Dossiernummer")
    }
    #expect(sawEuro && sawDiaeresis)
  }

  @Test func dialectsPerSource() throws {
    for f in try files() {
      let b = try bytes(f)
      let firstLine = String(decoding: b.prefix { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
      if f.hasPrefix("woonpunt_") {
        #expect(Array(b.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(f): no BOM")
      } else {
        #expect(b.first != 0xEF, "\(f): unexpected BOM")
      }
      if f.hasPrefix("veiligheidshuis_") { #expect(firstLine.contains("\t")) }
      if f.hasPrefix("politie_misdrijven_") {
        #expect(firstLine.hasPrefix("\"registratienummer\";"))
      }
      if f.hasPrefix("veiligthuis_") { #expect(b.contains(0x0D)) }
      if !f.hasPrefix("stadswonen_") {
        #expect(String(validating: b, as: UTF8.self) != nil, "\(f) is not UTF-8")
      }
      if f.hasPrefix("mor_") || f.hasPrefix("politie_") || f.hasPrefix("woonpunt_") {
        #expect(!b.contains(0x0D), "\(f): CR in an LF file")
      }
    }
  }

  /// Free text exercises quoting: delimiters, doubled quotes and line breaks inside fields.
  @Test func freeTextNeedsRealCSVParsing() throws {
    let text = String(decoding: try bytes("politie_misdrijven_2022-10.csv"), as: UTF8.self)
    #expect(text.contains("\"\""))
    let rows = try CSVRead.parse(text, delimiter: ";")
    let i = rows[0].firstIndex(of: "omschrijving")!
    let texts = rows.dropFirst().compactMap { $0.count > i ? $0[i] : nil }
    #expect(texts.contains { $0.contains("\n") })
    #expect(texts.contains { $0.contains(";") })
    #expect(texts.contains { $0.contains("\"") })
  }

  /// The manifest lists every file with its row and defect counts; every file a run should
  /// apply stays well under 5 % bad rows; the broken one cannot be parsed; the duplicate has
  /// the same bytes as its original.
  @Test func manifestMatchesTheFiles() throws {
    let p = try Repo.decodedPipeline()
    let manifest = try CSVRead.table(Repo.fixtures.appendingPathComponent("manifest.csv"))
    #expect(Set(manifest.map { $0["file"]! }) == Set(try files()))
    var totals = (unknown: 0, date: 0, ragged: 0)
    for m in manifest {
      let file = m["file"]!
      let source = try #require(p.sources[m["source"]!])
      let delimiter: Character =
        source.dialect?.delimiter == "\t" ? "\t" : Character(source.dialect?.delimiter ?? ";")
      let url = exports.appendingPathComponent(file)
      let encoding = source.dialect?.encoding ?? "utf-8"
      switch m["expected"] {
      case "quarantine":
        #expect(throws: CSVRead.CSVError.unterminatedQuote) {
          try CSVRead.read(url, encoding: encoding, delimiter: delimiter)
        }
      case "duplicate":
        let original = file.replacingOccurrences(of: " (kopie)", with: "")
        #expect(try bytes(file) == bytes(original))
      default:
        let rows = try CSVRead.read(url, encoding: encoding, delimiter: delimiter)
        #expect(rows.count - 1 == Int(m["rows"]!), "\(file)")
        let ragged = rows.dropFirst().filter { $0.count != rows[0].count }.count
        #expect(ragged == Int(m["ragged"]!), "\(file)")
        let bad = Double(Int(m["ragged"]!)! + Int(m["impossibleDate"]!)!)
        #expect(bad <= 0.02 * Double(rows.count - 1), "\(file): too many bad rows")
        totals.unknown += Int(m["unknownArea"]!)!
        totals.date += Int(m["impossibleDate"]!)!
        totals.ragged += ragged
      }
    }
    #expect(manifest.filter { $0["expected"] == "quarantine" }.count == 1)
    #expect(manifest.filter { $0["expected"] == "duplicate" }.count == 1)
    #expect(totals.unknown >= 10 && totals.date >= 5 && totals.ragged >= 5, "\(totals)")
  }

  /// What Recount rejected and bucketed is what the manifest says was planted.
  @Test func plantedDefectsAreTheOnlyBadRows() throws {
    let recount = try Recount(folder: Repo.fixtures, pipeline: Repo.decodedPipeline())
    let manifest = try CSVRead.table(Repo.fixtures.appendingPathComponent("manifest.csv"))
      .filter { $0["expected"] == "apply" }
    for s in SourceID.allCases {
      let rows = manifest.filter { $0["source"] == s.rawValue }
      let bad = rows.reduce(0) { $0 + Int($1["ragged"]!)! + Int($1["impossibleDate"]!)! }
      let unknown = rows.reduce(0) { $0 + Int($1["unknownArea"]!)! }
      #expect((recount.rejected[s.rawValue] ?? 0) == bad, "\(s)")
      #expect((recount.unknownArea[s.rawValue] ?? 0) == unknown, "\(s)")
    }
  }

  /// Latest wins matters: some registrations change category between exports.
  @Test func laterExportsReclassifySomeRegistrations() throws {
    let p = try Repo.decodedPipeline()
    let s = try #require(p.sources["politieMisdrijven"])
    var first: [String: String] = [:]
    var changed = 0
    for f in try files() where globMatch(s.files, f) && !f.hasSuffix("2023-06.csv") {
      let rows = try CSVRead.read(
        exports.appendingPathComponent(f), encoding: "utf-8", delimiter: ";")
      for r in rows.dropFirst() where r.count == rows[0].count {
        let code = String(r[3].trimmingSpaces())
        if let before = first[r[0]], before != code { changed += 1 }
        first[r[0]] = first[r[0]] ?? code
      }
    }
    #expect(changed > 50)
  }
}
