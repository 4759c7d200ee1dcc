import ArgumentParser
import Foundation
import Operations
import Runner

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Ingest new partner exports from the inbox into the store.",
    discussion: """
      Applies every new export in the inbox, archives it, and quarantines files with a \
      fatal problem or too many bad rows. Idempotent: a second run changes nothing. \
      Exit codes: 0 ok, 64 usage, 65 a file was quarantined, 74 I/O, 75 another run is \
      busy, 78 configuration.
      """)

  @Argument(help: "The pipeline file (pipelines/*.yaml).")
  var pipeline: String

  @Flag(help: "Print the summary as one JSON object.")
  var json = false

  @Option(help: "Seconds to wait when another run of the pipeline is busy (default 0).")
  var wait: Double = 0

  @OptionGroup var date: RunDateOption

  func run() throws {
    let loaded = try loadPipeline(pipeline)
    let runner = Runner(pipeline: loaded)
    let options = RunOptions(runDate: try date.resolved(), now: nowISO8601(), lockWait: wait)
    let summary: RunSummary
    do {
      summary = try runner.run(options) { printError($0.description) }
    } catch let error as RunnerError {
      printError("error: \(error)")
      switch error {
      case .configuration: throw ExitCode(ExitStatus.configuration)
      case .io: throw ExitCode(ExitStatus.ioError)
      case .busy: throw ExitCode(ExitStatus.lockBusy)
      }
    }
    print(json ? summary.json() : summary.text(language: loaded.spec.language?.rawValue ?? "nl"))
    if summary.files.quarantined > 0 { throw ExitCode(ExitStatus.data) }
  }
}
