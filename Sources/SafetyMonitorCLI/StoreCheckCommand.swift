import ArgumentParser
import Foundation
import Operations
import Runner

struct StoreCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check the store: integrity, schema version, counts, archive.",
    discussion: """
      Runs PRAGMA integrity_check, compares the schema with this version's migrations, \
      recomputes the count cube from the records and aggregated counts, checks the store \
      and key file modes, and that every file the ledger keeps is in the archive or \
      quarantine (by size, or SHA-256 with --verify-hashes). Exit codes: 0 healthy (notes \
      allowed), 65 problems found, 74 the store cannot be read, 75 a run holds the lock, \
      78 configuration.
      """)

  @Argument(help: "The pipeline file (pipelines/*.yaml).")
  var pipeline: String

  @Flag(help: "Re-hash every archived file (reads the whole archive).")
  var verifyHashes = false

  @Option(
    help: "Archived files received more than this many days ago may be gone (retention).")
  var archiveRetentionDays: Int?

  @Option(help: "Seconds to wait for a running run (default 0).")
  var wait: Double = 0

  @Flag(help: "Print the findings as one JSON object.")
  var json = false

  func run() throws {
    let loaded = try loadPipeline(pipeline)
    var options = StoreCheck.Options()
    options.verifyHashes = verifyHashes
    options.archiveRetentionDays = archiveRetentionDays
    options.lockWait = wait
    let check: StoreCheck
    do { check = try StoreCheck.run(loaded, options: options) } catch let error as RunnerError {
      printError("error: \(error)")
      throw ExitCode(error.exitStatus)
    }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      let data = try encoder.encode(["findings": check.findings])
      print(String(decoding: data, as: UTF8.self))
    } else {
      print(check.text)
      print(check.problems == 0 ? "store healthy" : "\(check.problems) problem(s)")
    }
    if check.problems > 0 { throw ExitCode(ExitStatus.data) }
  }
}
