import ArgumentParser
import Flagging
import Foundation
import Operations
import PipelineSpec
import Reporting
import Runner
import SafetyCore
import Store

/// `safety-monitor flags PIPELINE [--theme T] [--wijk W] [--kind K] [--status S] [--json|--csv]`
/// and its subcommands `show`, `ack`, `dismiss` (docs/FLAGS.md, "Commands"). Without a
/// subcommand, `list` runs: `flags PIPELINE` is `flags list PIPELINE`.
struct FlagsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "flags",
    abstract: "List, show, acknowledge and dismiss early-warning flags.",
    discussion: """
      Early warning (vroegsignalering) of safety problems in neighbourhoods — not the \
      national early signalling of debts. `run` raises and updates the flags; these commands \
      read them and record analysts' reviews (append-only). Exit codes: 0 ok, 64 usage, \
      65 unknown flag or area, 74 I/O (no store yet), 78 configuration.
      """,
    subcommands: [
      FlagsListCommand.self, FlagsShowCommand.self, FlagsAckCommand.self,
      FlagsDismissCommand.self,
    ],
    defaultSubcommand: FlagsListCommand.self)
}

/// `flags [list] PIPELINE [--theme T] [--wijk W] [--kind K] [--status S] [--json|--csv]`.
struct FlagsListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List flags: open ones by default, most severe first.",
    discussion: """
      Filters combine; --theme, --wijk, --kind and --status may be repeated. --status takes \
      new, ongoing, escalated, deescalated, resolved, open (default: all but resolved), all, \
      acknowledged, dismissed or unreviewed.
      """)

  @Argument(help: "The pipeline file (pipelines/*.yaml).")
  var pipeline: String

  @Option(help: "A theme id or name.")
  var theme: [String] = []

  @Option(help: "A wijk code or name: flags in its buurten and the wijk itself.")
  var wijk: [String] = []

  @Option(help: "spike, rising, elevated, convergent or cluster.")
  var kind: [String] = []

  @Option(help: "Lifecycle status or review (see above).")
  var status: [String] = []

  @Flag(help: "Print the flags as JSON.")
  var json = false

  @Flag(help: "Print the flags as CSV for Dutch Excel (';', UTF-8 with BOM).")
  var csv = false

  @OptionGroup var language: LanguageOption

  static let statusWords =
    FlagStatus.allCases.map(\.rawValue) + ["open", "all", "unreviewed"]
    + FlagReview.allCases.map(\.rawValue)

  func validate() throws {
    if json && csv { throw ValidationError("choose one of --json and --csv") }
    for k in kind where FlagKind(rawValue: k) == nil {
      throw ValidationError(
        "unknown kind '\(k)'; expected one of "
          + FlagKind.allCases.map(\.rawValue).joined(separator: ", "))
    }
    for s in status where !Self.statusWords.contains(s) {
      throw ValidationError(
        "unknown status '\(s)'; expected one of " + Self.statusWords.joined(separator: ", "))
    }
  }

  func run() throws {
    let loaded = try loadPipeline(pipeline)
    let analysis = try flagAnalysis(loaded)
    var filter = FlagFilter()
    for t in theme {
      guard let id = analysis.resolveTheme(t) else { throw usage("unknown theme '\(t)'") }
      filter.themes.insert(id)
    }
    for w in wijk {
      guard let code = analysis.resolveArea(w), code.hasPrefix("WK") else {
        throw usage("unknown wijk '\(w)'")
      }
      filter.wijken.insert(code)
    }
    filter.kinds = Set(kind.compactMap(FlagKind.init(rawValue:)))
    var openOnly = status.isEmpty
    for s in status {
      if let st = FlagStatus(rawValue: s) {
        filter.statuses.insert(st)
      } else if let review = FlagReview(rawValue: s) {
        filter.reviews.insert(review)
      } else if s == "open" {
        openOnly = true
      } else if s == "unreviewed" {
        filter.unreviewed = true
      }
    }
    if openOnly && filter.statuses.isEmpty {
      filter.statuses = Set(FlagStatus.allCases.filter(\.isOpen))
    }
    let store = try openFlagStore(analysis)
    let records: [FlagRecord]
    do { records = try store.flagRecords(filter) } catch {
      printError("error: cannot read the flags: \(error)")
      throw ExitCode(ExitStatus.ioError)
    }
    let context = analysis.displayContext(language.resolved(loaded))
    let items = records.map { r in
      FlagListItem(
        flag: r.flag, status: r.status,
        review: r.review.map { ($0.action, $0.note, $0.author, $0.recordedAt) },
        context: context)
    }
    if json {
      print(FlagListText.json(items))
    } else if csv {
      FileHandle.standardOutput.write(Data(FlagListText.csv(items, context: context).bytes))
    } else {
      print(FlagListText.table(items, context: context))
    }
  }
}

/// Usage errors print like ArgumentParser's and exit 64.
func usage(_ message: String) -> ExitCode {
  printError("error: \(message)")
  return ExitCode(ExitStatus.usage)
}

/// The pipeline's flag analysis; configuration problems exit 78.
func flagAnalysis(_ loaded: LoadedPipeline) throws -> FlagAnalysis {
  do { return try FlagAnalysis(pipeline: loaded) } catch {
    printError("error: \(error)")
    throw ExitCode(error.exitStatus)
  }
}

/// The pipeline's existing store; a missing one exits 74.
func openFlagStore(_ analysis: FlagAnalysis) throws -> SafetyStore {
  do { return try analysis.openStore() } catch {
    printError("error: \(error)")
    throw ExitCode(error.exitStatus)
  }
}
