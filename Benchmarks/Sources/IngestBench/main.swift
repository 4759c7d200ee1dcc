// Times CSVReader over a file, doing what the C ceiling does (count fields and records):
//   IngestBench single FILE
//   IngestBench parallel FILE CHUNKS
// Prints one JSON line: {"name", "seconds", "bytes", "records", "fields"}.
import CSVIngest
import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

struct Counts: Sendable {
  var fields = 0
  var records = 0
  /// With INGEST_BENCH_TIMES set: when the chunk's first and last records were seen.
  var first = 0.0
  var last = 0.0
}

let timed = getenv("INGEST_BENCH_TIMES") != nil

func now() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

let args = CommandLine.arguments
guard args.count >= 3 else {
  print("usage: IngestBench single FILE | parallel FILE CHUNKS")
  exit(64)
}
let options = CSVReadOptions(dialect: CSVDialect(delimiter: UInt8(ascii: ";"), encoding: .auto))
do {
  let reader = try CSVReader(path: args[2], options: options)
  let start = now()
  var counts = Counts()
  var name = "swift-1-core"
  var records = 0
  if args[1] == "parallel" {
    let chunks = args.count > 3 ? Int(args[3]) ?? 2 : 2
    name = "swift-\(chunks)-cores"
    let result = try reader.forEachRecordInParallel(
      chunks: chunks, makePartial: { _ in Counts() }
    ) { partial, record in
      partial.fields &+= record.count
      partial.records &+= 1
      if timed {
        let t = now()
        if partial.first == 0 { partial.first = t }
        partial.last = t
      }
    }
    for p in result.partials {
      counts.fields += p.fields
      counts.records += p.records
    }
    records = result.summary.records
    if !result.ranInParallel { name += "-fell-back" }
    for c in result.chunks {
      var line =
        "chunk \(c.chunk.index): bytes \(c.chunk.byteRange), first line \(c.chunk.firstLine), records \(c.records)"
      let p = result.partials[c.chunk.index]
      if timed {
        line += ", records seen from \(format3(p.first - start)) to \(format3(p.last - start)) s"
      }
      line += "\n"
      _ = line.withCString { write(2, $0, strlen($0)) }
    }
  } else {
    let summary = try reader.forEachRecord { record in
      counts.fields &+= record.count
      counts.records &+= 1
    }
    records = summary.records
  }
  let seconds = now() - start
  precondition(records == counts.records)
  print(
    "{\"name\":\"\(name)\",\"seconds\":\(String(format3(seconds))),\"bytes\":\(reader.byteCount),\"records\":\(counts.records),\"fields\":\(counts.fields)}"
  )
} catch {
  print("error: \(error)")
  exit(65)
}

func format3(_ x: Double) -> String {
  let ms = max(0, Int((x * 1000).rounded()))
  let frac = String(ms % 1000)
  return "\(ms / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
}
