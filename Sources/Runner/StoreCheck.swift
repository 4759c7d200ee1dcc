import Foundation
import PipelineSpec
import Store

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `safety-monitor store check`: is the store whole and does it agree with the archive?
/// Reads only (the store read-only, under the pipeline's shared lock, so never mid-run).
public struct StoreCheck: Sendable {
  public struct Finding: Sendable, Hashable, Codable {
    public enum Level: String, Sendable, Codable { case ok, note, problem }
    public var level: Level
    /// What was checked: `files`, `integrity`, `schema`, `counts`, `archive`, `runs`.
    public var check: String
    public var message: String
  }

  public var findings: [Finding] = []
  public var problems: Int { findings.filter { $0.level == .problem }.count }

  /// Options of the archive check.
  public struct Options: Sendable {
    /// Re-hash every kept file (reads the whole archive) instead of comparing sizes.
    public var verifyHashes = false
    /// Kept files received more than this many days before `now` may be gone (removed by
    /// the archive retention policy, docs/OPERATIONS.md).
    public var archiveRetentionDays: Int?
    public var now = Date()
    /// Seconds to wait for a run to finish.
    public var lockWait: Double = 0
    public init() {}
  }

  /// Runs every check. Throws `RunnerError` when the store cannot be opened at all.
  public static func run(_ pipeline: LoadedPipeline, options: Options = .init()) throws
    -> StoreCheck
  {
    let runner = Runner(pipeline: pipeline)
    let folders = runner.folders
    let lock = try runner.takeLock(wait: options.lockWait, shared: true)
    defer { lock.release() }
    var out = StoreCheck()
    func add(_ level: Finding.Level, _ check: String, _ message: String) {
      out.findings.append(Finding(level: level, check: check, message: message))
    }
    let path = pipeline.storePath
    guard FileManager.default.fileExists(atPath: path) else {
      throw RunnerError.io("no store at \(path) (has the pipeline run yet?)")
    }
    for (file, what) in [(path, "store"), (path + ".key", "key file")] {
      var info = stat()
      guard stat(file, &info) == 0 else {
        add(.problem, "files", "\(what) \(file) is missing; restore it from the backup")
        continue
      }
      let mode = info.st_mode & 0o777
      if mode & 0o077 != 0 {
        add(
          .problem, "files",
          "\(what) \(file) has mode \(String(mode, radix: 8)); it must be 600 (chmod 600)")
      } else {
        add(.ok, "files", "\(what) \(file) (mode 600)")
      }
    }
    let store: SafetyStore
    do { store = try SafetyStore(path: path, mode: .readOnly) } catch {
      throw RunnerError.io("cannot open the store \(path): \(error)")
    }
    do {
      let integrity = try store.integrityCheck()
      add(
        integrity == "ok" ? .ok : .problem, "integrity",
        integrity == "ok" ? "PRAGMA integrity_check: ok" : "PRAGMA integrity_check:\n\(integrity)")
      let schema = try store.schemaStatus()
      if !schema.unknown.isEmpty {
        add(
          .problem, "schema",
          "written by a newer version (migrations \(schema.unknown.joined(separator: ", ")))")
      } else if !schema.pending.isEmpty {
        add(
          .note, "schema",
          "\(schema.applied.count) of \(SafetyStore.knownMigrations.count) migrations applied; "
            + "the next run applies: \(schema.pending.joined(separator: ", "))")
      } else {
        add(
          .ok, "schema",
          "schema current: \(schema.applied.count) migrations, last '\(schema.applied.last ?? "")'")
      }
      let differing = try store.verifyCounts()
      add(
        differing == 0 ? .ok : .problem, "counts",
        differing == 0
          ? "count cube consistent with records and aggregated counts"
          : "\(differing) count-cube cells differ from the records and aggregated counts")
      checkArchive(store, folders, options, add)
      let interrupted = try store.runs().filter { $0.status == "running" }
      if !interrupted.isEmpty {
        add(
          .note, "runs",
          "\(interrupted.count) run(s) stopped without finishing (killed); the next run marks "
            + "them interrupted and finishes their work")
      }
    } catch {
      add(.problem, "integrity", "reading the store failed: \(error)")
    }
    return out
  }

