import SafetyCore

/// What spreadsheet reports add to an export: a title above the table, months by name, the
/// year and the week (or month, or quarter) in two columns.
extension CSVSniffer {
  /// `jan 2024`, `September 2024`, `okt. 2024`.
  static func isMonthNamePeriod(_ value: Substring) -> Bool {
    let parts = value.split(separator: " ", omittingEmptySubsequences: true)
    guard parts.count == 2, parts[1].count == 4, parts[1].allSatisfy(\.isNumber) else {
      return false
    }
    let name = parts[0].hasSuffix(".") ? parts[0].dropLast() : parts[0]
    return MonthName.number(name) != nil
  }

  /// The period a column's name reads as (`2024-09`, `2024-W36`, `sep 2024`), with the
  /// format that reads it (nil: the canonical form).
  static func periodOfName(_ name: String) -> (kind: String, format: String?)? {
    let text = Substring(name.trimmingSpaces())
    if isMonthNamePeriod(text) { return ("month", "MMM yyyy") }
    if let p = Period(parsing: text) { return (p.kind.rawValue, nil) }
    return nil
  }

  /// A first row with two or more periods for names (`Buurt;Soort;jan 2024;feb 2024`) is
  /// a header, though its period cells look like data.
  static func periodsInHeader(_ first: [String]) -> Bool {
    let periods = first.filter { periodOfName($0) != nil }
    let others = first.filter { periodOfName($0) == nil }
    return periods.count >= 2
      && others.allSatisfy {
        let kind = classify([Substring($0)]).kind
        return kind == .text || kind == .policeCode
      }
  }

  /// A year column (whole numbers 1900–2100, named like a year) and beside it a week,
  /// month or quarter column, with the period pattern that reads "year, space, value".
  static func yearAndPeriodColumns(_ columns: [ColumnProfile], used: Set<Int>) -> (
    year: ColumnProfile, sub: (column: ColumnProfile, kind: String, format: String?)
  )? {
    func named(_ c: ColumnProfile, _ names: [String]) -> Bool {
      names.contains(normalised(c.name))
    }
    let free = columns.filter { !used.contains($0.index) }
    guard
      let year = free.first(where: {
        $0.kind == .integer && named($0, ["jaar", "year", "pleegjaar", "meldingsjaar"])
          && ($0.range.map { $0.lowerBound >= 1900 && $0.upperBound <= 2100 } ?? false)
      })
    else { return nil }
    let candidates: [(names: [String], kind: String, most: Int)] = [
      (["week", "weeknummer", "weeknr", "wk", "isoweek"], "week", 53),
      (["maand", "month", "maandnummer", "maandnr"], "month", 12),
      (["kwartaal", "quarter", "kw"], "quarter", 4),
    ]
    for candidate in candidates {
      guard let c = free.first(where: { $0.index != year.index && named($0, candidate.names) })
      else { continue }
      if c.kind == .integer, let r = c.range, r.lowerBound >= 1, r.upperBound <= candidate.most {
        return (year, (c, candidate.kind, nil))
      }
      // Quarters written `K3` or `Q3`.
      if candidate.kind == "quarter", let letter = c.quarterLetter {
        return (year, (c, "quarter", "yyyy '\(letter)'Q"))
      }
    }
    return nil
  }
}

extension CSVSniffer.Sample {
  /// The index of the table's first row (its header): past the title lines of a
  /// spreadsheet report, which fill less than half the table's width, to the first row
  /// that fills all of it. Only tables of three or more columns, at most ten title rows;
  /// 0 when the first row already is the table's.
  func tableStart(width: Int) -> Int {
    guard width >= 3 else { return 0 }
    func filled(_ row: [String]) -> Int {
      row.reduce(0) { $0 + ($1.trimmingSpaces().isEmpty ? 0 : 1) }
    }
    for (i, row) in rows.prefix(11).enumerated() where filled(row) * 2 > width {
      return row.count == width && filled(row) == width ? i : 0
    }
    return 0
  }
}
