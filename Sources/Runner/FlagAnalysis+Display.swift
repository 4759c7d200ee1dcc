import Flagging
import Normalise
import PipelineSpec
import Reporting
import SafetyCore

extension FlagAnalysis {
  /// Names and disclosure rules for showing flags in `language`.
  public func displayContext(_ language: DisplayLanguage) -> FlagDisplayContext {
    var names: [String: String] = [:]
    var parents: [String: String] = [:]
    for i in registry.areas.indices {
      guard let a = registry.area(i) else { continue }
      names[a.code.rawValue] = a.name
      if let p = registry.area(a.parent) { parents[a.code.rawValue] = p.code.rawValue }
    }
    var indicators: [String: String] = [:]
    for (id, indicator) in pipeline.spec.indicators {
      indicators[id] = language == .en ? (indicator.nameEn ?? indicator.name) : indicator.name
    }
    let d = pipeline.spec.disclosure
    return FlagDisplayContext(
      language: language,
      disclosure: DisclosurePolicy(
        minCell: d?.minCell ?? 5, minPopulation: d?.minPopulation ?? 100),
      areaNames: names, parents: parents, themeNames: themeNames(english: language == .en),
      indicatorNames: indicators)
  }

  /// An area by CBS code (old codes through the crosswalk) or by name or alias.
  public func resolveArea(_ text: String) -> String? {
    let index =
      AreaCode(text).flatMap { registry.resolve(code: $0) } ?? registry.resolve(name: text)
    return index.flatMap { registry.area($0)?.code.rawValue }
  }

  /// A theme by id or by its (Dutch or English) name, case-insensitively.
  public func resolveTheme(_ text: String) -> String? {
    let key = text.lowercased()
    for (id, theme) in pipeline.spec.themes
    where id.lowercased() == key || theme.name.lowercased() == key
      || theme.nameEn?.lowercased() == key
    {
      return id
    }
    return nil
  }
}
