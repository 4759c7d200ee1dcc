import SafetyCore

/// Renders the report's tables as CSV files for Dutch Excel (`ExcelCSVWriter`: `;`, UTF-8
/// byte-order mark, decimal comma, formula cells neutralised). One table per file, long
/// format (one row per area and theme), headers in the report's language; counts below
/// the minimum cell are the text `<5`, suppressed rates and indices are empty cells.
public struct CSVReportRenderer: Sendable {
  public let report: SafetyReport
  let text: ReportText

  public init(_ report: SafetyReport) {
    self.report = report
    text = ReportText(report)
  }

  /// Table name (`themes`, `indicators`, `areas`, `area-indicators`, `flags`, `sources`,
  /// `exports`) → file bytes.
  public func tables() -> [(name: String, bytes: [UInt8])] {
    var out = [
      ("themes", themes()), ("indicators", indicators()), ("areas", areas()),
      ("area-indicators", areaIndicators()),
    ]
    if report.flags != nil { out.append(("flags", flags())) }
    out.append(("sources", sources()))
    out.append(("exports", exports()))
    return out.map { ($0.0, $0.1.bytes) }
  }

  func writer() -> ExcelCSVWriter { ExcelCSVWriter(language: report.language) }

  func comparisonHeaders() -> [String] {
    report.comparisons.flatMap { c in
      let p = text.periodShort(c.period)
      return ["\(text[.count]) \(p)", "\(text[.change]) \(text[.versus]) \(p) (%)"]
    }
  }

  func comparisonCells(_ f: Figures?) -> [ExcelCSVWriter.Cell] {
    report.comparisons.indices.flatMap { i -> [ExcelCSVWriter.Cell] in
      guard let f, i < f.compared.count else { return [.empty, .empty] }
      return [.count(f.compared[i].count), .value(f.compared[i].change.scaled(by: 100), places: 1)]
    }
  }

  func countCell(_ c: DisclosedCount?) -> ExcelCSVWriter.Cell { c.map { .count($0) } ?? .empty }

  func themes() -> ExcelCSVWriter {
    var w = writer()
    w.header(
      ["id", text[.theme], text[.period], text[.count]] + comparisonHeaders()
        + [text[.unitPer1000Inhabitants]])
    for t in report.themes {
      w.row(
        [.text(t.id), .text(t.name), .text(report.period.id), countCell(t.totals?.count)]
          + comparisonCells(t.totals) + [.value(t.ratePerThousandInhabitants, places: 2)])
    }
    return w
  }

  func indicators() -> ExcelCSVWriter {
    var w = writer()
    w.header(
      [
        text[.theme], "id", text[.indicator], text[.unit], text[.partners], text[.status],
        text[.period], text[.count],
      ] + comparisonHeaders() + [text[.rate]])
    for t in report.themes {
      for i in t.indicators {
        w.row(
          [
            .text(t.id), .text(i.id), .text(i.name), .text(text.unit(i.unit)),
            .text(i.partners.joined(separator: ", ")),
            .text(text.availability(i.availability) ?? text[.availabilityComplete]),
            .text(report.period.id),
            countCell(i.figures?.count),
          ] + comparisonCells(i.figures)
            + [i.unit == .count ? .empty : .value(i.rate, places: 2)])
      }
    }
    return w
  }

  func areas() -> ExcelCSVWriter {
    var w = writer()
    var head = [
      text[.level], text[.codeColumn], text[.area], text[.parentColumn], text[.inhabitants],
      text[.theme], text[.count],
    ]
    head += comparisonHeaders()
    head += [text[.unitPer1000Inhabitants], text[.indexShort], text[.openFlags]]
    w.header(head)
    for a in report.areas {
      for t in a.themes {
        w.row(
          [
            .text(text.level(a.level)), .text(a.code), .text(a.name), .text(a.parent ?? ""),
            a.population?.inhabitants.map { .integer($0) } ?? .empty, .text(t.theme),
            .count(t.figures.count),
          ] + comparisonCells(t.figures)
            + [
              .value(t.ratePerThousandInhabitants, places: 2), .value(t.index, places: 1),
              .integer(a.flags.open),
            ])
      }
    }
    return w
  }

