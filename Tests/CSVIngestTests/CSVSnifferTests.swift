import CSVIngest
import SafetyCore
import Testing

@Suite struct CSVSnifferTests {
  static let police = #"""
    registratienummer;pleegdatum;buurtcode;incidentcode;omschrijving;naam;adres
    PL1;01-09-2024;BU03630000;1.1.1;"inbraak; via ""raam""";A. Jansen;Dorpsstraat 1
    PL2;02-09-2024;BU03630001;1.2.3;fiets weg;B. de Vries;Kerkweg 2
    PL3;13-09-2024;BU03630000;1.1.1;"twee
    regels";C. Bakker;Laan 3
    PL4;30-09-2024;BU03630102;2.5.2;winkel;D. Visser;Plein 4

    """#

  @Test func policeExport() throws {
    let r = try CSVSniffer.sniff(bytes: Array(Self.police.utf8), name: "politie_2024-09.csv")
    #expect(r.dialect.delimiter == UInt8(ascii: ";"))
    #expect(r.dialect.hasHeader)
    #expect(r.dialect.encoding == .utf8)
    #expect(r.key == "registratienummer")
    #expect(r.dateColumn == "pleegdatum" && r.dateFormat == "dd-MM-yyyy")
    #expect(r.area == "buurtcode" && r.areaMatch == "code")
    #expect(r.category == "incidentcode")
    #expect(r.personal == ["naam", "adres"])
    #expect(r.shape == "records")
  }

  @Test func aggregatedCommaExportInWindows1252() throws {
    var bytes = Array("periode,wijk,soort,aantal\n".utf8)
    for (i, w) in ["Centrum", "Mari\u{EB}nwaard", "Noord"].enumerated() {
      let name = w.unicodeScalars.map { UInt8($0.value) }  // Latin-1 bytes
      bytes += Array("2024-0\(i + 1),".utf8) + name + Array(",huurachterstand,\(i + 3)\n".utf8)
    }
    let r = try CSVSniffer.sniff(bytes: bytes, name: "woonpunt.csv")
    #expect(r.dialect.delimiter == UInt8(ascii: ","))
    #expect(r.dialect.encoding == .windows1252)
    #expect(r.shape == "aggregated")
    #expect(r.count == "aantal")
    #expect(r.period == "periode" && r.periodKind == "month")
    #expect(r.area == "wijk" && r.areaMatch == "name")
    #expect(r.category == "soort")
  }

  @Test func tabsAndNoHeader() throws {
    let text = "1\t2024-01-05\tBU03630000\n2\t2024-01-06\tBU03630001\n3\t2024-02-01\tBU03630000\n"
    let r = try CSVSniffer.sniff(bytes: Array(text.utf8), name: "x.tsv")
    #expect(r.dialect.delimiter == 0x09)
    #expect(!r.dialect.hasHeader)
    #expect(r.dateFormat == "yyyy-MM-dd")
  }

  @Test func oneColumnWithCommasInValuesKeepsTheDefault() throws {
    let r = try CSVSniffer.sniff(bytes: Array("naam\nJansen, A.\nBakker, B.\n".utf8), name: "x.csv")
    #expect(r.dialect.delimiter == UInt8(ascii: ";"))
  }

  @Test(arguments: [
    ("12-09-2024", "dd-MM-yyyy"), ("2024-09-12", "yyyy-MM-dd"), ("12/09/2024", "dd/MM/yyyy"),
    ("20240912", "yyyyMMdd"), ("1-9-2024", "d-M-yyyy"), ("12-09-2024 13:45", "dd-MM-yyyy HH:mm"),
    ("2024-09-12T13:45:00+02:00", "iso8601"),
  ])
  func dateFormats(_ value: String, _ format: String) {
    #expect(DateFormatGuess.guess([Substring(value)]) == format)
  }

  @Test func impossibleDatesAreNotDates() {
    #expect(DateFormatGuess.guess(["31-02-2024"]) == nil)
    #expect(!DateFormatGuess.matches("12-13-2024", format: "dd-MM-yyyy"))
  }

  @Test func sourceBlockIsReadyToPaste() throws {
    let r = try CSVSniffer.sniff(bytes: Array(Self.police.utf8), name: "politie_2024-09.csv")
    let block = SourceBlock.render(
      r, fileName: "inbox/politie_misdrijven_2024-09.csv", language: .en)
    let lines = block.split(separator: "\n").filter { !$0.hasPrefix("#") }
    #expect(
      lines == [
        "sources:",
        "  politieMisdrijven:",
        "    partner: Politie  # check the partner name",
        "    shape: records",
        "    files: \"politie_misdrijven_*.csv\"",
        "    dialect: {delimiter: \";\", quote: \"\\\"\", encoding: utf-8, header: true}",
        "    key: registratienummer",
        "    date: {column: pleegdatum, format: dd-MM-yyyy}",
        "    area: {column: buurtcode, match: code}",
        "    category: {column: incidentcode}",
        "    personal: [naam, adres]  # personal data: dropped while reading",
      ])
  }

  /// A spreadsheet report: a title, months by name, one column per kind, dashes and blanks,
  /// a total column and total rows.
  @Test func spreadsheetReport() throws {
    let text = """
      Rapportage casussen Welzijn 2024;;;;
      Gemaakt op 2-1-2025;;;;