  /// Every ledger entry's file is where the ledger says (with its size, or its hash);
  /// no half-written `.incoming` files; archive files the ledger does not know (after
  /// restoring an older backup) are listed for re-delivery.
  static func checkArchive(
    _ store: SafetyStore, _ folders: StateFolders, _ options: Options,
    _ add: (Finding.Level, String, String) -> Void
  ) {
    guard let kept = try? store.keptFiles() else {
      add(.problem, "archive", "cannot read the ledger")
      return
    }
    let fm = FileManager.default
    var missing: [String] = []
    var expired = 0
    var wrong: [String] = []
    var known: Set<String> = []
    let cutoff = options.archiveRetentionDays.map {
      options.now.addingTimeInterval(-Double($0) * 86_400)
    }
    for entry in kept {
      guard let relative = entry.keptAt else { continue }
      let path = folders.absolute(relative)
      known.insert(path)
      guard let attributes = try? fm.attributesOfItem(atPath: path) else {
        if let cutoff, let received = ISO8601.date(entry.receivedAt), received < cutoff {
          expired += 1
        } else {
          missing.append(relative)
        }
        continue
      }
      if options.verifyHashes {
        if (try? StateFolders.sha256(ofFile: path)) != entry.hash { wrong.append(relative) }
      } else if (attributes[.size] as? Int) != entry.bytes {
        wrong.append(relative)
      }
      if entry.status == "quarantined", !fm.fileExists(atPath: path + ".reason.txt") {
        missing.append(relative + ".reason.txt")
      }
    }
    let how = options.verifyHashes ? "SHA-256" : "size"
    if missing.isEmpty && wrong.isEmpty {
      add(
        .ok, "archive",
        "\(kept.count - expired) kept file(s) present (\(how) checked)"
          + (expired > 0 ? "; \(expired) removed after the retention period" : ""))
    }
    if !missing.isEmpty {
      add(.problem, "archive", "\(missing.count) kept file(s) missing: " + Self.listed(missing))
    }
    if !wrong.isEmpty {
      add(.problem, "archive", "\(wrong.count) kept file(s) differ (\(how)): " + Self.listed(wrong))
    }
    var leftovers: [String] = []
    var orphans: [String] = []
    for dir in [folders.archive, folders.quarantine] {
      let walker = fm.enumerator(atPath: dir)
      while let name = walker?.nextObject() as? String {
        let path = dir + "/" + name
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
        else { continue }
        if name.hasSuffix(".incoming") || name.hasSuffix(".partial") {
          leftovers.append(folders.relative(path))
        } else if !name.hasSuffix(".reason.txt"), !known.contains(path) {
          orphans.append(folders.relative(path))
        }
      }
    }
    if !leftovers.isEmpty {
      add(
        .note, "archive",
        "\(leftovers.count) half-written copy(ies) of a stopped run (the next run replaces or "
          + "removes them): " + Self.listed(leftovers))
    }
    if !orphans.isEmpty {
      add(
        .problem, "archive",
        "\(orphans.count) file(s) in the archive or quarantine that the ledger does not know "
          + "(a store restored from an older backup?); re-deliver them (docs/OPERATIONS.md): "
          + Self.listed(orphans.sorted()))
    }
  }

  static func listed(_ paths: [String]) -> String {
    paths.prefix(10).joined(separator: ", ") + (paths.count > 10 ? ", ..." : "")
  }

  /// The findings as text, one per line (`ok:`, `note:`, `problem:`).
  public var text: String {
    findings.map { "\($0.level.rawValue): [\($0.check)] \($0.message)" }.joined(separator: "\n")
  }
}
