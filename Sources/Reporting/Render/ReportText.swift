import Flagging
import SafetyCore

/// The texts every renderer shares: numbers after disclosure control, periods, names,
/// and the report's fixed phrases, all from the localisation table.
public struct ReportText: Sendable {
  public let report: SafetyReport
  public let language: DisplayLanguage
  public let numbers: NumberFormatting
  public let periods: PeriodText

  public init(_ report: SafetyReport) {
    self.report = report
    language = report.language
    numbers = NumberFormatting(report.language)
    periods = PeriodText(report.language)
  }

  public subscript(_ label: Label) -> String { language[label] }

  public func format(_ label: Label, _ args: any CustomStringConvertible...) -> String {
    language.format(label, args)
  }

  // MARK: Numbers

  /// `1.234` or `<5`.
  public func count(_ c: DisclosedCount?) -> String {
    guard let c else { return "–" }
    return c.text(numbers)
  }

  public func integer(_ v: Int?) -> String { v.map(numbers.integer) ?? "–" }

  /// A change as a signed percentage (`+12 %`), or a dash when not shown.
  public func change(_ v: DisclosedValue?) -> String {
    guard let v, case .value(let x) = v else { return "–" }
    return numbers.percentChange(x)
  }

  /// A rate per 1,000 with one decimal, or a dash.
  public func rate(_ v: DisclosedValue?) -> String {
    guard let v else { return "–" }
    return v.text(numbers, places: 1)
  }

  /// An index as a whole number, or a dash.
  public func index(_ v: DisclosedValue?) -> String {
    guard let v else { return "–" }
    return v.text(numbers, places: 0)
  }

  public func decimal(_ v: Double?, places: Int = 1) -> String {
    guard let v else { return "–" }
    return numbers.decimal(v, places: places)
  }

  /// A p-value: `0,003`, or `< 0,001`.
  public func pValue(_ p: Double?) -> String {
    guard let p else { return "–" }
    if p < 0.001 { return "< " + numbers.decimal(0.001, places: 3) }
    return numbers.decimal(p, places: 3)
  }

  // MARK: Titles and periods

  /// "Veiligheidsmonitor" or "Jaarevaluatie veiligheid".
  public var documentTitle: String {
    report.kind == .annualEvaluation ? self[.annualEvaluationTitle] : self[.reportTitle]
  }

  /// "Demostad", or the pipeline's title without a municipality.
  public var placeName: String { report.municipality?.name ?? report.title }

  /// "Veiligheidsmonitor Demostad — 4e kwartaal 2024".
  public var fullTitle: String {
    "\(documentTitle) \(placeName) — \(periods.long(report.period.period))"
  }

  public func periodShort(_ p: ReportPeriod) -> String { periods.short(p.period) }

  public func periodShort(id: String) -> String {
    Period(parsing: id).map(periods.short) ?? id
  }

  /// What the period is compared with: "3e kwartaal 2024 en 4e kwartaal 2023".
  public var comparedWith: String {
    let names = report.comparisons.map { periods.long($0.period.period) }
    return list(names)
  }

  /// "a, b en c" / "a, b and c".
  public func list(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " \(self[.and]) " + items[items.count - 1]
  }

  // MARK: Names

  public func themeName(_ id: String) -> String { report.theme(id)?.name ?? id }

  public func indicatorName(_ id: String) -> String {
    for theme in report.themes {
      if let i = theme.indicators.first(where: { $0.id == id }) { return i.name }
    }
    return id
  }

  public func areaName(_ code: String) -> String { report.area(code)?.name ?? code }

  public func unit(_ u: RateUnit) -> String {
    switch u {
    case .count: self[.unitCount]
    case .per1000Inhabitants: self[.unitPer1000Inhabitants]
    case .per1000Dwellings: self[.unitPer1000Dwellings]
    case .per1000Households: self[.unitPer1000Households]
    }
  }

  public func periodKind(_ k: PeriodKind) -> String {
    switch k {
    case .week: self[.perWeek]
    case .month: self[.perMonth]
    case .quarter: self[.perQuarter]
    case .year: self[.perYear]
    }
  }

