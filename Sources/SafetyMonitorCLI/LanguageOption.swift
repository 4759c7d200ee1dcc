import ArgumentParser
import Operations
import PipelineSpec
import Reporting
import Runner

/// `--lang nl|en`: the language of what the command prints (default: the pipeline's
/// `language`, else Dutch).
struct LanguageOption: ParsableArguments {
  @Option(name: .customLong("lang"), help: "nl or en (default: the pipeline's language, else nl).")
  var lang: String?

  func validate() throws {
    if let lang, DisplayLanguage(rawValue: lang) == nil {
      throw ValidationError("--lang must be nl or en, found '\(lang)'")
    }
  }

  func resolved(_ pipeline: LoadedPipeline) -> DisplayLanguage {
    if let lang, let l = DisplayLanguage(rawValue: lang) { return l }
    return pipeline.spec.language == .en ? .en : .nl
  }
}

extension RunnerError {
  /// The documented exit status for this error.
  var exitStatus: ExitStatus {
    switch self {
    case .configuration: .configuration
    case .io: .ioError
    case .busy: .lockBusy
    }
  }
}
