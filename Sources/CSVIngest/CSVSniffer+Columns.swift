import SafetyCore

extension CSVSniffer {
  /// Header, column kinds and roles from the sampled records.
  static func analyse(_ sample: Sample, delimiter: UInt8, quote: UInt8) -> SniffResult {
    let width = sample.modalWidth().width
    // A title above the table (a spreadsheet report) is skipped by line.
    let start = sample.tableStart(width: width)
    let rows = Array(sample.rows[start...])
    let first = rows.first ?? []
    let hasHeader =
      looksLikeHeader(first, rest: Array(rows.dropFirst())) || periodsInHeader(first)
    let names: [String] = (0..<max(width, first.count)).map { i in
      hasHeader && i < first.count && !first[i].isEmpty ? first[i] : "kolom\(i + 1)"
    }
    let data = hasHeader ? Array(rows.dropFirst()) : rows
    var columns: [ColumnProfile] = []
    for (i, name) in names.enumerated() {
      let values = data.map { i < $0.count ? Substring($0[i]) : "" }
      columns.append(profile(name: name, index: i, values: values))
    }
    var result = SniffResult(
      dialect: CSVDialect(
        delimiter: delimiter, quote: quote, encoding: sample.encoding, hasHeader: hasHeader),
      hadBOM: sample.hadBOM, sampledRecords: rows.count, columns: columns, shape: "records",
      key: nil, dateColumn: nil, dateFormat: nil, area: nil, areaMatch: nil, category: nil,
      count: nil, period: nil, periodKind: nil, personal: [])
    result.skipLines = start > 0 ? sample.lines[start] - 1 : 0
    assignRoles(&result, rows: data.count)
    return result
  }

  static func looksLikeHeader(_ first: [String], rest: [[String]]) -> Bool {
    guard !first.isEmpty else { return false }
    let labels = first.map { $0.trimmingSpaces().lowercased() }
    if labels.contains(where: \.isEmpty) || Set(labels).count != labels.count { return false }
    // A header cell is text; a data cell in the same column often is not.
    for (i, cell) in first.enumerated() {
      let kind = classify([Substring(cell)])
      if kind.kind != .text && kind.kind != .policeCode { return false }
      let below = rest.prefix(200).compactMap { i < $0.count ? Substring($0[i]) : nil }
      if !below.isEmpty && classify(below).kind == .text && rest.count > 1 {
        // Both text: undecided by this column.
        continue
      }
    }
    return true
  }

  static func profile(name: String, index: Int, values: [Substring]) -> ColumnProfile {
    let trimmed = values.map { $0.trimmingCharacters() }
    let present = trimmed.filter { !$0.isEmpty && $0 != "-" }
    let total = trimmed.first { totalLabels.contains($0.lowercased()) }
    // A total row's label is no value of its column (`Totaal` in the wijk column).
    let (kind, format) = classify(present.filter { !totalLabels.contains($0.lowercased()) })
    var profile = ColumnProfile(
      name: name, index: index, kind: present.isEmpty ? .empty : kind,
      dateFormat: kind == .date ? format : nil, nonEmpty: present.count,
      distinct: Set(present).count)
    profile.hasBlanks = trimmed.contains { $0.isEmpty }
    profile.hasDashes = trimmed.contains { $0 == "-" }
    profile.totalLabel = total.map(String.init)
    profile.isPostcode =
      !present.isEmpty
      && Double(present.filter(isPostcode).count) >= 0.95 * Double(present.count)
    let quarters = present.filter {
      $0.count == 2 && ($0.last.map { "1234".contains($0) } ?? false)
        && ($0.first.map { "KkQq".contains($0) } ?? false)
    }
    if !present.isEmpty, quarters.count == present.count,
      let letter = quarters.first?.first, quarters.allSatisfy({ $0.first == letter })
    {
      profile.quarterLetter = letter
    }
    if kind == .period {
      profile.periodFormat = format
      if format != nil {
        profile.periodKind = "month"
      } else if let p = present.lazy.compactMap({ Period(parsing: $0) }).first {
        profile.periodKind = p.kind.rawValue
      }
    }
    if kind == .integer {
      let numbers = present.compactMap { Int($0) }
      if let lo = numbers.min(), let hi = numbers.max() { profile.range = lo...hi }
    }
    return profile
  }

