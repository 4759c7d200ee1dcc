import Aggregate
import Foundation
import Normalise
import PipelineSpec
import Runner
import SafetyCore
import Store

// pipeline-bench: measures the pipeline on a folder of partner exports.
//
//   pipeline-bench aggregate PIPELINE EXPORTS   parse → normalise → aggregate
//                                               (area × ISO week × indicator), record sources
//   pipeline-bench store PIPELINE EXPORTS STATE the full path into a fresh store (every source)
//   pipeline-bench incremental PIPELINE EXPORTS STATE FILE
//                                               loads everything but FILE, then times the run
//                                               that applies FILE alone
//   pipeline-bench sql PIPELINE EXPORTS [utf8]  the same group-by as DuckDB SQL (utf8: the
//                                               files were converted to UTF-8 for DuckDB)
//
// Peak memory is measured from outside (`/usr/bin/time -v`), the same way for DuckDB.

let runDate = CivilDate(dayNumber: 21915)  // 2030-01-01: no export date is in the future

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data((message + "\n").utf8))
  exit(64)
}

func seconds(since start: UInt64) -> Double {
  Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func loadPipeline(_ path: String) -> LoadedPipeline {
  do { return try LoadedPipeline.load(path: path) } catch { fail(error.description) }
}

func exportFiles(_ dir: String) -> [String] {
  ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter {
    !$0.hasPrefix(".")
  }.sorted()
}

func fileBytes(_ path: String) -> Int {
  (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
}

func aggregate(_ pipeline: LoadedPipeline, _ dir: String) {
  let registry: AreaRegistry
  do { registry = try AreaRegistry.load(pipeline) } catch { fail("\(error)") }
  let files: [(String, SourcePlan)] = exportFiles(dir).compactMap { name in
    guard let (id, source) = pipeline.source(forFile: name), source.resolvedShape == .records,
      let plan = try? SourcePlan(id: id, in: pipeline)
    else { return nil }
    return (name, plan)
  }
  let bytes = files.reduce(0) { $0 + fileBytes(dir + "/" + $1.0) }
  let start = DispatchTime.now().uptimeNanoseconds
  let areaCount = registry.areas.count
  // Files in parallel, each counted per source category × area × week in dense area
  // columns, then spread over the indicators each category feeds; the file cubes are merged
  // in file order while later files are still being read.
  var cube = CountCube(periodKind: .week)
  var rows = 0
  var rejected = 0
  Parallel.orderedReduce(count: files.count, window: 4) { i -> (CountCube, Int, Int) in
    var counter = AreaColumnCounter(areaCount: areaCount)
    var rows = 0
    var rejected = 0
    let (name, plan) = files[i]
    let outcome = ExportReader.read(
      path: dir + "/" + name, displayName: name, plan: plan, pipeline: pipeline,
      registry: registry, runDate: runDate, hasher: nil
    ) { outcome in
      rows += 1
      guard case .record(let r) = outcome else {
        rejected += 1
        return
      }
      // ISO week index straight from the day number (weeks start on Monday).
      let d = Int(r.day) + 3
      let week = d >= 0 ? d / 7 : (d - 6) / 7
      counter.add(series: Int(r.category), area: Int(r.area), period: week)
    }
    switch outcome {
    case .fatal(let d, _):
      FileHandle.standardError.write(Data("skipped: \(d)\n".utf8))
      return (CountCube(periodKind: .week), rows, rejected)
    case .read(let export):
      return (counter.cube(periodKind: .week) { export.categoryIndicators[$0] }, rows, rejected)
    }
  } reduce: { part in
    cube.merge(part.0)
    rows += part.1
    rejected += part.2
  }
  let elapsed = seconds(since: start)
  print(
    """
    files: \(files.count)  bytes: \(bytes)  rows: \(rows)  rejected: \(rejected)
    cells (indicator × area × week): \(cube.cellCount)  counted: \(cube.total)
    seconds: \(String(format: "%.3f", elapsed))  rows/s: \(Int(Double(rows) / elapsed))  MB/s: \(String(format: "%.1f", Double(bytes) / elapsed / 1e6))
    """)
}

func withState(_ pipeline: LoadedPipeline, _ state: String) -> LoadedPipeline {
  var p = pipeline
  p.spec.state = state
  p.spec.store = nil
  p.spec.inbox = nil
  p.spec.archive = nil
  p.spec.quarantine = nil
  return p
}

func deliver(_ names: [String], from dir: String, to inbox: String) {
  try? FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
  for name in names {
    let target = inbox + "/" + name
    if link(dir + "/" + name, target) != 0 {
      try? FileManager.default.copyItem(atPath: dir + "/" + name, toPath: target)
    }
  }
}

func runOnce(_ pipeline: LoadedPipeline) -> (RunSummary, Double) {
  let start = DispatchTime.now().uptimeNanoseconds
  do {
    let summary = try Runner(pipeline: pipeline).run(
      RunOptions(runDate: runDate, now: "2030-01-01T00:00:00Z", batchSize: 2))
    return (summary, seconds(since: start))
  } catch {
    fail("\(error)")
  }
}

func store(_ pipeline: LoadedPipeline, _ dir: String, _ state: String) {
  let p = withState(pipeline, state)
  let names = exportFiles(dir).filter { pipeline.source(forFile: $0) != nil }
  let bytes = names.reduce(0) { $0 + fileBytes(dir + "/" + $1) }
  deliver(names, from: dir, to: p.inboxDirectory)
  let (summary, elapsed) = runOnce(p)
  let rows = summary.rows.ok + summary.rows.rejected
  print(
    """
    files: \(names.count)  bytes: \(bytes)  applied: \(summary.files.applied)  quarantined: \(summary.files.quarantined)  skipped: \(summary.files.skipped)
    rows: \(rows)  records new: \(summary.records.new)  replaced: \(summary.records.replaced)  unchanged: \(summary.records.unchanged)
    seconds: \(String(format: "%.3f", elapsed))  rows/s: \(Int(Double(rows) / elapsed))
    store bytes: \(fileBytes(p.storePath))
    """)
}

func incremental(_ pipeline: LoadedPipeline, _ dir: String, _ state: String, _ file: String) {
  let p = withState(pipeline, state)
  let names = exportFiles(dir).filter { pipeline.source(forFile: $0) != nil && $0 != file }
  guard exportFiles(dir).contains(file) else { fail("no file \(file) in \(dir)") }
  deliver(names, from: dir, to: p.inboxDirectory)
  let (base, baseSeconds) = runOnce(p)
  print(
    "setup: \(base.files.applied) files applied in \(String(format: "%.1f", baseSeconds)) s; store \(fileBytes(p.storePath)) bytes"
  )
  deliver([file], from: dir, to: p.inboxDirectory)
  let (summary, elapsed) = runOnce(p)
  print(
    """
    incremental: \(file)  applied: \(summary.files.applied)  rows: \(summary.rows.ok + summary.rows.rejected)  records new: \(summary.records.new)  replaced: \(summary.records.replaced)  unchanged: \(summary.records.unchanged)
    seconds: \(String(format: "%.3f", elapsed))
    """)
}

let args = CommandLine.arguments
guard args.count >= 4 else {
  fail("usage: pipeline-bench aggregate|store|incremental|sql PIPELINE EXPORTS [STATE [FILE]]")
}
let pipeline = loadPipeline(args[2])
switch args[1] {
case "aggregate": aggregate(pipeline, args[3])
case "store":
  guard args.count >= 5 else { fail("store needs a STATE folder") }
  store(pipeline, args[3], args[4])
case "incremental":
  guard args.count >= 6 else { fail("incremental needs STATE and FILE") }
  incremental(pipeline, args[3], args[4], args[5])
case "sql":
  print(DuckDBQuery.sql(pipeline, exports: args[3], allUTF8: args.count > 4 && args[4] == "utf8"))
default: fail("unknown mode \(args[1])")
}
