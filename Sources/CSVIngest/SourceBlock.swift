/// Renders a `SniffResult` as a ready-to-paste `sources:` entry of a pipeline file, in the
/// format of `PipelineSpec.Source` (see docs/PIPELINE.md), with the findings as comments.
public enum SourceBlock {
  public enum Language: String, Sendable { case nl, en }

  public static func render(_ r: SniffResult, fileName: String, language: Language = .nl) -> String
  {
    let t = Texts(language)
    let base = fileName.split(separator: "/").last.map(String.init) ?? fileName
    let name = sourceName(base)
    var out: [String] = []
    let encoding =
      r.dialect.encoding.rawValue + (r.hadBOM ? " (BOM)" : "")
    out.append(
      "# \(t.sniffed) \(base): \(r.sampledRecords) \(t.records), \(t.encoding) \(encoding)")
    for c in r.columns {
      var what = c.kind.rawValue
      if let f = c.dateFormat { what += " \(f)" }
      if let k = c.periodKind { what += " (\(k)\(c.periodFormat.map { ", \($0)" } ?? ""))" }
      out.append("#   \(c.index + 1). \(c.name): \(what), \(c.distinct) \(t.distinct)")
    }
    out.append("sources:")
    out.append("  \(name):")
    out.append("    partner: \(yaml(partnerName(base)))  # \(t.checkPartner)")
    out.append("    shape: \(r.shape)")
    out.append("    files: \(yaml(filePattern(base)))")
    let delimiter =
      r.dialect.delimiter == 0x09
      ? "\"\\t\"" : yaml(String(UnicodeScalar(r.dialect.delimiter)), force: true)
    let quote = yaml(String(UnicodeScalar(r.dialect.quote)), force: true)
    out.append(
      "    dialect: {delimiter: \(delimiter), quote: \(quote), encoding: \(r.dialect.encoding.rawValue), header: \(r.dialect.hasHeader)"
        + (r.skipLines > 0 ? ", skipLines: \(r.skipLines)}  # \(t.title)" : "}"))
    if let key = r.key { out.append("    key: \(yaml(key))") }
    if let column = r.dateColumn, let format = r.dateFormat {
      out.append("    date: {column: \(yaml(column)), format: \(yaml(format))}")
    }
    if let column = r.period, let kind = r.periodKind {
      var fields = ["column: \(yaml(column))"]
      if let year = r.yearColumn { fields.append("yearColumn: \(yaml(year))") }
      fields.append("kind: \(kind)")
      if let format = r.periodFormat { fields.append("format: \(yaml(format, force: true))") }
      out.append("    period: {\(fields.joined(separator: ", "))}")
    }
    if let area = r.area {
      let skip =
        r.skipAreas.isEmpty
        ? "" : ", skip: [\(r.skipAreas.map { yaml($0) }.joined(separator: ", "))]"
      out.append(
        "    area: {column: \(yaml(area)), match: \(r.areaMatch ?? "auto")\(skip)}"
          + (r.areaMatch == "postcode" ? "  # \(t.postcodes)" : ""))
    } else {
      out.append("    area: {column: \"?\"}  # \(t.noArea)")
    }
    if let category = r.category { out.append("    category: {column: \(yaml(category))}") }
    if let count = r.count { out.append("    count: \(yaml(count))") }
    if !r.counts.isEmpty {
      out.append(
        "    counts: [\(r.counts.map { yaml($0) }.joined(separator: ", "))]  # \(t.wide)")
    }
    if !r.missingCounts.isEmpty {
      out.append(
        "    missingCounts: [\(r.missingCounts.map { yaml($0, force: true) }.joined(separator: ", "))]"
      )
    }
    if !r.personal.isEmpty {
      out.append(
        "    personal: [\(r.personal.map { yaml($0) }.joined(separator: ", "))]  # \(t.personal)")
    }
    return out.joined(separator: "\n") + "\n"
  }