  /// `1234 AB`, `1234AB` or `1234`.
  static func isPostcode(_ s: Substring) -> Bool { Postcode.key(s) != nil }

  /// Labels of total rows and columns, lower case.
  static let totalLabels: Set<String> = [
    "totaal", "eindtotaal", "total", "grand total", "totaal generaal", "subtotaal",
  ]

  /// The kind that at least 95 % of the values share.
  static func classify(_ values: [Substring]) -> (kind: ColumnProfile.Kind, format: String?) {
    let present = values.filter { !$0.isEmpty }
    guard !present.isEmpty else { return (.empty, nil) }
    func share(_ test: (Substring) -> Bool) -> Bool {
      Double(present.reduce(0) { $0 + (test($1) ? 1 : 0) }) >= 0.95 * Double(present.count)
    }
    if share({ AreaCode($0.trimmingCharacters()) != nil }) { return (.areaCode, nil) }
    if share(isPoliceCode) { return (.policeCode, nil) }
    if share({ Period(parsing: $0) != nil }) && !share(isInteger) { return (.period, nil) }
    if share(isMonthNamePeriod) { return (.period, "MMM yyyy") }
    if let format = DateFormatGuess.guess(present) { return (.date, format) }
    if share(isInteger) { return (.integer, nil) }
    if share(isDecimal) { return (.decimal, nil) }
    return (.text, nil)
  }

  static func isInteger(_ s: Substring) -> Bool {
    let t = s.trimmingCharacters()
    return !t.isEmpty && t.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }

  static func isDecimal(_ s: Substring) -> Bool {
    let t = s.trimmingCharacters().replacingCommas()
    return Double(t) != nil
  }