  func areaIndicators() -> ExcelCSVWriter {
    var w = writer()
    w.header(
      [text[.level], text[.codeColumn], text[.area], text[.indicator], text[.count]]
        + comparisonHeaders() + [text[.rate], text[.indexShort]])
    for a in report.areas {
      for i in a.indicators {
        w.row(
          [.text(text.level(a.level)), .text(a.code), .text(a.name), .text(i.indicator)]
            + [.count(i.figures.count)] + comparisonCells(i.figures)
            + [.value(i.rate, places: 2), .value(i.index, places: 1)])
      }
    }
    return w
  }

  func flags() -> ExcelCSVWriter {
    var w = writer()
    w.header([
      "id", text[.codeColumn], text[.area], text[.wijk], text[.theme], text[.kind],
      text[.status], text[.severity], text[.firstSeen], text[.lastSeen], text[.indicators],
      text[.partners], text[.period], text[.observed], text[.expected], text[.upperBound],
      text[.pValue], text[.trendSlope], text[.decisionColumn], text[.note],
    ])
    for f in report.flags?.flags ?? [] {
      let e = f.evidence
      let notes = f.notes.map { "\($0.at) \($0.by): \($0.note)" }.joined(separator: " | ")
      w.row([
        .text(f.id), .text(f.area.code), .text(f.area.name), .text(f.wijk?.name ?? ""),
        .text(f.theme), .text(text.kind(f.kind)), .text(text.status(f.status)),
        .integer(f.severity), .text(f.firstSeen.description),
        .text(f.lastSeen.description), .text(e.indicators.map(\.id).joined(separator: ", ")),
        .text(e.partners.joined(separator: ", ")), .text(e.period?.description ?? ""),
        countCell(e.observed), e.expected.map { .decimal($0, places: 2) } ?? .empty,
        e.upperBound.map { .decimal($0, places: 2) } ?? .empty,
        e.pValue.map { .decimal($0, places: 4) } ?? .empty,
        e.trendSlope.map { .decimal($0, places: 3) } ?? .empty,
        .text(f.review.map { text.review($0) } ?? ""), .text(notes),
      ])
    }
    return w
  }

  func sources() -> ExcelCSVWriter {
    var w = writer()
    w.header([
      text[.source], text[.partner], text[.shapeColumn], text[.exportsUsed],
      text[.exportsApplied], text[.exportsQuarantined], text[.duplicatesColumn],
      text[.fromColumn], text[.throughColumn], text[.rowsOk], text[.rowsRejected],
      text[.rowsUnknownArea],
    ])
    for s in report.methods.sources {
      w.row([
        .text(s.id), .text(s.partner), .text(s.shape), .integer(s.exportsUsed.count),
        .integer(s.exportsApplied), .integer(s.exportsQuarantined), .integer(s.duplicatesSkipped),
        .text(s.coverage?.first.description ?? ""), .text(s.coverage?.last.description ?? ""),
        .integer(s.rowsOk), .integer(s.rowsRejected), .integer(s.rowsUnknownArea),
      ])
    }
    return w
  }

  func exports() -> ExcelCSVWriter {
    var w = writer()
    w.header([
      text[.source], text[.file], text[.status], text[.received], text[.fromColumn],
      text[.throughColumn], "sha256", text[.reason],
    ])
    for s in report.methods.sources {
      for e in s.exportsUsed {
        w.row([
          .text(s.id), .text(e.name), .text(text[.exportsApplied]), .text(e.receivedAt),
          .text(e.coverage?.first.description ?? ""), .text(e.coverage?.last.description ?? ""),
          .text(e.contentHash), .empty,
        ])
      }
    }
    for q in report.methods.quarantined {
      w.row([
        .text(q.source), .text(q.name), .text(text[.exportsQuarantined]), .text(q.receivedAt),
        .empty, .empty, .empty, .text(q.reason),
      ])
    }
    return w
  }
}

extension DisclosedValue {
  /// The value multiplied by `factor` (a fraction as a percentage); reasons stay.
  public func scaled(by factor: Double) -> DisclosedValue {
    guard case .value(let v) = self else { return self }
    return .value(v * factor)
  }
}
