import CSVIngest
import SafetyCore
import Testing

@Suite struct TextDecodingTests {
  static let name = "Café de Mariënwaard"
  static let latin1: [UInt8] =
    Array("id;naam\n1;".utf8) + [
      0x43, 0x61, 0x66, 0xE9, 0x20, 0x64, 0x65, 0x20, 0x4D, 0x61, 0x72, 0x69, 0xEB, 0x6E, 0x77,
      0x61, 0x61, 0x72, 0x64,
    ] + [0x0A]

  @Test(arguments: [TextEncoding.utf8, .auto])
  func utf8(_ encoding: TextEncoding) {
    let r = read("id;naam\n1;\(Self.name)\n", dialect: CSVDialect(encoding: encoding))
    #expect(r.rows[1][1] == Self.name)
    #expect(r.summary?.encoding == .utf8)
  }

  @Test func utf8WithBOM() {
    let r = read([0xEF, 0xBB, 0xBF] + Array("id;naam\n1;\(Self.name)\n".utf8))
    #expect(r.rows[1][1] == Self.name)
    #expect(r.summary?.hadBOM == true)
  }

  @Test(arguments: [TextEncoding.windows1252, .iso88591, .auto])
  func singleByte(_ encoding: TextEncoding) {
    let r = read(Self.latin1, dialect: CSVDialect(encoding: encoding))
    #expect(r.rows[1][1] == Self.name)
    #expect(r.error == nil)
    #expect(r.summary?.encoding == (encoding == .auto ? .windows1252 : encoding))
  }

  @Test func windows1252AndLatin1DifferIn0x80To0x9F() {
    let bytes = Array("a\n".utf8) + [0x80, 0x93, 0x94, 0x0A]
    #expect(read(bytes, dialect: CSVDialect(encoding: .windows1252)).rows[1] == ["€“”"])
    #expect(
      read(bytes, dialect: CSVDialect(encoding: .iso88591)).rows[1] == ["\u{80}\u{93}\u{94}"])
  }

  @Test func autoStaysUTF8ForPureASCII() {
    let r = read("a;b\n1;2\n")
    #expect(r.summary?.encoding == .utf8)
  }

  @Test func columnsCountCharactersNotBytes() {
    let r = read("a;b\né€;x\"y\n")
    #expect(r.diagnostics.first?.position?.column == 5)
  }
}
