/// One written export file, as listed in `manifest.csv`: what a run should do with it.
public struct ManifestEntry: Sendable {
  public enum Expected: String, Sendable {
    /// Apply it: every row is valid except the counted defects (well under 5 %).
    case apply
    /// Quarantine it whole: a fatal problem (see `note`).
    case quarantine
    /// Skip it: the same bytes were delivered before under another name.
    case duplicate
  }
  public var file: String
  public var source: SourceID
  public var period: String
  public var rows: Int
  public var unknownArea: Int
  public var impossibleDate: Int
  public var ragged: Int
  public var expected: Expected
  public var note: String

  public var badRows: Int { impossibleDate + ragged }
}

/// Deliberate delivery problems: one export that must be quarantined, and one delivered
/// twice under another name.
public struct Anomalies: Sendable {
  /// Source and export label whose file is cut off inside a quoted field; the partner
  /// re-delivers it complete as `…_herzien.csv`.
  public var broken: (source: SourceID, label: String)?
  /// Source and export label delivered a second time as `… (kopie).csv`.
  public var duplicate: (source: SourceID, label: String)?

  public static let demo = Anomalies(
    broken: (.politieMisdrijven, "2023-06"), duplicate: (.gemeenteMOR, "2023-W14"))
  public static let none = Anomalies(broken: nil, duplicate: nil)
}
