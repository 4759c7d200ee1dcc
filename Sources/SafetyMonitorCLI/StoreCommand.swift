import ArgumentParser

struct StoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "store",
    abstract: "Look after a pipeline's store: check it, back it up.",
    discussion: """
      Both subcommands only read the store and wait for a running run (--wait). Restoring \
      a backup: docs/OPERATIONS.md.
      """,
    subcommands: [StoreCheckCommand.self, StoreBackupCommand.self])
}
