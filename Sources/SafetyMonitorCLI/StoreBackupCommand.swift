import ArgumentParser
import Operations
import Runner

struct StoreBackupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup",
    abstract: "Copy the store (SQLite online backup) and its key file.",
    discussion: """
      Writes FILE (the store, one self-contained SQLite file) and FILE.key (the HMAC key \
      that links records to partners' keys), both mode 0600, each replaced only by a \
      complete and checked copy. Waits for a running run (--wait). Keep both files \
      together: a store without its key cannot match re-delivered records. Exit codes: \
      0 written, 74 I/O, 75 a run holds the lock, 78 configuration.
      """)

  @Argument(help: "The pipeline file (pipelines/*.yaml).")
  var pipeline: String

  @Option(name: .customLong("out"), help: "The backup file to write.")
  var out: String

  @Option(help: "Seconds to wait for a running run (default 0).")
  var wait: Double = 0

  func run() throws {
    let loaded = try loadPipeline(pipeline)
    do {
      let result = try StoreBackup.run(loaded, to: out, wait: wait)
      print("backup: \(result.path) (\(result.bytes) bytes, \(result.migrations.count) migrations)")
      print("key:    \(result.keyPath)")
    } catch let error as RunnerError {
      printError("error: \(error)")
      throw ExitCode(error.exitStatus)
    }
  }
}
