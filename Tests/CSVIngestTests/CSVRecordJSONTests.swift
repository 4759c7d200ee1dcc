import CSVIngest
import Testing

@Suite struct CSVRecordJSONTests {
  func lines(_ bytes: [UInt8], _ dialect: CSVDialect = .init()) throws -> [String] {
    var out: [UInt8] = []
    try CSVReader(bytes: bytes, name: "t", options: CSVReadOptions(dialect: dialect))
      .forEachRecord { record in
        record.appendJSONArray(to: &out)
        out.append(0x0A)
      }
    return String(decoding: out, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  @Test func escapesQuotesBackslashesAndControls() throws {
    let text = "a;b;c\n\"x\"\"y\";\"r\r\nn\";\\\u{1}\t\n"
    #expect(try lines(Array(text.utf8)) == [#"["a","b","c"]"#, #"["x\"y","r\r\nn","\\\u0001\t"]"#])
  }

  @Test func decodesSingleByteEncodings() throws {
    let bytes: [UInt8] = Array("a\n".utf8) + [0x43, 0x61, 0x66, 0xE9, 0x80, 0x0A]
    #expect(try lines(bytes, CSVDialect(encoding: .windows1252)) == [#"["a"]"#, #"["Café€"]"#])
  }
}
