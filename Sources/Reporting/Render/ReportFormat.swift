import SafetyCore

/// The output formats of `safety-monitor report`, and the files each writes.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable, Codable {
  case html, md, csv, json, geojson

  /// The file name every format starts with: `report-2024Q3`, `report-2024-vs-2022`,
  /// with `-en` for English (`report-2024Q3-en`).
  public static func baseName(_ report: SafetyReport) -> String {
    var name = "report-\(report.period.id)"
    if let chosen = report.comparisons.first(where: { $0.role == .chosen }) {
      name += "-vs-\(chosen.period.id)"
    }
    if report.language != .nl { name += "-\(report.language.rawValue)" }
    return name
  }

  /// The files of this format for `report`: name (in the output folder) and bytes.
  public func files(_ report: SafetyReport) throws -> [(name: String, bytes: [UInt8])] {
    let base = Self.baseName(report)
    switch self {
    case .html: return [("\(base).html", Array(HTMLReportRenderer(report).render().utf8))]
    case .md: return [("\(base).md", Array(MarkdownReportRenderer(report).render().utf8))]
    case .json: return [("\(base).json", Array(try JSONReportRenderer(report).render().utf8))]
    case .geojson:
      return [("\(base).geojson", Array(try GeoJSONReportRenderer(report).render().utf8))]
    case .csv:
      return CSVReportRenderer(report).tables().map { ("\(base)-\($0.name).csv", $0.bytes) }
    }
  }
}
