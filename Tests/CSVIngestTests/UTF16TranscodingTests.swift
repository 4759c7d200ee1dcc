import Foundation
import SafetyCore
import Testing

@testable import CSVIngest

/// Excel's "Unicode text" exports: UTF-16 with a byte-order mark, read as UTF-8.
@Suite final class UTF16TranscodingTests {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
    "utf16-\(UUID().uuidString)")

  deinit { try? FileManager.default.removeItem(at: dir) }

  func file(_ units: [UInt16], bigEndian: Bool) throws -> String {
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let bytes = ([0xFEFF] + units).flatMap { u in
      bigEndian ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)]
    }
    let url = dir.appendingPathComponent(UUID().uuidString + ".csv")
    try Data(bytes).write(to: url)
    return url.path
  }

  func records(_ path: String) throws -> (rows: [[String]], summary: CSVReadSummary) {
    var rows: [[String]] = []
    let summary = try CSVReader(path: path).forEachRecord { rows.append($0.strings()) }
    return (rows, summary)
  }

  @Test(arguments: [false, true]) func readsBothByteOrders(bigEndian: Bool) throws {
    let text =
      "buurt;naam;aantal\r\nBU99990101;\"Café de Mariënwaard\";3\r\nBU99990102;Fiets 🚲;4\r\n"
    let path = try file(Array(text.utf16), bigEndian: bigEndian)
    let (rows, summary) = try records(path)
    #expect(
      rows == [
        ["buurt", "naam", "aantal"], ["BU99990101", "Café de Mariënwaard", "3"],
        ["BU99990102", "Fiets 🚲", "4"],
      ])
    #expect(summary.encoding == .utf8 && summary.hadBOM)
  }

  @Test func positionsAreThoseOfTheOriginal() throws {
    // A ragged row on line 3: the warning's position is the same as in the UTF-16 text.
    let path = try file(Array("a;b\r\né;ë\r\nx\r\n".utf16), bigEndian: false)
    var notes: [Diagnostic] = []
    _ = try CSVReader(path: path).forEachRecord(onDiagnostic: { notes.append($0) }) { _ in }
    #expect(notes.first?.position?.line == 3)
  }

  @Test func aLoneSurrogateIsAnErrorAtItsPlace() throws {
    let units = Array("a;b\n1;2\n3;".utf16) + [0xDC00] + Array("4\n".utf16)
    let path = try file(units, bigEndian: true)
    #expect {
      try self.records(path)
    } throws: { error in
      guard let d = error as? Diagnostic else { return false }
      return d.code == .encodingError && d.position?.line == 3 && d.position?.column == 3
        && d.message.hasPrefix("an unpaired surrogate in a UTF-16 file")
    }
  }

  @Test func anOddLastByteMeansTheFileWasCutOff() throws {
    let path = try file(Array("a;b\n1;2\n".utf16), bigEndian: false)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data([0x41]))
    try handle.close()
    #expect(throws: Diagnostic.self) { try self.records(path) }
  }

  @Test func utf32IsNotTakenForUTF16() {
    #expect(UTF16Transcoding.byteOrder(of: [0xFF, 0xFE, 0x00, 0x00]) == nil)
    #expect(UTF16Transcoding.byteOrder(of: [0xFF, 0xFE, 0x61, 0x00]) == false)
    #expect(UTF16Transcoding.byteOrder(of: [0xFE, 0xFF, 0x00, 0x61]) == true)
    #expect(UTF16Transcoding.byteOrder(of: [0xEF, 0xBB, 0xBF, 0x61]) == nil)
  }
}
