import SafetyCore

extension CivilDate {
  /// A date the generator builds from parts that are valid by construction (1 January,
  /// the first of a month, 31 March …). An invalid one is a programming error.
  static func known(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
    guard let date = CivilDate(year: year, month: month, day: day) else {
      preconditionFailure("not a calendar date: \(year)-\(month)-\(day)")
    }
    return date
  }
}

extension AreaCode {
  /// A code the generator builds from digits that are valid by construction (gemeente
  /// numbers are checked at the command line, wijken and buurten stay below 100).
  static func known(_ text: String) -> AreaCode {
    guard let code = AreaCode(text) else { preconditionFailure("not a CBS area code: \(text)") }
    return code
  }
}

extension SourceID {
  /// Position in `allCases` (keys random streams).
  var ordinal: Int { SourceID.allCases.firstIndex(of: self) ?? 0 }
}

extension CategoryGroup {
  /// Position in `allCases` (indexes a buurt's heterogeneity factors).
  var ordinal: Int { CategoryGroup.allCases.firstIndex(of: self) ?? 0 }
}
