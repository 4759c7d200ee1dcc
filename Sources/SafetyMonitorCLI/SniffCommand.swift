import ArgumentParser
import CSVIngest
import SafetyCore

/// `safety-monitor sniff FILE`: guesses dialect, encoding, header, date formats and the key,
/// date, area and category columns, and prints a ready-to-paste `sources:` block.
struct SniffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sniff",
    abstract: "Guess how a CSV export is written and print a pipeline 'sources:' block.",
    discussion: """
      Looks at the first MiB of the file. Paste the block under 'sources:' in a pipeline
      file and check it: the partner name, the roles of the columns, the personal columns.
      Exit status: 0 on success, 65 when the file is not usable.
      """)

  @Argument(help: "The CSV file.")
  var file: String

  @Option(help: "Language of the comments: nl (default) or en.")
  var language: String = "nl"

  func validate() throws {
    if SourceBlock.Language(rawValue: language) == nil {
      throw ValidationError("--language must be nl or en")
    }
  }

  func run() throws {
    do {
      let result = try CSVSniffer.sniff(path: file)
      print(
        SourceBlock.render(
          result, fileName: file, language: SourceBlock.Language(rawValue: language) ?? .nl),
        terminator: "")
    } catch let diagnostic as Diagnostic {
      printError(diagnostic.description)
      throw ExitCode(65)
    }
  }
}
