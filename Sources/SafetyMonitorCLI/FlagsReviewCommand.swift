import ArgumentParser
import Flagging
import Foundation
import Operations
import Reporting
import Runner
import SafetyCore
import Store

/// The options `flags ack` and `flags dismiss` share.
struct FlagReviewOptions: ParsableArguments {
  @Argument(help: "The pipeline file (pipelines/*.yaml).")
  var pipeline: String

  @Argument(help: "The flag id (from `flags PIPELINE`).")
  var id: String

  @Option(help: "Why: what was checked or done (required).")
  var note: String

  @Option(help: "Who (default: the login name).")
  var by: String?

  @OptionGroup var language: LanguageOption

  func validate() throws {
    if note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      throw ValidationError("--note must not be empty")
    }
    if let by, by.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      throw ValidationError("--by must not be empty")
    }
  }

  /// Records the review with the clock and author, and prints what was recorded.
  func record(_ action: FlagReview) throws {
    let loaded = try loadPipeline(pipeline)
    let analysis = try flagAnalysis(loaded)
    let store = try openFlagStore(analysis)
    let lang = language.resolved(loaded)
    let author = by ?? loginName()
    do {
      guard let record = try store.flagRecord(id: id) else {
        printError("error: \(lang[.unknownFlag]) '\(id)'")
        throw ExitCode(ExitStatus.data)
      }
      let entry = try store.review(
        flagID: record.flag.id, action: action, note: note, author: author, at: nowISO8601())
      let context = analysis.displayContext(lang)
      print(
        "\(lang[.flag]) \(entry.flagID) (\(context.area(record.flag.area)), "
          + "\(context.theme(record.flag.theme))): \(FlagText.review(action, lang)) "
          + "\(lang[.by]) \(entry.author), \(entry.recordedAt)")
    } catch let exit as ExitCode {
      throw exit
    } catch {
      printError("error: cannot record the review: \(error)")
      throw ExitCode(ExitStatus.ioError)
    }
  }
}

/// The login name: `$LOGNAME`, `$USER`, else the system's user name.
func loginName() -> String {
  let env = ProcessInfo.processInfo.environment
  for key in ["LOGNAME", "USER"] {
    if let name = env[key], !name.isEmpty { return name }
  }
  let name = NSUserName()
  return name.isEmpty ? "unknown" : name
}

/// `safety-monitor flags ack PIPELINE ID --note TEXT [--by NAME]`.
struct FlagsAckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ack",
    abstract: "Acknowledge a flag with a note (stored with time and author, append-only).")

  @OptionGroup var options: FlagReviewOptions

  func run() throws { try options.record(.acknowledged) }
}

/// `safety-monitor flags dismiss PIPELINE ID --note TEXT [--by NAME]`.
struct FlagsDismissCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dismiss",
    abstract: "Dismiss a flag with a note (stored with time and author, append-only).")

  @OptionGroup var options: FlagReviewOptions

  func run() throws { try options.record(.dismissed) }
}
