import Flagging
import SafetyCore

/// Names and rules for showing flags: area, theme and indicator names in the display
/// language, each indicator's partners, and disclosure control. Built from the pipeline
/// and the area registry by the runner; plain values here.
public struct FlagDisplayContext: Sendable {
  public var language: DisplayLanguage
  public var disclosure: DisclosurePolicy
  public var areaNames: [String: String]
  /// Area code → its parent's code (a buurt's wijk).
  public var parents: [String: String]
  public var themeNames: [String: String]
  public var indicatorNames: [String: String]

  public init(
    language: DisplayLanguage, disclosure: DisclosurePolicy = .standard,
    areaNames: [String: String] = [:], parents: [String: String] = [:],
    themeNames: [String: String] = [:], indicatorNames: [String: String] = [:]
  ) {
    self.language = language
    self.disclosure = disclosure
    self.areaNames = areaNames
    self.parents = parents
    self.themeNames = themeNames
    self.indicatorNames = indicatorNames
  }

  public func area(_ code: String) -> String { areaNames[code] ?? code }
  public func theme(_ id: String) -> String { themeNames[id] ?? id }
  public func indicator(_ id: String) -> String { indicatorNames[id] ?? id }
  /// The wijk of an area (itself for a wijk).
  public func wijk(_ code: String) -> String? {
    code.hasPrefix("WK") ? code : parents[code]
  }

  var format: NumberFormatting { NumberFormatting(language) }

  /// A count under disclosure control: `<5` below the minimum cell.
  func count(_ n: Int) -> String { disclosure.count(n).text(format) }

  /// An expected count or bound: one decimal.
  func decimal(_ x: Double?) -> String {
    guard let x, x.isFinite else { return "–" }
    return format.decimal(x, places: x < 1 ? 2 : x < 10 ? 1 : 0)
  }

  /// A p-value: `0,003`, `< 0,0001`.
  func pvalue(_ p: Double?) -> String {
    guard let p else { return "–" }
    if p < 0.0001 { return "< " + format.decimal(0.0001, places: 4) }
    return format.decimal(p, places: p < 0.01 ? 4 : 3)
  }
}
