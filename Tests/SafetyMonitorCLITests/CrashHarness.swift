import Foundation
import Store

/// The crash-safety harness: a scenario of inbox deliveries, run once without interruption
/// (the reference), then once per crash point with the binary killed (SIGKILL) at that point
/// and finished by normal runs. Every trial must end with the reference's store data and
/// the reference's files in inbox, archive and quarantine.
struct CrashScenario {
  /// One delivery: files dropped into the inbox before a run, by name.
  typealias Batch = [(name: String, bytes: [UInt8])]

  var batches: [Batch]
  /// Files of the workspace (pipeline, registry), by path relative to its root.
  var files: [String: String]
  /// Symbolic links in the workspace (relative path → absolute target).
  var links: [String: String] = [:]
  /// The pipeline file and its state folder, relative to the workspace.
  var pipeline = "crash.yaml"
  var state = "state"
  var runDate = "2024-10-31"

  /// A small scenario that passes every branch of a run: record-level and aggregated
  /// exports, reclassified records, replaced aggregated months, unknown areas, a rejected
  /// row, two quarantined files, re-deliveries (of an applied and of a quarantined export,
  /// and twice in one inbox) and a file no source matches.
  static func standard() -> CrashScenario {
    func politie(_ rows: [(key: Int, day: Int, month: Int, area: String, code: String)])
      -> [UInt8]
    {
      var text = "naam;registratienummer;pleegdatum;buurtcode;incidentcode\n"
      for r in rows {
        text += "Persoon \(r.key);P-\(r.key);\(String(format: "%02d-%02d", r.day, r.month))-2024;"
        text += "\(r.area);\(r.code)\n"
      }
      return Array(text.utf8)
    }
    let areas = ["BU99990101", "BU99990102", "BU99990201", "BU00000000"]
    let codes = ["1.1.1", "1.4.5", "2.2.1"]
    var september: [(key: Int, day: Int, month: Int, area: String, code: String)] = []
    for k in 1...48 {
      september.append((k, 1 + k % 28, 9, areas[k % areas.count], codes[k % codes.count]))
    }
    var overlap = Array(september.suffix(16))
    for i in 0..<5 { overlap[i].code = codes[(i + 1) % codes.count] }
    for k in 49...64 { overlap.append((k, 1 + k % 20, 9, areas[k % 3], codes[k % 2])) }
    var october: [(key: Int, day: Int, month: Int, area: String, code: String)] = []
    for k in 60...90 { october.append((k, 1 + k % 25, 10, areas[k % 3], codes[k % 3])) }
    var septemberA = politie(september)
    // One row with an impossible date: rejected, the file still applied (1 of 49).
    septemberA += Array("Persoon 99;P-99;31-09-2024;BU99990101;1.1.1\n".utf8)
    var tooManyBad = "naam;registratienummer;pleegdatum;buurtcode;incidentcode\n"
    for k in 100...109 {
      tooManyBad += "X;P-\(k);\(k % 2 == 0 ? "02-10-2024" : "2024-10-02");BU99990101;1.1.1\n"
    }
    let broken = Array("naam,nummer,datum\nJan,1,02-09-2024\n".utf8)
    let welzijnAugust = Array(
      "maand,wijk,aantal\n2024-07,WK999901,4\n2024-08,WK999901,6\n2024-08,WK999902,2\n".utf8)
    let welzijnSeptember = Array(
      "maand,wijk,aantal\n2024-08,WK999901,7\n2024-09,WK999901,3\n2024-09,WK999902,5\n".utf8)
    return CrashScenario(
      batches: [
        [
          ("politie_2024-09-a.csv", septemberA), ("politie_2024-09-b.csv", politie(overlap)),
          ("politie_broken.csv", broken), ("welzijn_2024-08.csv", welzijnAugust),
        ],
        [
          ("other.csv", Array("a;b\n1;2\n".utf8)), ("politie_2024-10.csv", politie(october)),
          ("politie_broken_again.csv", broken), ("politie_redelivered.csv", septemberA),
          ("politie_too_many_bad.csv", Array(tooManyBad.utf8)),
          ("welzijn_2024-09.csv", welzijnSeptember), ("welzijn_2024-09_copy.csv", welzijnSeptember),
        ],
      ],
      files: [
        "crash.yaml": """
        version: 1
        name: crashtest
        language: en
        areas: {registry: areas.csv}
        themes:
          hic: {name: HIC}
          zorg: {name: Zorg}
        sources:
          politie:
            partner: Politie
            files: politie_*.csv
            key: registratienummer
            date: {column: pleegdatum, format: dd-MM-yyyy}
            area: {column: buurtcode}
            category: {column: incidentcode}
            personal: [naam]
          welzijn:
            partner: Welzijn
            files: welzijn_*.csv
            dialect: {delimiter: ","}
            period: {column: maand, kind: month, format: yyyy-MM}
            area: {column: wijk}
            category: {value: casus}
            count: aantal
        indicators:
          inbraak: {name: Inbraak, theme: hic, from: {politie: ["1.1.1"]}}
          zorg: {name: Zorg, theme: zorg, period: month, from: {welzijn: [casus]}}
        """,
        "areas.csv": """
        code;name;parent
        GM9999;Teststad;
        WK999901;Centrum;GM9999
        WK999902;Noord;GM9999
        BU99990101;Markt;WK999901
        BU99990102;Haven;WK999901
        BU99990201;Dorp;WK999902

        """,
      ])
  }

