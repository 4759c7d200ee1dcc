import PipelineSpec
import Reporting
import SafetyCore

/// Names of areas, themes, indicators and sources in the display language.
struct DeskNames: Sendable {
  let reader: DashboardReader
  let language: DisplayLanguage

  func area(_ code: String) -> String {
    guard let c = AreaCode(code), let i = reader.registry.index(of: c),
      let a = reader.registry.area(i)
    else { return code }
    return a.name
  }

  /// The wijk holding an area (itself for a wijk), nil for the municipality or unknown codes.
  func wijk(of code: String) -> String? {
    guard let c = AreaCode(code), var i = reader.registry.index(of: c) else { return nil }
    while let a = reader.registry.area(i) {
      if a.level == .wijk { return a.code.rawValue }
      guard a.parent >= 0 else { return nil }
      i = a.parent
    }
    return nil
  }

  func theme(_ id: String) -> String {
    guard let t = reader.pipeline.spec.themes[id] else { return id }
    return language == .en ? (t.nameEn ?? t.name) : t.name
  }

  func indicator(_ id: String) -> String {
    guard let i = reader.pipeline.spec.indicators[id] else { return id }
    return language == .en ? (i.nameEn ?? i.name) : i.name
  }

  func kind(_ k: FlagKind) -> String { FlagText.kind(k, language) }
  func status(_ s: FlagStatus) -> String { FlagText.status(s, language) }
  func review(_ r: FlagReview) -> String { FlagText.review(r, language) }
}
