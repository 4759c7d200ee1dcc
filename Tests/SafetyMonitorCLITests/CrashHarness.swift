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
  var pipelineText: String
  var areasText: String

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
      pipelineText: """
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
      areasText: """
        code;name;parent
        GM9999;Teststad;
        WK999901;Centrum;GM9999
        WK999902;Noord;GM9999
        BU99990101;Markt;WK999901
        BU99990102;Haven;WK999901
        BU99990201;Dorp;WK999902

        """)
  }
}

/// A fresh folder holding the scenario's pipeline; runs the binary on it.
struct CrashWorkspace {
  let root: String
  let scenario: CrashScenario
  var pipeline: String { root + "/crash.yaml" }
  var state: String { root + "/state" }
  var inbox: String { state + "/inbox" }
  static let runDate = "2024-10-31"

  init(_ scenario: CrashScenario, under base: String) throws {
    self.scenario = scenario
    root = base + "/" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
    try scenario.areasText.write(toFile: root + "/areas.csv", atomically: true, encoding: .utf8)
    try scenario.pipelineText.write(toFile: pipeline, atomically: true, encoding: .utf8)
    // One HMAC key for every workspace, so that their records' keyed hashes compare.
    FileManager.default.createFile(
      atPath: state + "/store.sqlite.key", contents: Data((0..<32).map { UInt8($0 * 7 % 251) }),
      attributes: [.posixPermissions: 0o600])
  }

  func deliver(_ batch: Int) throws {
    for file in scenario.batches[batch] {
      try Data(file.bytes).write(to: URL(fileURLWithPath: inbox + "/" + file.name))
    }
  }

  func run(_ environment: [String: String] = [:]) throws -> CLIResult {
    try safetyMonitor(
      ["run", pipeline, "--run-date", CrashWorkspace.runDate, "--log-level", "error", "--json"],
      environment: environment)
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
    for table in Set(data.keys).union(other.data.keys).sorted() where data[table] != other.data[table] {
      let mine = Set(data[table] ?? [])
      let theirs = Set(other.data[table] ?? [])
      out.append(
        "table \(table): extra \(mine.subtracting(theirs).sorted().prefix(3)), "
          + "missing \(theirs.subtracting(mine).sorted().prefix(3))")
    }
    for name in Set(files.keys).union(other.files.keys).sorted() where files[name] != other.files[name] {
      out.append(
        "file \(name): \(files[name] == nil ? "missing" : other.files[name] == nil ? "extra" : "differs")")
    }
    if unfinishedRuns != other.unfinishedRuns { out.append("unfinished runs \(unfinishedRuns)") }
    if countsDiffer != other.countsDiffer { out.append("count cube differs in \(countsDiffer) cells") }
    if integrity != other.integrity { out.append("integrity: \(integrity)") }
    return out.joined(separator: "; ")
  }
}

/// Runs the scenario: batch by batch, one normal run each — except batch `kill.batch`,
/// whose run is killed at its `kill.point`-th crash point and then finished by a normal run.
/// Returns the snapshot and what the killed run said as it died.
func playScenario(
  _ scenario: CrashScenario, under base: String, environment: [String: String],
  kill: (batch: Int, point: Int)?
) throws -> (snapshot: Snapshot, killedAt: String?, failures: [String]) {
  let w = try CrashWorkspace(scenario, under: base)
  defer { w.remove() }
  var killedAt: String?
  var failures: [String] = []
  for batch in scenario.batches.indices {
    try w.deliver(batch)
    if let kill, kill.batch == batch {
      var env = environment
      env["SAFETY_MONITOR_CRASH_AT"] = String(kill.point)
      let killed = try w.run(env)
      guard killed.signal == 9 else {
        failures.append("batch \(batch) point \(kill.point): not killed (exit \(killed.status))")
        continue
      }
      killedAt = killed.stderr.split(separator: "\n").last { $0.hasPrefix("crash point") }
        .map(String.init)
    }
    let finished = try w.run(environment)
    if finished.signal != nil || ![0, 65].contains(finished.status) {
      failures.append(
        "batch \(batch): the run after the kill ended with \(finished.status): \(finished.stderr)")
    }
  }
  return (try w.snapshot(), killedAt, failures)
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