  /// The demo municipality's exports (fixtures/demostad/exports: six years of eight
  /// partners, a broken export and a re-delivered copy) in two deliveries, 2019–2021 and
  /// 2022–2024, through `pipelines/demostad.yaml`. For the long harness
  /// (`scripts/crash-harness.sh`).
  static func demo(repository: String) throws -> CrashScenario {
    let exports = repository + "/fixtures/demostad/exports"
    let names = try FileManager.default.contentsOfDirectory(atPath: exports).sorted()
    var early: Batch = []
    var late: Batch = []
    for name in names {
      let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: exports + "/" + name)))
      if ["2019", "2020", "2021"].contains(where: name.contains) {
        early.append((name, bytes))
      } else {
        late.append((name, bytes))
      }
    }
    return CrashScenario(
      batches: [early, late],
      files: [
        "pipelines/demostad.yaml": try String(
          contentsOfFile: repository + "/pipelines/demostad.yaml", encoding: .utf8)
      ],
      links: ["fixtures": repository + "/fixtures"], pipeline: "pipelines/demostad.yaml",
      state: "state/demostad", runDate: "2024-12-31")
  }
}

/// A fresh folder holding the scenario's pipeline; runs the binary on it.
struct CrashWorkspace {
  let root: String
  let scenario: CrashScenario
  var pipeline: String { root + "/" + scenario.pipeline }
  var state: String { root + "/" + scenario.state }
  var inbox: String { state + "/inbox" }

  init(_ scenario: CrashScenario, under base: String) throws {
    self.scenario = scenario
    root = base + "/" + UUID().uuidString
    let fm = FileManager.default
    try fm.createDirectory(atPath: inbox, withIntermediateDirectories: true)
    for (path, text) in scenario.files {
      let full = root + "/" + path
      try fm.createDirectory(
        atPath: URL(fileURLWithPath: full).deletingLastPathComponent().path,
        withIntermediateDirectories: true)
      try text.write(toFile: full, atomically: true, encoding: .utf8)
    }
    for (path, target) in scenario.links {
      try fm.createSymbolicLink(atPath: root + "/" + path, withDestinationPath: target)
    }
    // One HMAC key for every workspace, so that their records' keyed hashes compare.
    _ = FileManager.default.createFile(
      atPath: state + "/store.sqlite.key", contents: Data((0..<32).map { UInt8($0 * 7 % 251) }),
      attributes: [.posixPermissions: 0o600])
  }

  func deliver(_ batch: Int) throws {
    for file in scenario.batches[batch] {
      try Data(file.bytes).write(to: URL(fileURLWithPath: inbox + "/" + file.name))
    }
  }

  var arguments: [String] {
    ["run", pipeline, "--run-date", scenario.runDate, "--log-level", "error", "--json"]
  }

  func run(_ environment: [String: String] = [:]) throws -> CLIResult {
    try safetyMonitor(arguments, environment: environment)
  }

  /// Everything a run leaves that must not depend on where it was killed: the store's data
  /// (without run ids and timestamps) and every file under the state folder but the store
  /// itself and the lock file, with its bytes.
  func snapshot() throws -> Snapshot {
    let store = try SafetyStore(path: state + "/store.sqlite", mode: .readOnly)
    var files: [String: Data] = [:]
    let walker = FileManager.default.enumerator(atPath: state)
    while let name = walker?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let path = state + "/" + name
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        !isDirectory.boolValue, !name.hasPrefix("store.sqlite"), name != "run.lock"
      else { continue }
      files[name] = try Data(contentsOf: URL(fileURLWithPath: path))
    }
    return Snapshot(
      data: try store.dataFingerprint(), files: files,
      unfinishedRuns: try store.runs().filter { $0.status == "running" }.count,
      countsDiffer: try store.verifyCounts(), integrity: try store.integrityCheck())
  }

  func remove() { try? FileManager.default.removeItem(atPath: root) }
}

struct Snapshot: Equatable {
  var data: [String: [String]]
  var files: [String: Data]
  var unfinishedRuns: Int
  var countsDiffer: Int
  var integrity: String

