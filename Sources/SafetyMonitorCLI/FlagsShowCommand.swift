import ArgumentParser
import Flagging
import Operations
import Reporting
import Runner
import Store

/// `safety-monitor flags show PIPELINE AREA`: an area's flags with explanation and history,
/// and a sparkline per indicator. AREA is a CBS code, a name, or a flag id (its area).
struct FlagsShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show an area's flags: explanation, history, reviews and series.")

  @Argument(help: "The pipeline file (pipelines/*.yaml).")
  var pipeline: String

  @Argument(help: "A buurt or wijk (CBS code or name), or a flag id.")
  var area: String

  @OptionGroup var language: LanguageOption

  func run() throws {
    let loaded = try loadPipeline(pipeline)
    let analysis = try flagAnalysis(loaded)
    let store = try openFlagStore(analysis)
    let context = analysis.displayContext(language.resolved(loaded))
    do {
      var code = analysis.resolveArea(area)
      var highlight: String?
      if code == nil, let record = try store.flagRecord(id: area) {
        code = record.flag.area
        highlight = record.flag.id
      }
      guard let code else {
        printError("error: \(context.language[.areaNotFound]) '\(area)'")
        throw ExitCode(ExitStatus.data)
      }
      var filter = FlagFilter()
      filter.areas = [code]
      let records = try store.flagRecords(filter)
      var results: [DetectionResultRow] = []
      for indicator in try store.detectionIndicators(area: code).sorted(by: {
        (loaded.spec.indicators.keys.firstIndex(of: $0) ?? 0)
          < (loaded.spec.indicators.keys.firstIndex(of: $1) ?? 0)
      }) {
        results += try store.detectionResults(indicator: indicator, area: code)
      }
      print(
        FlagDetailText.area(
          code, records: records, results: results, context: context, highlight: highlight))
    } catch let exit as ExitCode {
      throw exit
    } catch {
      printError("error: cannot read the flags: \(error)")
      throw ExitCode(ExitStatus.ioError)
    }
  }
}
