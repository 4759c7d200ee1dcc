import ArgumentParser
import Foundation
import Logging
import Operations
import PipelineSpec
import Runner
import SafetyCore

extension ExitCode {
  /// An exit code from the documented list (README, `Operations.ExitStatus`).
  init(_ status: ExitStatus) { self.init(status.rawValue) }
}

/// Today in Europe/Amsterdam: the default run date. The only place that reads the clock.
func todayInAmsterdam() -> CivilDate {
  AmsterdamTime.localDate(utcMinutes: Int(Date().timeIntervalSince1970 / 60))
}

func nowISO8601() -> String {
  let formatter = ISO8601DateFormatter()
  formatter.formatOptions = [.withInternetDateTime]
  return formatter.string(from: Date())
}

/// Reads a pipeline file; a decoding problem is printed and ends the command with 78.
func loadPipeline(_ path: String) throws -> LoadedPipeline {
  do {
    return try LoadedPipeline.load(path: path)
  } catch {
    printError(error.description)
    throw ExitCode(error.code == .ioError ? ExitStatus.ioError : ExitStatus.configuration)
  }
}

struct RunDateOption: ParsableArguments {
  @Option(
    name: .customLong("run-date"),
    help: "The day the run is for (yyyy-MM-dd); later dates in data are errors. Default: today.")
  var runDate: String?

  func resolved() throws -> CivilDate {
    guard let text = runDate else { return todayInAmsterdam() }
    guard let date = CivilDate(iso: text) else {
      throw ValidationError("--run-date must be a date as yyyy-MM-dd, found '\(text)'")
    }
    return date
  }

  func validate() throws { _ = try resolved() }
}

extension LogFormat: ExpressibleByArgument {}
extension Logger.Level: @retroactive ExpressibleByArgument {}

/// `--log-format` and `--log-level`: logs go to standard error through swift-log.
struct LoggingOptions: ParsableArguments {
  @Option(
    name: .customLong("log-format"),
    help: "auto (human on a terminal, JSON lines otherwise), human or json.")
  var logFormat: LogFormat = .auto

  @Option(
    name: .customLong("log-level"),
    help: "trace, debug, info, notice, warning, error or critical (default info).")
  var logLevel: Logger.Level = .info

  func logger(_ label: String) -> Logger {
    SafetyLogHandler.logger(label: label, format: logFormat, level: logLevel)
  }
}

/// Writes `text` to `path` atomically (temporary file in the same folder, then rename).
func writeFileAtomically(_ text: String, to path: String) throws {
  try StateFolders.writeAtomically(Data(text.utf8), to: path, mode: 0o644)
}
