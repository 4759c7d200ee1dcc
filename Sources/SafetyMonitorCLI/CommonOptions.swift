import ArgumentParser
import Foundation
import Operations
import PipelineSpec
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
