import ArgumentParser
import Foundation
import Normalise
import Operations
import PipelineSpec
import ReportBuilder
import Reporting
import SafetyCore
import Store

struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write the safety-monitor report (or the annual evaluation) for a period.",
    discussion: """
      Writes into --out, named after the period: report-2024Q3.html (one self-contained \
      file), report-2024Q3.md, report-2024Q3.json, report-2024Q3.geojson, and \
      report-2024Q3-<table>.csv (themes, indicators, areas, area-indicators, flags, sources, \
      exports). With --compare the name says so (report-2024-vs-2023.html), with --lang en it \
      ends in -en. A year is the annual evaluation. Prints the files written. Exit codes: \
      0 ok, 64 usage, 74 I/O (no store yet, output not writable), 78 configuration.
      """)

  @Argument(help: "The pipeline file (pipelines/*.yaml).")
  var pipeline: String

  @Option(
    help: "The period: a year (2024), quarter (2024Q3), month (2024-09) or ISO week (2024-W36).")
  var period: String

  @Option(
    help: """
      Also compare with this period (same kind; a year means the same period in that \
      year). The previous period and the same period last year are always compared.
      """)
  var compare: String?

  @Option(
    help: "Output format: html, md, csv, json or geojson (repeat, or separate with commas).")
  var format: [String]

  @Option(help: "Language: nl (default, or the pipeline's) or en.")
  var lang: String?

  @Option(help: "The folder to write into (created when missing).")
  var out: String

  @OptionGroup var date: RunDateOption

  func formats() throws -> [ReportFormat] {
    var out: [ReportFormat] = []
    for item in format.flatMap({ $0.split(separator: ",") }) {
      let name = item.trimmingCharacters(in: .whitespaces).lowercased()
      guard let f = ReportFormat(rawValue: name == "markdown" ? "md" : name) else {
        throw ValidationError(
          "--format must be one of html, md, csv, json, geojson; found '\(item)'")
      }
      if !out.contains(f) { out.append(f) }
    }
    return out
  }

  func language(_ pipeline: LoadedPipeline) throws -> DisplayLanguage {
    guard let lang else { return pipeline.spec.language == .en ? .en : .nl }
    guard let l = DisplayLanguage(rawValue: lang.lowercased()) else {
      throw ValidationError("--lang must be nl or en; found '\(lang)'")
    }
    return l
  }

  func validate() throws {
    if case .failure(let e) = ReportRequest.periods(period: period, compare: compare) {
      throw ValidationError(e.message)
    }
    _ = try formats()
    if let lang, DisplayLanguage(rawValue: lang.lowercased()) == nil {
      throw ValidationError("--lang must be nl or en; found '\(lang)'")
    }
  }

  func run() throws {
    let loaded = try loadPipeline(pipeline)
    let runDate = try date.resolved()
    guard
      case .success(let (reportPeriod, comparePeriod)) = ReportRequest.periods(
        period: period, compare: compare)
    else { throw ExitCode(ExitStatus.usage) }
    guard reportPeriod.firstDay <= runDate else {
      printError(
        "error: the period \(reportPeriod) starts after the run date \(runDate); nothing to report")
      throw ExitCode(ExitStatus.usage)
    }
    let problems = loaded.validate().filter { $0.severity == .error }
    if !problems.isEmpty {
      for p in problems { printError(p.description) }
      throw ExitCode(ExitStatus.configuration)
    }
    let registry: AreaRegistry
    do {
      registry = try AreaRegistry.load(loaded)
    } catch {
      printError("error: cannot read the area registry: \(error)")
      throw ExitCode(ExitStatus.ioError)
    }
    let registryErrors = registry.diagnostics.filter { $0.severity == .error }
    if !registryErrors.isEmpty {
      for d in registryErrors { printError(d.description) }
      throw ExitCode(ExitStatus.configuration)
    }
    guard FileManager.default.fileExists(atPath: loaded.storePath) else {
      printError(
        "\(loaded.storePath): error: no store yet; run `safety-monitor run \(pipeline)` first [io-error]"
      )
      throw ExitCode(ExitStatus.ioError)
    }
    let store: SafetyStore
    do {
      store = try SafetyStore(path: loaded.storePath)
    } catch {
      printError("\(loaded.storePath): error: \(error) [io-error]")
      throw ExitCode(ExitStatus.ioError)
    }
    var boundaries = Boundaries()
    do {
      boundaries = try Boundaries.load(loaded)
    } catch {
      printError(error.description.replacingOccurrences(of: ": error:", with: ": warning:"))
    }
    let request = ReportRequest(
      period: reportPeriod, compare: comparePeriod, language: try language(loaded),
      runDate: runDate)
    let report = try ReportBuilder(pipeline: loaded, registry: registry, boundaries: boundaries)
      .build(request, from: store)
    try write(report, formats: try formats())
  }

  func write(_ report: SafetyReport, formats: [ReportFormat]) throws {
    let folder = URL(fileURLWithPath: out)
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      for format in formats {
        for file in try format.files(report) {
          let url = folder.appendingPathComponent(file.name)
          try Data(file.bytes).write(to: url, options: .atomic)
          print(url.path)
        }
      }
    } catch {
      printError("\(out): error: cannot write the report: \(error.localizedDescription) [io-error]")
      throw ExitCode(ExitStatus.ioError)
    }
  }
}
