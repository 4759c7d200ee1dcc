import Testing

@testable import Reporting

@Suite struct CSVReportRendererTests {
  func table(_ name: String, hostile: Bool = false) throws -> [[String]] {
    let tables = CSVReportRenderer(ReportFixture.report(hostile: hostile)).tables()
    let bytes = try #require(tables.first { $0.name == name }?.bytes)
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    return Self.parse(String(decoding: bytes.dropFirst(3), as: UTF8.self))
  }

  /// Splits `;`-separated CSV with `"` quoting and CRLF row ends.
  static func parse(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var cell = ""
    var quoted = false
    var chars = Array(text)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" {
            cell.append("\"")
            chars.removeFirst()
          } else {
            quoted = false
          }
        } else {
          cell.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == ";" {
        row.append(cell)
        cell = ""
      } else if c == "\r\n" || c == "\n" {
        row.append(cell)
        rows.append(row)
        row = []
        cell = ""
      } else {
        cell.append(c)
      }
    }
    return rows
  }

  @Test func writesOneTablePerFileInTheReportsLanguage() {
    let names = CSVReportRenderer(ReportFixture.report()).tables().map(\.name)
    #expect(
      names == ["themes", "indicators", "areas", "area-indicators", "flags", "sources", "exports"])
  }

  @Test func tablesAreRectangularWithDutchNumbers() throws {
    for name in ["themes", "indicators", "areas", "area-indicators", "flags", "sources", "exports"]
    {
      let rows = try table(name)
      #expect(rows.count > 1, "\(name)")
      #expect(Set(rows.map(\.count)).count == 1, "\(name) is not rectangular")
    }
    let themes = try table("themes")
    #expect(
      themes[0] == [
        "id", "thema", "periode", "aantal", "aantal 2e kw. 2024",
        "verandering t.o.v. 2e kw. 2024 (%)", "aantal 3e kw. 2023",
        "verandering t.o.v. 3e kw. 2023 (%)", "per 1.000 inwoners",
      ])
    #expect(
      themes[1] == ["hic", "Criminaliteit", "2024Q3", "51", "37", "37,8", "43", "18,6", "0,80"])
    let indicators = try table("indicators")
    let violence = try #require(indicators.first { $0[1] == "geweld" })
    #expect(violence[7] == "<5")  // the count
    #expect(violence.last == "")  // a suppressed rate is an empty cell
  }

  @Test func neutralisesFormulasFromInput() throws {
    let areas = try table("areas", hostile: true)
    #expect(areas[1][2] == "'=cmd|' /C calc'!A0<script>alert('Centrum')</script>")
    for row in areas.dropFirst() {
      for cell in row { #expect(!cell.hasPrefix("="), "\(cell)") }
    }
  }
}
