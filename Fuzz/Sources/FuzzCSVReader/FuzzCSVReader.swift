import CSVIngest
import SafetyCore

/// One read's observable result: records (as raw bytes), lines, diagnostics, error.
struct Outcome: Equatable {
  var records: [[[UInt8]]] = []
  var lines: [Int] = []
  var diagnostics: [Diagnostic] = []
  var error: Diagnostic? = nil
  var encoding: TextEncoding? = nil
}

func readAll(_ bytes: [UInt8], _ dialect: CSVDialect, chunkSize: Int) -> Outcome {
  var out = Outcome()
  let limits = CSVLimits(maxFieldBytes: 4096, maxFields: 64, maxDiagnostics: 20)
  let reader = CSVReader(
    bytes: bytes, name: "fuzz.csv",
    options: CSVReadOptions(dialect: dialect, limits: limits, chunkSize: chunkSize))
  do {
    let summary = try reader.forEachRecord(onDiagnostic: { out.diagnostics.append($0) }) {
      record in
      var fields: [[UInt8]] = []
      for i in 0..<record.count {
        fields.append(Array(record[i].bytes))
        _ = record[i].decoded()
      }
      // Positions must be computable and sane for every field.
      for i in 0...record.count {
        let p = record.position(ofField: i)
        precondition(p.line >= record.line && p.column >= 1, "bad position \(p)")
      }
      out.records.append(fields)
      out.lines.append(record.line)
    }
    out.encoding = summary.encoding
    precondition(summary.records == out.records.count)
  } catch let d as Diagnostic {
    out.error = d
    precondition(d.position.map { $0.line >= 1 && $0.column >= 1 } ?? true, "bad error position")
  } catch {
    preconditionFailure("unexpected error type \(error)")
  }
  return out
}

/// The parallel reader (tiny chunks, so that small inputs split): records rebased to file
/// numbers must equal the sequential read's.
func readParallel(_ bytes: [UInt8], _ dialect: CSVDialect, chunks: Int, chunkSize: Int) -> Outcome {
  var out = Outcome()
  let limits = CSVLimits(maxFieldBytes: 4096, maxFields: 64, maxDiagnostics: 20)
  let reader = CSVReader(
    bytes: bytes, name: "fuzz.csv",
    options: CSVReadOptions(dialect: dialect, limits: limits, chunkSize: chunkSize))
  do {
    let result = try reader.forEachRecordInParallel(
      chunks: chunks, onDiagnostic: { out.diagnostics.append($0) },
      makePartial: { _ in [([[UInt8]], Int)]() }
    ) { partial, record in
      partial.append(((0..<record.count).map { Array(record[$0].bytes) }, record.line))
    }
    for partial in result.partials {
      out.records += partial.map(\.0)
      out.lines += partial.map(\.1)
    }
    out.encoding = result.summary.encoding
  } catch let d as Diagnostic {
    out.error = d
  } catch {
    preconditionFailure("unexpected error type \(error)")
  }
  return out
}

/// The first byte picks the dialect; the rest is the file. Reading with a tiny chunk size
/// must give exactly what reading in one chunk gives (chunk boundaries fall inside quotes,
/// CRLF pairs and UTF-8 characters).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  guard size > 0 else { return 0 }
  let selector = data[0]
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  let delimiters: [UInt8] = [0x3B, 0x2C, 0x09, 0x7C]
  let encodings: [TextEncoding] = [.auto, .utf8, .windows1252, .iso88591]
  let dialect = CSVDialect(
    delimiter: delimiters[Int(selector & 3)],
    quote: selector & 0x40 == 0 ? 0x22 : 0x27,
    encoding: encodings[Int((selector >> 2) & 3)],
    hasHeader: selector & 0x10 == 0)
  let whole = readAll(bytes, dialect, chunkSize: 1 << 20)
  let small = readAll(bytes, dialect, chunkSize: 16 + Int(selector >> 5))
  precondition(whole == small, "chunked read differs from whole read")
  let parallel = readParallel(bytes, dialect, chunks: 2 + Int(selector >> 7), chunkSize: 16)
  // When the read fails, the parallel reader returns no partials: compare the rest.
  var expected = whole
  if expected.error != nil {
    expected.records = []
    expected.lines = []
    expected.encoding = nil
  }
  precondition(expected == parallel, "parallel read differs from sequential read")
  return 0
}

// SwiftPM links executables with `main` renamed to `<module>_main`; hand control to
// libFuzzer's driver from there.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32

@_cdecl("FuzzCSVReader_main")
public func fuzzMain(
  _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
  var count = argc
  var vector = argv
  return LLVMFuzzerRunDriver(&count, &vector) { data, size in fuzz(data, size) }
}