      Wijk;Maand;Jeugd;Huiselijk geweld;Totaal
      Dorpskern;jan 2024;1;2;3
      Polder;jan 2024;;1;1
      Totaal;jan 2024;1;3;4
      Dorpskern;feb 2024;-;2;2
      Polder;feb 2024;2;0;2
      Totaal;feb 2024;2;2;4

      """
    let r = try CSVSniffer.sniff(bytes: Array(text.utf8), name: "welzijn_2024.csv")
    #expect(r.skipLines == 3)
    let block = SourceBlock.render(r, fileName: "welzijn_2024.csv", language: .en)
    let lines = block.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst(3)
    #expect(
      Array(lines) == [
        "    shape: aggregated",
        "    files: \"welzijn_*.csv\"",
        "    dialect: {delimiter: \";\", quote: \"\\\"\", encoding: utf-8, header: true, skipLines: 3}  # lines above the table (a title) are skipped",
        "    period: {column: Maand, kind: month, format: \"MMM yyyy\"}",
        "    area: {column: Wijk, match: name, skip: [Totaal]}",
        "    counts: [Jeugd, \"Huiselijk geweld\"]  # one column per kind: each column is a category",
        "    missingCounts: [\"\", \"-\"]",
      ])
  }

  @Test func yearAndWeekInTwoColumns() throws {
    let text =
      "Jaar;Week;Buurtcode;Feitcode;Aantal\n2024;1;BU99980101;1.1.1;2\n2024;52;BU99980102;1.2.3;0\n"
    let r = try CSVSniffer.sniff(bytes: Array(text.utf8), name: "p.csv")
    #expect(r.yearColumn == "Jaar" && r.period == "Week" && r.periodKind == "week")
    #expect(r.count == "Aantal" && r.counts.isEmpty && r.category == "Feitcode")
    let quarters = "jaar;kwartaal;wijk;aantal\n2024;K1;Noord;3\n2024;K2;Zuid;1\n"
    let q = try CSVSniffer.sniff(bytes: Array(quarters.utf8), name: "q.csv")
    #expect(q.yearColumn == "jaar" && q.periodKind == "quarter")
    #expect(q.periodFormat == "yyyy 'K'Q")
  }

  @Test func oneColumnPerMonth() throws {
    let text = """
      Buurt;Categorie;jan 2024;feb 2024;mrt 2024;Totaal
      Kerkplein;jongerenoverlast;1;-;2;3
      Molenwijk;afval;;1;0;1

      """
    let r = try CSVSniffer.sniff(bytes: Array(text.utf8), name: "mor.csv")
    #expect(r.dialect.hasHeader)
    #expect(r.period == "*" && r.periodKind == "month" && r.periodFormat == "MMM yyyy")
    #expect(r.count == nil && r.counts.isEmpty && r.category == "Categorie")
    #expect(r.missingCounts == ["", "-"])
    let canonical = "wijk;2024-01;2024-02\nNoord;1;2\n"
    let c = try CSVSniffer.sniff(bytes: Array(canonical.utf8), name: "c.csv")
    #expect(c.period == "*" && c.periodKind == "month" && c.periodFormat == nil)
  }

  @Test func monthNameDatesAndPostcodes() throws {
    let text = """
      nr;datum;postcode;soort;huurder
      1;3-sep-2024;9911 AB;burenoverlast;A
      2;14-okt-2024;9911AC;geluidsoverlast;B
      3;1-MRT-2024;9912;burenoverlast;C

      """
    let r = try CSVSniffer.sniff(bytes: Array(text.utf8), name: "m.csv")
    #expect(r.dateFormat == "d-MMM-yyyy")
    #expect(r.area == "postcode" && r.areaMatch == "postcode")
    #expect(r.personal == ["huurder"])
  }
}
