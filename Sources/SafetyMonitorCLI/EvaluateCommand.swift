import ArgumentParser
import Flagging
import Foundation
import Operations
import Reporting
import Runner

/// `safety-monitor evaluate PIPELINE --truth FILE [--json]` — scores the flags the store's
/// data give against a generator's truth file (docs/QUALITY.md).
struct EvaluateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evaluate",
    abstract: "Score the flags against a truth file of planted episodes.",
    discussion: """
      Replays the flags on the store's data and reports, per episode kind and overall, the \
      share of planted episodes flagged, false flags per area-week and the delay from an \
      episode's start to its first flag; for convergent episodes also the best single-source \
      detector. truth-levels.csv beside the truth file, when present, scores elevated flags. \
      Exit codes: 0 done (targets met or not), 64 usage, 74 I/O, 78 configuration.
      """)

  @Argument(help: "The pipeline file (pipelines/*.yaml).")
  var pipeline: String

  @Option(help: "The truth file (truth.csv of make-fixtures).")
  var truth: String

  @Flag(help: "Print the evaluation as one JSON object.")
  var json = false

  @OptionGroup var date: RunDateOption

  @OptionGroup var language: LanguageOption

  func run() throws {
    let loaded = try loadPipeline(pipeline)
    let runDate = try date.resolved()
    let evaluation: Evaluation
    do throws(RunnerError) {
      evaluation = try FlagAnalysis(pipeline: loaded).evaluate(truthPath: truth, runDate: runDate)
    } catch {
      printError("error: \(error)")
      throw ExitCode(error.exitStatus)
    }
    if json {
      print(EvaluationText.json(evaluation))
    } else {
      print(EvaluationText.text(evaluation, language: language.resolved(loaded)))
    }
  }
}
