import Testing

@testable import CSVIngest

@Suite struct UTF8ValidatorTests {
  func validate(_ pieces: [[UInt8]]) -> (UTF8Validator.Outcome, UTF8Validator.Outcome) {
    var v = UTF8Validator()
    var base = 0
    for piece in pieces {
      let outcome = piece.withUnsafeBytes { v.validate($0, base: base) }
      if outcome != .valid { return (outcome, .valid) }
      base += piece.count
    }
    return (.valid, v.finish())
  }

  @Test func acceptsEveryScalarKind() {
    let text = Array("a é € 𝄞 \u{10FFFF} \u{D7FF} \u{E000}".utf8)
    #expect(validate([text]) == (.valid, .valid))
  }

  @Test func acceptsSequencesSplitBetweenPieces() {
    let text = Array("x€𝄞y".utf8)
    for cut in 0...text.count {
      #expect(validate([Array(text[..<cut]), Array(text[cut...])]) == (.valid, .valid))
    }
  }

  @Test(arguments: [
    ([0x61, 0x80], 1), ([0xC0, 0xAF], 0), ([0xC1, 0xBF], 0), ([0xE0, 0x80, 0x80], 0),
    ([0xED, 0xA0, 0x80], 0), ([0xF0, 0x80, 0x80, 0x80], 0), ([0xF4, 0x90, 0x80, 0x80], 0),
    ([0xF5, 0x80, 0x80, 0x80], 0), ([0xFF], 0), ([0x61, 0x62, 0xC3, 0x28], 2),
  ])
  func rejectsInvalidSequences(_ bytes: [UInt8], _ at: Int) {
    #expect(validate([bytes]).0 == .invalid(at: at))
  }

  @Test func truncatedSequenceAtTheEnd() {
    #expect(validate([[0x61, 0xE2, 0x82]]) == (.valid, .invalid(at: 1)))
  }

  @Test func longASCIIRunsWithOneBadByte() {
    var bytes = Array(repeating: UInt8(0x41), count: 100)
    bytes[77] = 0x9F
    #expect(validate([bytes]).0 == .invalid(at: 77))
  }
}
