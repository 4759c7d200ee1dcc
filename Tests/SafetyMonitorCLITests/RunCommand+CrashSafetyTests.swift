import Foundation
import SafetyCore
import Testing

/// Crash safety, proven: the binary is killed with SIGKILL at every crash point a run of
/// the scenario passes (inside store transactions, between commit and move, in the middle
/// of a move across file systems, ...), finished by a normal run, and must leave exactly
/// what an uninterrupted run leaves. `scripts/crash-harness.sh` runs the same harness on
/// the demo's exports and with kills at random moments.
@Suite struct RunCommandCrashSafetyTests {
  enum Moves: String, CaseIterable, CustomTestStringConvertible {
    /// Archive and inbox on one file system: a move is one rename.
    case rename
    /// As across file systems: copy, sync, rename into place, remove from the inbox.
    case copy
    var environment: [String: String] {
      self == .copy ? ["SAFETY_MONITOR_SIMULATE_EXDEV": "1"] : [:]
    }
    var testDescription: String { rawValue }
  }

  @Test(arguments: Moves.allCases)
  func everyKillPointIsFinishedByTheNextRun(moves: Moves) throws {
    let base = scratchFolder("crash-\(moves.rawValue)")
    defer { try? FileManager.default.removeItem(atPath: base) }
    let scenario = CrashScenario.standard()
    let points = try tracePoints(scenario, under: base, environment: moves.environment)
    let reference = try playScenario(
      scenario, under: base, environment: moves.environment, kill: nil)
    #expect(reference.failures.isEmpty)
    #expect(reference.snapshot.integrity == "ok")
    #expect(reference.snapshot.countsDiffer == 0)
    #expect(reference.snapshot.files.keys.contains("inbox/other.csv"))
    #expect(!reference.snapshot.files.keys.contains { $0.hasPrefix("inbox/politie") })
    // Every point of every batch, each in a fresh workspace.
    var trials = 0
    var names: Set<String> = []
    for (batch, list) in points.enumerated() {
      for point in 1...list.count {
        let trial = try playScenario(
          scenario, under: base, environment: moves.environment, kill: (batch, .point(point)))
        trials += 1
        let expected = "crash point \(point): \(list[point - 1])"
        #expect(trial.killedAt == expected, "batch \(batch)")
        #expect(trial.failures.isEmpty, "\(trial.failures)")
        if trial.snapshot != reference.snapshot {
          let difference = trial.snapshot.difference(from: reference.snapshot)
          Issue.record("killed at batch \(batch) \(expected): \(difference)")
        }
        names.insert("\(batch):\(list[point - 1])")
      }
    }
    // Enough distinct points, and the kinds that matter.
    #expect(trials >= (moves == .rename ? 50 : 70), "\(trials) trials")
    let all = points.joined()
    for needed in [
      "store.apply.ledger-inserted", "store.apply.records-halfway", "store.apply.cells-halfway",
      "store.apply.before-commit", "run.applied", "store.quarantine.before-commit",
      "quarantine.reason-written", "run.duplicate-recorded", "store.results.before-commit",
      "store.flags.before-commit",
      "run.flagged", "store.finish-run.before-commit",
    ] {
      #expect(all.contains(needed), "\(needed) never reached")
    }
    if moves == .copy {
      for needed in ["move.copy.copied", "move.copy.synced", "move.copy.renamed"] {
        #expect(all.contains(needed), "\(needed) never reached")
      }
    }
    print("crash harness (\(moves.rawValue) moves): \(trials) kills at \(names.count) points")
  }

  @Test func aReleaseOfTheLockByTheKernelLetsTheNextRunIn() throws {
    // A run killed while it holds the lock: the next run gets the lock at once (flock is
    // released when the process dies), marks the killed run interrupted and finishes.
    let base = scratchFolder("crash-lock")
    defer { try? FileManager.default.removeItem(atPath: base) }
    let w = try CrashWorkspace(CrashScenario.standard(), under: base)
    try w.deliver(0)
    let killed = try w.run(["SAFETY_MONITOR_CRASH_AT": "3"])
    #expect(killed.signal == 9)
    let lock = try String(contentsOfFile: w.state + "/run.lock", encoding: .utf8)
    #expect(lock.hasPrefix("pid "))  // the dead run's note is still there
    let next = try w.run()
    #expect(next.status == 65)  // it quarantines politie_broken.csv
    let json = try JSONSerialization.jsonObject(with: Data(next.stdout.utf8)) as? [String: Any]
    #expect((json?["files"] as? [String: Int])?["applied"] == 3)
  }

