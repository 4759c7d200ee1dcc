import SafetyCore

@testable import Normalise

/// An in-memory row that remembers which fields were read, as bytes or as text.
final class TestRow: RowFields {
  let fields: [UnsafeMutableRawBufferPointer]
  let strings: [String]
  let lineNumber: Int
  private(set) var touched: Set<Int> = []

  init(_ strings: [String], line: Int = 2) {
    self.strings = strings
    lineNumber = line
    fields = strings.map { s in
      let bytes = Array(s.utf8)
      let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
      buffer.copyMemory(from: UnsafeRawBufferPointer(start: bytes, count: bytes.count))
      return buffer
    }
  }

  deinit { fields.forEach { $0.deallocate() } }

  var fieldCount: Int { fields.count }
  func bytes(_ i: Int) -> UnsafeRawBufferPointer {
    touched.insert(i)
    return UnsafeRawBufferPointer(fields[i])
  }
  func text(_ i: Int) -> String {
    touched.insert(i)
    return strings[i]
  }
  func position(ofField i: Int) -> SourcePosition {
    SourcePosition(file: "test.csv", line: lineNumber, column: i * 10 + 1)
  }
}

func row(_ text: String, line: Int = 2) -> TestRow {
  TestRow(text.split(separator: ";", omittingEmptySubsequences: false).map(String.init), line: line)
}

/// A registry: gemeente GM9999, wijken WK999901-02, buurten BU99990101-02 and BU99990201.
func testRegistry() -> AreaRegistry {
  let p = SourcePosition(file: "areas.csv", line: 1, column: 1)
  let areas = [
    ["GM9999", "Teststad", ""], ["WK999901", "Centrum", "GM9999"],
    ["WK999902", "Noord", "GM9999"], ["BU99990101", "Oude Markt", "WK999901"],
    ["BU99990102", "Havenkwartier", "WK999901"], ["BU99990201", "Bloemenbuurt", "WK999902"],
  ].map { AreaRegistry.Row($0, at: p) }
  let aliases = [
    ["De Haven", "BU99990102", ""], ["Bloemen", "BU99990201", "woonpunt"],
  ].map { AreaRegistry.Row($0, at: p) }
  let crosswalk = [["BU99990100", "BU99990101", "2022"]].map { AreaRegistry.Row($0, at: p) }
  let population = [["BU99990101", "2024", "1200", "600", "550"]].map {
    AreaRegistry.Row($0, at: p)
  }
  return AreaRegistry(areas: areas, population: population, aliases: aliases, crosswalk: crosswalk)
}