  /// Police classification codes: `N.N.N` (trailing spaces allowed), or incident codes such
  /// as `E33`.
  static func isPoliceCode(_ s: Substring) -> Bool {
    let t = s.trimmingCharacters()
    let parts = t.split(separator: ".", omittingEmptySubsequences: false)
    if parts.count == 3 && parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && isInteger($0) }) {
      return true
    }
    return false
  }

  static func normalised(_ name: String) -> String {
    String(name.lowercased().filter { $0.isLetter || $0.isNumber })
  }

  static let personalHints = [
    "naam", "bsn", "burgerservice", "adres", "straat", "huisnummer", "postcode", "geboorte",
    "telefoon", "mobiel", "email", "mail", "iban", "kenteken", "name", "address", "phone", "birth",
    "huurder", "melder", "bewoner", "contactpersoon", "client", "cliënt", "verdachte",
    "slachtoffer",
  ]
  static let areaHints = ["buurt", "wijk", "gebied", "area", "district", "neighbourhood"]

  static func assignRoles(_ r: inout SniffResult, rows: Int) {
    var used = Set<Int>()
    func pick(_ test: (ColumnProfile) -> Bool) -> ColumnProfile? {
      r.columns.first { !used.contains($0.index) && test($0) }
    }
    func has(_ c: ColumnProfile, _ hints: [String]) -> Bool {
      let n = normalised(c.name)
      return hints.contains { n.contains($0) }
    }
    // Area: CBS codes first, else a column named like an area.
    if let c = pick({ $0.kind == .areaCode }) {
      r.area = c.name
      r.areaMatch = "code"
      used.insert(c.index)
    } else if let c = pick({ $0.kind == .text && has($0, areaHints) }) {
      r.area = c.name
      r.areaMatch = "name"
      used.insert(c.index)
    } else if let c = pick({ $0.isPostcode }) {
      // Postcodes stand in for the area (through the registry's postcode table); only the
      // area they resolve to is stored.
      r.area = c.name
      r.areaMatch = "postcode"
      used.insert(c.index)
    }
    // Personal data: by name, never the area column.
    for c in r.columns where !used.contains(c.index) && has(c, personalHints) {
      r.personal.append(c.name)
      used.insert(c.index)
    }
    let periodNamed = r.columns.filter {
      !used.contains($0.index) && ($0.kind == .integer || $0.kind == .empty)
        && periodOfName($0.name) != nil
    }
    if r.dialect.hasHeader, periodNamed.count >= 2, let kind = periodOfName(periodNamed[0].name),
      periodNamed.allSatisfy({ periodOfName($0.name)?.kind == kind.kind })
    {
      // One column per period: each holds that period's count.
      r.period = "*"
      r.periodKind = kind.kind
      r.periodFormat = kind.format
      r.shape = "aggregated"
      used.formUnion(periodNamed.map(\.index))
      if periodNamed.contains(where: \.hasBlanks) { r.missingCounts.append("") }
      if periodNamed.contains(where: \.hasDashes) { r.missingCounts.append("-") }
    } else if let c = pick({
      $0.kind == .date && has($0, ["datum", "date", "pleeg", "melding", "start"])
    })
      ?? pick({ $0.kind == .date })
    {
      r.dateColumn = c.name
      r.dateFormat = c.dateFormat
      used.insert(c.index)
    } else if let c = pick({ $0.kind == .period }) {
      r.period = c.name
      r.periodKind = c.periodKind
      r.periodFormat = c.periodFormat
      used.insert(c.index)
    } else if let (year, sub) = yearAndPeriodColumns(r.columns, used: used) {
      r.yearColumn = year.name
      r.period = sub.column.name
      r.periodKind = sub.kind
      r.periodFormat = sub.format
      used.formUnion([year.index, sub.column.index])
    }
    if let area = r.area, let label = r.columns.first(where: { $0.name == area })?.totalLabel {
      r.skipAreas = [label]
    }
    let counting = ["aantal", "count", "number"]
    let wide = r.columns.filter {
      !used.contains($0.index) && $0.kind == .integer && !totalLabels.contains($0.name.lowercased())
    }
    if r.period == "*" {
      // The period columns hold the counts; a total column is left out.
    } else if r.period != nil, wide.count >= 2, !wide.contains(where: { has($0, counting) }) {
      // A wide export: one count column per kind, each its own category; a total column
      // is left out.
      r.counts = wide.map(\.name)
      r.shape = "aggregated"
      for c in r.columns
      where !used.contains(c.index)
        && (c.kind == .integer || totalLabels.contains(c.name.lowercased()))
      {
        used.insert(c.index)
      }
    } else if let c = pick({ $0.kind == .integer && has($0, counting + ["totaal"]) }) {
      r.count = c.name
      r.shape = "aggregated"
      used.insert(c.index)
    }
    let countColumns = r.columns.filter { r.counts.contains($0.name) || $0.name == r.count }
    if countColumns.contains(where: \.hasBlanks) { r.missingCounts.append("") }
    if countColumns.contains(where: \.hasDashes) { r.missingCounts.append("-") }
    if r.shape == "records" {
      let unique = { (c: ColumnProfile) in c.nonEmpty == rows && c.distinct == rows && rows > 0 }
      let keyHints = ["nummer", "nr", "id", "kenmerk", "registratie", "zaak", "key"]
      if let c = pick({ unique($0) && has($0, keyHints) })
        ?? pick({ unique($0) && $0.kind != .date })
      {
        r.key = c.name
        used.insert(c.index)
      }
    }
    let categoryHints = [
      "categorie", "code", "soort", "type", "incident", "klasse", "delict", "maatregel",
    ]
    let lowCardinality = { (c: ColumnProfile) in
      c.nonEmpty > 0 && (c.distinct <= 60 || Double(c.distinct) <= 0.2 * Double(c.nonEmpty))
    }
    if r.counts.isEmpty,
      let c = pick({ $0.kind == .policeCode })
        ?? pick({ $0.kind == .text && has($0, categoryHints) && lowCardinality($0) })
        ?? pick({ $0.kind == .text && lowCardinality($0) && $0.distinct > 1 })
    {
      r.category = c.name
      used.insert(c.index)
    }
  }

}

extension Substring {
  func trimmingCharacters() -> Substring {
    var s = self
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return s
  }

  func replacingCommas() -> String { String(map { $0 == "," ? "." : $0 }) }
}
