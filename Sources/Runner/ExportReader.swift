import CSVIngest
import Foundation
import Normalise
import PipelineSpec
import SafetyCore

/// Reads one export file and normalises it: the parse → normalise stage for one file.
public enum ExportReader {
  /// What reading one file gave.
  public enum Outcome: Sendable {
    /// The rows were read (some may be rejected: see `export.stats`).
    case read(NormalisedExport)
    /// The file cannot be used at all (unreadable, binary, wrong header, ...). `stats` holds
    /// what was counted before the problem.
    case fatal(Diagnostic, RowStats)
  }

  /// The CSV options of a source under a pipeline's limits.
  public static func options(for source: Source, in pipeline: LoadedPipeline) -> CSVReadOptions {
    let d = source.dialect
    let encoding: TextEncoding =
      switch d?.encoding?.lowercased() {
      case "utf-8", "utf8": .utf8
      case "windows-1252", "cp1252": .windows1252
      case "iso-8859-1", "latin1": .iso88591
      default: .auto
      }
    let dialect = CSVDialect(
      delimiter: DialectSpec.byte(d?.delimiter, default: UInt8(ascii: ";")) ?? UInt8(ascii: ";"),
      quote: DialectSpec.byte(d?.quote, default: UInt8(ascii: "\"")) ?? UInt8(ascii: "\""),
      encoding: encoding, hasHeader: (d?.header ?? true) && (d?.skipLines ?? 0) == 0)
    var limits = CSVLimits()
    limits.maxFieldBytes = pipeline.maxFieldBytes
    limits.maxFields = pipeline.maxFields
    limits.maxDiagnostics = pipeline.maxDiagnosticsPerFile
    return CSVReadOptions(dialect: dialect, limits: limits)
  }

  /// Reads `path` as an export of `plan`'s source. `displayName` names the file in
  /// diagnostics. Rows whose field count differs from the header's are rejected (their
  /// values may be shifted); rows with no values are skipped. With a `sink`, outcomes stream
  /// into it instead of being kept in the export (for measuring).
  public static func read(
    path: String, displayName: String, plan: SourcePlan, pipeline: LoadedPipeline,
    registry: AreaRegistry, runDate: CivilDate, hasher: KeyHasher?,
    sink: ((RowOutcome) -> Void)? = nil
  ) -> Outcome {
    read(
      path: path, displayName: displayName, plan: plan, pipeline: pipeline, registry: registry,
      runDate: runDate, hasher: hasher, progress: nil, sink: sink)
  }

  static func read(
    path: String, displayName: String, plan: SourcePlan, pipeline: LoadedPipeline,
    registry: AreaRegistry, runDate: CivilDate, hasher: KeyHasher?, progress: RunProgress?,
    sink: ((RowOutcome) -> Void)? = nil
  ) -> Outcome {
    var counter = FileProgress(progress)
    defer { if progress != nil { counter.complete(actualBytes: fileSize(path)) } }
    let options = options(for: plan.source, in: pipeline)
    let reader: CSVReader
    do {
      reader = try CSVReader(path: path, options: options)
    } catch let d as Diagnostic {
      return .fatal(d, RowStats())
    } catch {
      return .fatal(.error(.ioError, "cannot open \(displayName): \(error)"), RowStats())
    }
    var export = NormalisedExport(source: plan.id, periodKind: plan.periodKind)
    let box = NormaliserBox()
    var headerWidth = 0
    var readerNotes: [Diagnostic] = []
    // Lines before the table (`skipLines`): the reader takes no header, and the first
    // record after them is the header here.
    let skipLines = plan.source.dialect?.skipLines ?? 0
    let headerAfterSkip = skipLines > 0 && (plan.source.dialect?.header ?? true)
    do {
      if !options.dialect.hasHeader && !headerAfterSkip {
        let columns = try plan.bind(header: nil, file: displayName)
        box.normaliser = Normaliser(
          plan: plan, registry: registry, columns: columns, file: displayName,
          runDate: runDate, hasher: hasher, maxDiagnostics: pipeline.maxDiagnosticsPerFile)
      }
      try reader.forEachRecord(onDiagnostic: { readerNotes.append(renamed($0, displayName)) }) {
        record in
        if skipLines > 0 && record.line <= skipLines { return }
        if record.isHeader || (headerAfterSkip && box.normaliser == nil) {
          headerWidth = record.count
          let columns = try plan.bind(
            header: record.strings(), file: displayName, line: record.line)
          box.normaliser = Normaliser(
            plan: plan, registry: registry, columns: columns, file: displayName,
            runDate: runDate, hasher: hasher, maxDiagnostics: pipeline.maxDiagnosticsPerFile)
          return
        }
        counter.row(bytes: record.byteCount + record.count)
        if record.byteCount == 0 { return }
        if headerWidth == 0 { headerWidth = record.count }
        // Optional chaining mutates the boxed normaliser in place.
        let outcome =
          record.count != headerWidth
          ? box.normaliser?.rejectWidth(record, expected: headerWidth)
          : box.normaliser?.normalise(record)
        guard let outcome else { return }
        if let sink { sink(outcome) } else { export.append(outcome) }
      }
    } catch let d as Diagnostic {
      return .fatal(renamed(d, displayName), box.normaliser?.stats ?? RowStats())
    } catch {
      return .fatal(
        .error(.ioError, "cannot read \(displayName): \(error)"),
        box.normaliser?.stats ?? RowStats())
    }
    guard var n = box.normaliser else {
      return .fatal(
        .error(
          .emptyFile, "the file holds no header",
          at: SourcePosition(file: displayName, line: 1, column: 1)),
        RowStats())
    }
    for note in readerNotes
    where note.code != .missingCell && note.code != .extraCell
      && (note.position?.line ?? Int.max) > skipLines
    {
      n.note(note)
    }
    export.finish(with: n)
    // Reader notes and row diagnostics in file order.
    export.diagnostics.sort {
      ($0.position?.line ?? 0, $0.position?.column ?? 0)
        < ($1.position?.line ?? 0, $1.position?.column ?? 0)
    }
    return .read(export)
  }

  static func fileSize(_ path: String) -> Int {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
  }

  static func renamed(_ d: Diagnostic, _ name: String) -> Diagnostic {
    var out = d
    out.position?.file = name
    return out
  }
}

/// Holds the file's normaliser so that each row mutates it in place (no copy per row).
final class NormaliserBox {
  var normaliser: Normaliser?
}

extension Normaliser {
  /// Rejects a row whose field count differs from the header's.
  mutating func rejectWidth(_ record: CSVRecord, expected: Int) -> RowOutcome {
    let code: DiagnosticCode = record.count < expected ? .missingCell : .extraCell
    return rejectRow(
      record, field: min(record.count, expected), code,
      "row has \(record.count) field\(record.count == 1 ? "" : "s"); the header has \(expected)")
  }
}