  /// The long harness (`scripts/crash-harness.sh`), off unless SAFETY_MONITOR_LONG_HARNESS
  /// is set to the number of trials of each kind: on the demo's six years of exports, kills
  /// at every crash point of the detection and flags part of each run, at sampled crash
  /// points (both kinds of move), at random moments, and twice in a row.
  @Test(.enabled(if: ProcessInfo.processInfo.environment["SAFETY_MONITOR_LONG_HARNESS"] != nil))
  func theDemoSurvivesSampledTimedAndRepeatedKills() throws {
    let env = ProcessInfo.processInfo.environment
    let trials = Int(env["SAFETY_MONITOR_LONG_HARNESS"] ?? "") ?? 20
    var random = SplitMix64(seed: UInt64(env["SAFETY_MONITOR_HARNESS_SEED"] ?? "") ?? 7)
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().path
    let scenario = try CrashScenario.demo(repository: repository)
    let base = scratchFolder("crash-demo")
    defer { try? FileManager.default.removeItem(atPath: base) }
    let started = Date()
    let points = try tracePoints(scenario, under: base, environment: [:])
    let reference = try playScenario(scenario, under: base, environment: [:], kill: nil)
    let seconds = Date().timeIntervalSince(started) / 2  // about one traced + one normal play
    #expect(reference.failures.isEmpty && reference.snapshot.countsDiffer == 0)
    #expect(reference.snapshot.data["flags"]?.isEmpty == false, "the demo raises flags")
    var report: [String: Int] = [:]
    // Every point of the detection and flags part of each run (the demo raises flags).
    let flagPoints: Set<String> = [
      "store.results.before-commit", "store.flags.written", "store.flags.before-commit",
      "run.flagged",
    ]
    for (batch, list) in points.enumerated() {
      for (i, name) in list.enumerated() where flagPoints.contains(name) {
        let result = try playScenario(
          scenario, under: base, environment: [:], kill: (batch, .point(i + 1)))
        report["flags point", default: 0] += 1
        #expect(result.killedAt == "crash point \(i + 1): \(name)")
        #expect(result.failures.isEmpty, "\(result.failures)")
        if result.snapshot != reference.snapshot {
          let difference = result.snapshot.difference(from: reference.snapshot)
          Issue.record("batch \(batch) \(name): \(difference)")
        }
      }
    }
    for trial in 0..<(3 * trials) {
      let batch = Int(random.next() % UInt64(points.count))
      let count = points[batch].count
      let moves = trial % 2 == 0 ? RunCommandCrashSafetyTests.Moves.rename : .copy
      let how: Kill
      switch trial % 3 {
      case 0: how = .point(1 + Int(random.next() % UInt64(count)))
      case 1: how = .timed(Double(random.next() % 1000) / 1000 * seconds / 4)
      default:
        how = .twice(1 + Int(random.next() % UInt64(count)), 1 + Int(random.next() % UInt64(count)))
      }
      let result = try playScenario(
        scenario, under: base, environment: moves.environment, kill: (batch, how))
      let kind = "\(how)".prefix { $0 != "(" } + (result.killedAt == nil ? " (ended first)" : "")
      report[String(kind), default: 0] += 1
      #expect(result.failures.isEmpty, "\(result.failures)")
      if result.snapshot != reference.snapshot {
        let difference = result.snapshot.difference(from: reference.snapshot)
        Issue.record("batch \(batch) \(how) \(result.killedAt ?? ""): \(difference)")
      }
    }
    print(
      "long crash harness: \(points.map(\.count)) crash points per batch; trials: \(report); "
        + "\(Int(Date().timeIntervalSince(started))) s")
  }
}
