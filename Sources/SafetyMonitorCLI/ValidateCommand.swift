import ArgumentParser
import Operations
import Runner

struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check a pipeline file, the files it names, its area registry and the data.",
    discussion: """
      Reports every problem as file:line:column: severity: message [code]. Also lists \
      categories seen in the inbox or the store that feed no indicator. Exit codes: 0 valid \
      (warnings allowed), 78 errors found, 74 the pipeline file cannot be read.
      """)

  @Argument(help: "The pipeline file (pipelines/*.yaml).")
  var pipeline: String

  @OptionGroup var date: RunDateOption

  func run() throws {
    let loaded = try loadPipeline(pipeline)
    let problems = PipelineCheck.run(loaded, runDate: try date.resolved())
    for p in problems { printError(p.description) }
    let errors = problems.filter { $0.severity == .error }.count
    let warnings = problems.count - errors
    let dutch = loaded.spec.language?.rawValue != "en"
    if errors > 0 {
      printError(
        dutch
          ? "\(errors) fout(en), \(warnings) waarschuwing(en)"
          : "\(errors) error(s), \(warnings) warning(s)")
      throw ExitCode(ExitStatus.configuration)
    }
    print(
      dutch
        ? "\(pipeline): geldig (\(warnings) waarschuwing(en))"
        : "\(pipeline): valid (\(warnings) warning(s))")
  }
}