  public func level(_ l: AreaLevel) -> String {
    switch l {
    case .buurt: self[.buurt]
    case .wijk: self[.wijk]
    case .gemeente: self[.gemeente]
    }
  }

  /// Why an indicator has no or partial figures, nil when complete.
  public func availability(_ a: Availability) -> String? {
    switch a {
    case .complete: nil
    case .incomplete(let c): format(.availabilityIncomplete, periods.days(c.first, c.last))
    case .coarserThanPeriod(let k): format(.availabilityCoarser, periodKind(k))
    case .noData: self[.availabilityNoData]
    }
  }

  public func kind(_ k: FlagKind) -> String { FlagText.kind(k, language) }
  public func status(_ s: FlagStatus) -> String { FlagText.status(s, language) }
  public func review(_ d: FlagReview) -> String { FlagText.review(d, language) }
  public func severity(_ flag: FlagItem) -> String {
    FlagText.severity(flag.severity, flag.band, language)
  }

  /// A flag's explanation in one sentence, from its numbers.
  public func explanation(_ flag: FlagItem) -> String {
    let e = flag.evidence
    var parts: [String] = []
    if !e.indicators.isEmpty {
      parts.append(list(e.indicators.map(\.name)))
    }
    if !e.partners.isEmpty {
      parts.append("\(self[.partners]): \(list(e.partners))")
    }
    if let observed = e.observed {
      var text = "\(self[.observed]) \(count(observed))"
      if let period = e.period { text = "\(periods.short(period)): " + text }
      if let expected = e.expected { text += ", \(self[.expected]) \(decimal(expected))" }
      if let upper = e.upperBound { text += ", \(self[.upperBound]) \(decimal(upper))" }
      parts.append(text)
    }
    if let p = e.pValue { parts.append("\(self[.pValue]) \(pValue(p))") }
    if let slope = e.trendSlope {
      let signed = (slope > 0 ? "+" : "") + numbers.decimal(slope, places: 1)
      parts.append(format(.trendPerYear, signed))
    }
    if let index = e.index, index.number != nil {
      parts.append("\(self[.indexShort]) \(self.index(index))")
    }
    if !e.neighbours.isEmpty {
      parts.append("\(self[.neighbours]): \(list(e.neighbours.map(\.name)))")
    }
    return parts.joined(separator: "; ")
  }

  /// The sentence on disclosure control: "Aantallen onder 5 staan er als <5 ...".
  public var disclosureSentence: String {
    format(
      .disclosureSentence, report.disclosure.minCell,
      numbers.integer(report.disclosure.minPopulation))
  }
}

extension DisplayLanguage {
  /// A label with its `{0}`, `{1}`, ... placeholders filled in.
  public func format(_ label: Label, _ args: any CustomStringConvertible...) -> String {
    format(label, args)
  }

  public func format(_ label: Label, _ args: [any CustomStringConvertible]) -> String {
    var text = label.text(self)
    for (i, arg) in args.enumerated() {
      text = text.replacingAll(placeholder: "{\(i)}", with: arg.description)
    }
    return text
  }
}

extension String {
  /// Replaces every occurrence of `placeholder` (no Foundation needed).
  func replacingAll(placeholder: String, with replacement: String) -> String {
    guard !placeholder.isEmpty else { return self }
    var out = ""
    var rest = Substring(self)
    while let range = rest.range(of: placeholder) {
      out += rest[rest.startIndex..<range.lowerBound]
      out += replacement
      rest = rest[range.upperBound...]
    }
    out += rest
    return out
  }
}

extension Substring {
  func range(of needle: String) -> Range<Index>? {
    let n = Array(needle.utf8)
    guard !n.isEmpty else { return nil }
    var i = startIndex
    while i < endIndex {
      if self[i...].utf8.starts(with: n) {
        return i..<self.utf8.index(i, offsetBy: n.count)
      }
      i = index(after: i)
    }
    return nil
  }
}
