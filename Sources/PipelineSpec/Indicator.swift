import Detection
import SafetyCore

/// An indicator: counts of source categories, for one focus theme. One indicator may draw
/// on several partners' categories (`from`).
public struct Indicator: Sendable, Codable, Equatable {
  public var name: String
  public var nameEn: String?
  /// A key of `themes`.
  public var theme: String
  /// A key of the theme's `subthemes`.
  public var subtheme: String?
  /// Source id → the source's categories that count for this indicator. Categories match
  /// trimmed and case-insensitively.
  public var from: KeyedList<[String]>
  public var unit: IndicatorUnit?
  /// Base period for detection: `week` (default), `month`, or `quarter`/`year` for sources
  /// that deliver no finer periods.
  public var period: PeriodKind?
  /// Level detection runs at: `buurt` (default) or `wijk` for low-count indicators.
  public var level: AreaLevel?
  /// Detector settings for this indicator, over `detection.default`.
  public var detection: DetectorSettings?

  public init(name: String, theme: String, from: KeyedList<[String]>) {
    self.name = name
    self.theme = theme
    self.from = from
  }
}

/// The unit an indicator is shown in.
public enum IndicatorUnit: String, Sendable, Codable, Equatable, CaseIterable {
  case count
  case per1000Inhabitants
  case per1000Dwellings
  case per1000Households
}
