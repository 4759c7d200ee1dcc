import ArgumentParser
import Foundation
import Logging
import Operations
import PipelineSpec
import Runner
import SafetyCore

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Ingest new partner exports from the inbox into the store.",
    discussion: """
      Applies every new export in the inbox, archives it, and quarantines files with a \
      fatal problem or too many bad rows. Idempotent: a second run changes nothing. One \
      run at a time per pipeline: another run waits up to --wait seconds, then exits 75. \
      Logs go to standard error (human on a terminal, JSON lines otherwise); the summary \
      to standard output. Exit codes: 0 ok, 64 usage, 65 an export was quarantined by this \
      run, 74 I/O, 75 another run holds the lock, 78 configuration (docs/OPERATIONS.md).
      """)

  @Argument(help: "The pipeline file (pipelines/*.yaml).")
  var pipeline: String

  @Flag(help: "Print the summary as one JSON object.")
  var json = false

  @Flag(name: .shortAndLong, help: "Print no summary on standard output (logs still go to stderr).")
  var quiet = false

  @Flag(help: "Show what a run would do; write nothing (store, archive, quarantine untouched).")
  var dryRun = false

  @Option(help: "Seconds to wait when another run of the pipeline is busy (default 0: exit 75).")
  var wait: Double = 0

  @Option(help: "Also write the run summary (JSON) to this file, atomically.")
  var summaryFile: String?

  @Option(help: "Write Prometheus metrics to this file (node_exporter textfile collector).")
  var metricsFile: String?

  @Flag(help: "No progress line, even on a terminal.")
  var noProgress = false

  @OptionGroup var date: RunDateOption
  @OptionGroup var logging: LoggingOptions

  func validate() throws {
    if wait < 0 { throw ValidationError("--wait must be 0 or more seconds") }
    if dryRun && metricsFile != nil {
      throw ValidationError("--metrics-file cannot be used with --dry-run (a dry run runs nothing)")
    }
  }

  func run() throws {
    let logger = logging.logger("safety-monitor.run")
    let runDate = try date.resolved()
    let loaded: LoadedPipeline
    do {
      loaded = try LoadedPipeline.load(path: pipeline)
    } catch {
      logger.error("\(error.description)")
      let status = error.code == .ioError ? ExitStatus.ioError : ExitStatus.configuration
      _ = finish(nil, nil, status, runDate: runDate, error: error.description)
      throw ExitCode(status)
    }
    let progress: (any LogSink)? =
      !noProgress && StandardErrorSink().isTerminal ? StandardErrorSink() : nil
    let options = RunOptions(
      runDate: runDate, now: nowISO8601(), lockWait: wait, dryRun: dryRun, logger: logger,
      progressSink: progress)
    let summary: RunSummary
    do {
      summary = try Runner(pipeline: loaded).run(options)
    } catch let error as RunnerError {
      logger.error("\(error.description)")
      // A run that could not take the lock leaves both files to the run that holds it.
      if case .busy = error { throw ExitCode(ExitStatus.lockBusy) }
      _ = finish(loaded, nil, error.exitStatus, runDate: runDate, error: error.description)
      throw ExitCode(error.exitStatus)
    }
    var status = ExitStatus(rawValue: summary.exitStatus) ?? .ok
    if !finish(loaded, summary, status, runDate: runDate, error: nil), status == .ok {
      status = .ioError
    }
    if !quiet {
      print(json ? summary.json() : summary.text(language: loaded.spec.language?.rawValue ?? "nl"))
    }
    if status != .ok { throw ExitCode(status) }
  }

  /// Writes `--summary-file` and `--metrics-file` (when asked), for every outcome but a
  /// busy lock. A failure to write them is logged; returns false then (the run exits 74).
  func finish(
    _ loaded: LoadedPipeline?, _ summary: RunSummary?, _ status: ExitStatus, runDate: CivilDate,
    error: String?
  ) -> Bool {
    var ok = true
    let logger = logging.logger("safety-monitor.run")
    let name =
      loaded?.spec.name
      ?? URL(fileURLWithPath: pipeline).deletingPathExtension()
      .lastPathComponent
    if let path = summaryFile {
      var written = summary ?? RunSummary(pipeline: name, runDate: runDate.description)
      if summary == nil {
        written.status = "failed"
        written.error = error
        written.exitStatus = status.rawValue
        written.finishedAt = nowISO8601()
      }
      do { try writeFileAtomically(written.json(pretty: true) + "\n", to: path) } catch {
        logger.error("cannot write the summary file \(path): \(error)")
        ok = false
      }
    }
    if let path = metricsFile {
      let metrics = RunMetrics.textfile(
        pipeline: loaded, pipelineName: name, summary: summary, exitStatus: status.rawValue,
        finished: Date())
      do { try metrics.write(to: path) } catch {
        logger.error("cannot write the metrics file \(path): \(error)")
        ok = false
      }
    }
    return ok
  }
}
