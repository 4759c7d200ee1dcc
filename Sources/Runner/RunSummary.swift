import Foundation
import Normalise
import Operations
import SafetyCore
import Store

/// What one run did: the machine-readable summary (`run --json`, stored with the run) and
/// its short text form.
public struct RunSummary: Sendable, Codable, Equatable {
  public struct Files: Sendable, Codable, Equatable {
    /// Applied to the store and archived.
    public var applied = 0
    /// Already in the ledger (delivered again, under any name): nothing changed.
    public var skipped = 0
    /// Quarantined with a reason: nothing of them counts.
    public var quarantined = 0
    /// Matching no source's file pattern: left in the inbox.
    public var ignored = 0
  }

  public struct Rows: Sendable, Codable, Equatable {
    public var ok = 0
    public var rejected = 0
    public var unknownArea = 0
    public var unmappedCategory = 0
  }

  public struct Records: Sendable, Codable, Equatable {
    public var new = 0
    public var replaced = 0
    public var unchanged = 0
  }

  /// One inbox file and what became of it.
  public struct FileReport: Sendable, Codable, Equatable {
    public enum Outcome: String, Sendable, Codable {
      case applied, duplicate, recovered, quarantined, ignored
    }
    public var name: String
    public var source: String?
    public var outcome: Outcome
    public var rows: Rows?
    public var records: Records?
    public var reason: String?
    /// Where the file is now, relative to the state folder.
    public var keptAt: String?
  }

  /// The store after the run, over all runs (for monitoring).
  public struct Totals: Sendable, Codable, Equatable {
    public var exportsApplied = 0
    public var exportsQuarantined = 0
    public var rowsOk = 0
    public var rowsRejected = 0
    public var records = 0
    public var aggregatedCells = 0
  }

  public var pipeline: String
  public var runDate: String
  public var runID: Int64?
  /// `run --dry-run`: what a run would do; nothing was written.
  public var dryRun = false
  /// `ok` (the run went through the inbox), `failed` (it stopped: see `error`).
  public var status = "ok"
  public var error: String?
  /// The exit status of the run (README: 0 ok, 65 a file was quarantined, 74, 75, 78).
  public var exitStatus: Int32 = 0
  public var startedAt: String?
  public var finishedAt: String?
  public var durationSeconds: Double?
  public var files = Files()
  public var rows = Rows()
  public var records = Records()
  /// Whether the run changed the store's data (ledger, records, counts).
  public var changed = false
  public var exports: [FileReport] = []
  /// Entries of the inbox that are not regular files (links, pipes, ...): left alone.
  public var skippedEntries: [String] = []
  public var totals: Totals?
  /// The flag stage: what changed and what is open (nil when the store holds no data).
  public var flags: FlagRunSummary?

  public init(pipeline: String, runDate: String) {
    self.pipeline = pipeline
    self.runDate = runDate
  }

  /// The exit status this summary calls for: 65 (data) when the run quarantined an
  /// export — a partner's file needs a person — else 0. Rows rejected below the threshold,
  /// unknown areas, files left in the inbox and re-deliveries do not change it.
  public var dataExitStatus: ExitStatus { files.quarantined > 0 ? .data : .ok }

  public mutating func add(_ report: FileReport) {
    exports.append(report)
    switch report.outcome {
    case .applied: files.applied += 1
    case .duplicate, .recovered: files.skipped += 1
    case .quarantined: files.quarantined += 1
    case .ignored: files.ignored += 1
    }
    if report.outcome == .applied, let r = report.rows {
      rows.ok += r.ok
      rows.rejected += r.rejected
      rows.unknownArea += r.unknownArea
      rows.unmappedCategory += r.unmappedCategory
    }
    if let r = report.records {
      records.new += r.new
      records.replaced += r.replaced
      records.unchanged += r.unchanged
    }
    if report.outcome == .applied || report.outcome == .quarantined { changed = true }
  }

  /// One JSON object (keys sorted, so equal runs print equal text).
  public func json(pretty: Bool = false) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted] : [.sortedKeys]
    guard let data = try? encoder.encode(self) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  /// The concise text summary, in Dutch (`nl`) or English (`en`).
  public func text(language: String = "nl") -> String {
    let nl = language != "en"
    func n(_ v: Int) -> String { RunSummary.grouped(v, separator: nl ? "." : ",") }
    var lines: [String] = []
    lines.append("\(pipeline): run \(runDate)")
    if dryRun {
      lines.append(
        nl
          ? "proefdraai: er is niets geschreven; zo zou de run verlopen"
          : "dry run: nothing was written; this is what the run would do")
    }
    if exports.isEmpty || (!changed && files.ignored == 0) {
      lines.append(
        nl
          ? "niets nieuws in de inbox; de store is niet gewijzigd"
          : "nothing new in the inbox; the store was not changed")
      if files.skipped > 0 {
        lines.append(
          nl
            ? "\(n(files.skipped)) bestand(en) al eerder verwerkt en overgeslagen"
            : "\(n(files.skipped)) file(s) already processed and skipped")
      }
      lines += flags?.text(language: language) ?? []
      return lines.joined(separator: "\n")
    }
    if nl {
      lines.append(
        "bestanden: \(n(files.applied)) verwerkt, \(n(files.skipped)) overgeslagen, "
          + "\(n(files.quarantined)) in quarantaine, \(n(files.ignored)) genegeerd")
      lines.append(
        "rijen: \(n(rows.ok)) goed, \(n(rows.rejected)) afgewezen, "
          + "\(n(rows.unknownArea)) onbekend gebied")
      if !dryRun {
        lines.append(
          "registraties: \(n(records.new)) nieuw, \(n(records.replaced)) vervangen, "
            + "\(n(records.unchanged)) ongewijzigd")
      }
    } else {
      lines.append(
        "files: \(n(files.applied)) applied, \(n(files.skipped)) skipped, "
          + "\(n(files.quarantined)) quarantined, \(n(files.ignored)) ignored")
      lines.append(
        "rows: \(n(rows.ok)) ok, \(n(rows.rejected)) rejected, \(n(rows.unknownArea)) unknown area")
      if !dryRun {
        lines.append(
          "records: \(n(records.new)) new, \(n(records.replaced)) replaced, "
            + "\(n(records.unchanged)) unchanged")
      }
    }
    for report in exports where report.outcome == .quarantined || report.outcome == .ignored {
      let what =
        report.outcome == .quarantined
        ? (nl ? "quarantaine" : "quarantined") : (nl ? "genegeerd" : "ignored")
      lines.append("\(what): \(report.name) — \(report.reason ?? "")")
      if let meaning = DiagnosticCode.trailing(in: report.reason ?? "")?.explanation(dutch: nl) {
        lines.append("  (\(meaning))")
      }
    }
    for name in skippedEntries {
      lines.append(
        nl ? "genegeerd: \(name) — geen gewoon bestand" : "ignored: \(name) — not a regular file")
    }
    lines += flags?.text(language: language) ?? []
    return SafetyLogHandler.escapingControls(lines.joined(separator: "\n"), keepingNewlines: true)
  }

  static func grouped(_ v: Int, separator: String) -> String {
    let digits = String(abs(v))
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
      out.append(c)
    }
    return (v < 0 ? "-" : "") + out
  }
}