  /// What differs from `other`, for failure messages.
  func difference(from other: Snapshot) -> String {
    var out: [String] = []
    for table in Set(data.keys).union(other.data.keys).sorted()
    where data[table] != other.data[table] {
      let mine = Set(data[table] ?? [])
      let theirs = Set(other.data[table] ?? [])
      out.append(
        "table \(table): extra \(mine.subtracting(theirs).sorted().prefix(3)), "
          + "missing \(theirs.subtracting(mine).sorted().prefix(3))")
    }
    for name in Set(files.keys).union(other.files.keys).sorted()
    where files[name] != other.files[name] {
      out.append(
        "file \(name): \(files[name] == nil ? "missing" : other.files[name] == nil ? "extra" : "differs")"
      )
    }
    if unfinishedRuns != other.unfinishedRuns { out.append("unfinished runs \(unfinishedRuns)") }
    if countsDiffer != other.countsDiffer {
      out.append("count cube differs in \(countsDiffer) cells")
    }
    if integrity != other.integrity { out.append("integrity: \(integrity)") }
    return out.joined(separator: "; ")
  }
}

/// How a trial kills the run of one batch.
enum Kill {
  /// At the n-th crash point (SAFETY_MONITOR_CRASH_AT).
  case point(Int)
  /// After this many seconds, wherever the run is.
  case timed(Double)
  /// At the n-th crash point, then the run finishing it at its m-th.
  case twice(Int, Int)
}

/// Runs the scenario: batch by batch, one normal run each — except batch `kill.batch`,
/// whose run is killed as `kill.how` says and then finished by a normal run.
/// Returns the snapshot and what the killed run said as it died.
func playScenario(
  _ scenario: CrashScenario, under base: String, environment: [String: String],
  kill: (batch: Int, how: Kill)?
) throws -> (snapshot: Snapshot, killedAt: String?, failures: [String]) {
  let w = try CrashWorkspace(scenario, under: base)
  defer { w.remove() }
  var killedAt: String?
  var failures: [String] = []
  func killedRun(at point: Int) throws -> CLIResult {
    var env = environment
    env["SAFETY_MONITOR_CRASH_AT"] = String(point)
    return try w.run(env)
  }
  for batch in scenario.batches.indices {
    try w.deliver(batch)
    if let kill, kill.batch == batch {
      switch kill.how {
      case .point(let n), .twice(let n, _):
        let killed = try killedRun(at: n)
        guard killed.signal == 9 else {
          failures.append("batch \(batch) point \(n): not killed (exit \(killed.status))")
          break
        }
        killedAt = killed.stderr.split(separator: "\n").last { $0.hasPrefix("crash point") }
          .map(String.init)
        if case .twice(_, let m) = kill.how {
          // The run that finishes the job is killed too (if it gets that far).
          let again = try killedRun(at: m)
          if again.signal == 9 { killedAt = (killedAt ?? "") + " + again at \(m)" }
        }
      case .timed(let seconds):
        let killed = try safetyMonitorKilled(after: seconds, w.arguments, environment: environment)
        killedAt = killed.signal == 9 ? "after \(Int(seconds * 1000)) ms" : nil
      }
    }
    let finished = try w.run(environment)
    if finished.signal != nil || ![0, 65].contains(finished.status) {
      failures.append(
        "batch \(batch): the run after the kill ended with \(finished.status): \(finished.stderr)")
    }
  }
  return (try w.snapshot(), killedAt, failures)
}

/// Starts the binary and kills it with SIGKILL after `seconds` (unless it ended before).
func safetyMonitorKilled(
  after seconds: Double, _ arguments: [String], environment: [String: String]
)
  throws -> CLIResult
{
  let process = Process()
  process.executableURL = safetyMonitorBinary
  process.arguments = arguments
  process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  try process.run()
  usleep(useconds_t(seconds * 1e6))
  if process.isRunning { kill(process.processIdentifier, SIGKILL) }
  process.waitUntilExit()
  let signalled = process.terminationReason == .uncaughtSignal
  return CLIResult(
    status: process.terminationStatus, stdout: "", stderr: "",
    signal: signalled ? process.terminationStatus : nil)
}

/// The crash points a normal run of each batch passes, by name, counted with
/// `SAFETY_MONITOR_CRASH_TRACE=1`.
func tracePoints(_ scenario: CrashScenario, under base: String, environment: [String: String])
  throws -> [[String]]
{
  let w = try CrashWorkspace(scenario, under: base)
  defer { w.remove() }
  var env = environment
  env["SAFETY_MONITOR_CRASH_TRACE"] = "1"
  var out: [[String]] = []
  for batch in scenario.batches.indices {
    try w.deliver(batch)
    let traced = try w.run(env)
    out.append(
      traced.stderr.split(separator: "\n").filter { $0.hasPrefix("crash point") }.map {
        String($0.split(separator: ": ", maxSplits: 1).last ?? "")
      })
  }
  return out
}

/// A new folder for many short runs: in memory (`/dev/shm`) where there is one, as the
/// harness kills processes (which loses nothing the kernel holds) and never the machine,
/// so the disk's sync latency would only slow it down.
func scratchFolder(_ prefix: String) -> String {
  let shm = "/dev/shm"
  let base =
    FileManager.default.isWritableFile(atPath: shm)
    ? shm : FileManager.default.temporaryDirectory.path
  return base + "/safety-monitor-\(prefix)-\(UUID().uuidString)"
}
