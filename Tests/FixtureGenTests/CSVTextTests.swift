import Testing

@testable import FixtureGen

@Suite struct CSVTextTests {
  @Test func quotesOnlyWhatNeedsIt() {
    var csv = CSVText(ExportDialect(delimiter: ";"))
    csv.row(["a", "b;c", "say \"hi\"", "two\nlines", ""])
    #expect(
      String(decoding: csv.bytes, as: UTF8.self) == "a;\"b;c\";\"say \"\"hi\"\"\";\"two\nlines\";\n"
    )
  }

  @Test func quoteAllAndCRLF() {
    var csv = CSVText(ExportDialect(delimiter: ",", lineEnding: "\r\n", quoteAll: true))
    csv.row(["x", ""])
    #expect(String(decoding: csv.bytes, as: UTF8.self) == "\"x\",\"\"\r\n")
  }

  @Test func byteOrderMarkComesFirst() {
    var csv = CSVText(ExportDialect(byteOrderMark: true))
    csv.row(["é"])
    #expect(csv.bytes == [0xEF, 0xBB, 0xBF, 0xC3, 0xA9, 0x0A])
  }

  @Test func windows1252RoundTrip() {
    let text = "Huurachterstand € 1.250,- café Ruïne “x” … Œ"
    let bytes = Windows1252.encode(text)
    #expect(bytes.contains(0x80))
    #expect(bytes.count == text.unicodeScalars.count)
    #expect(Windows1252.decode(bytes) == text)
    #expect(Windows1252.encode("日") == [UInt8(ascii: "?")])
  }
}