  struct Texts {
    let sniffed, records, encoding, distinct, checkPartner, noArea, personal, title, wide: String
    let postcodes: String
    init(_ language: Language) {
      switch language {
      case .nl:
        sniffed = "bekeken:"
        records = "records"
        encoding = "codering"
        distinct = "verschillende waarden"
        checkPartner = "controleer de partnernaam"
        noArea = "geen gebiedskolom herkend: vul de kolom in"
        personal = "persoonsgegevens: worden bij het inlezen verwijderd"
        title = "regels boven de tabel (een titel) worden overgeslagen"
        wide = "één kolom per soort: elke kolom is een categorie"
        postcodes = "vraagt areas.postcodes (docs/AREAS.md); alleen de buurt wordt bewaard"
      case .en:
        sniffed = "sniffed"
        records = "records"
        encoding = "encoding"
        distinct = "distinct values"
        checkPartner = "check the partner name"
        noArea = "no area column recognised: fill in the column"
        personal = "personal data: dropped while reading"
        title = "lines above the table (a title) are skipped"
        wide = "one column per kind: each column is a category"
        postcodes = "needs areas.postcodes (docs/AREAS.md); only the buurt is stored"
      }
    }
  }

  /// `politie_misdrijven_2024-09.csv` → `politieMisdrijven`.
  static func sourceName(_ fileName: String) -> String {
    let stem = fileName.split(separator: ".").first.map(String.init) ?? fileName
    let words = stem.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
      .filter { !$0.allSatisfy(\.isNumber) && !isPeriodToken($0) }
      .map { $0.lowercased() }
    guard let first = words.first else { return "bron" }
    let name = first + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    return name.first?.isLetter == true ? name : "bron" + name
  }

  static func isPeriodToken(_ s: Substring) -> Bool {
    let lower = s.lowercased()
    if let f = lower.first, f == "w" || f == "q" || f == "k",
      lower.dropFirst().allSatisfy(\.isNumber), lower.count > 1
    {
      return true
    }
    return false
  }

  /// `politie_misdrijven_2024-09.csv` → `politie_misdrijven_*.csv`.
  static func filePattern(_ fileName: String) -> String {
    var out = ""
    var inDigits = false
    for ch in fileName {
      if ch.isNumber {
        if !inDigits { out.append("*") }
        inDigits = true
      } else {
        inDigits = false
        out.append(ch)
      }
    }
    // `*-*`, `*_*`, `*W*` ... collapse to one `*`.
    var collapsed = out
    for sep in ["-", "_", ".", "W", "w", "Q", "q"] {
      while collapsed.contains("*\(sep)*") {
        collapsed = collapsed.replacingOccurrences("*\(sep)*", with: "*")
      }
    }
    return collapsed
  }

  static func partnerName(_ fileName: String) -> String {
    let first = fileName.split(whereSeparator: { !$0.isLetter }).first.map(String.init) ?? "Partner"
    return first.prefix(1).uppercased() + first.dropFirst().lowercased()
  }

  /// A YAML scalar: plain when safe, else double-quoted with escapes.
  static func yaml(_ s: String, force: Bool = false) -> String {
    let safe =
      !force && !s.isEmpty
      && s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
      && !(s.first?.isNumber ?? false)
      && !["true", "false", "null", "yes", "no", "on", "off", "~"].contains(s.lowercased())
    if safe { return s }
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\t": out += "\\t"
      case "\n": out += "\\n"
      default:
        if scalar.value < 0x20 {
          out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}

extension String {
  func replacingOccurrences(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = self[...]
    while let range = rest.range(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}

extension Substring {
  func range(of target: String) -> Range<Substring.Index>? {
    var i = startIndex
    while i < endIndex {
      if self[i...].hasPrefix(target) {
        return i..<index(i, offsetBy: target.count)
      }
      i = index(after: i)
    }
    return nil
  }
}
