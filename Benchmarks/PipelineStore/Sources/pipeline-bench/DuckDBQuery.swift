import Foundation
import Normalise
import PipelineSpec
import SafetyCore

/// The benchmark's group-by as DuckDB SQL, generated from the same pipeline: every
/// record-level source's files read as CSV with its dialect, dates parsed with its pattern,
/// areas resolved through the same registry (codes, crosswalk, names, aliases — as a lookup
/// table), categories mapped to indicators, counted per indicator × area × ISO week.
enum DuckDBQuery {
  /// `allUTF8`: the files were converted to UTF-8 for DuckDB (which cannot read
  /// Windows-1252 without a downloaded extension).
  static func sql(_ pipeline: LoadedPipeline, exports: String, allUTF8: Bool = false) -> String {
    guard let registry = try? AreaRegistry.load(pipeline) else { return "-- registry unreadable" }
    // (kind, key) → area, as the registry resolves them: codes (and old codes through the
    // crosswalk), and names and aliases that name exactly one area.
    var lookup: [(String, String, Int)] = []
    var seen: Set<String> = []
    func addName(_ name: String) {
      let key = AreaRegistry.nameKey(name)
      guard !seen.contains("name:" + key), let i = registry.resolve(name: name) else { return }
      seen.insert("name:" + key)
      lookup.append(("name", key, i))
    }
    for (i, area) in registry.areas.enumerated() {
      lookup.append(("code", area.code.rawValue, i))
      seen.insert("code:" + area.code.rawValue)
      addName(area.name)
    }
    for path in [pipeline.spec.areas.aliases, pipeline.spec.areas.crosswalk].compactMap({ $0 }) {
      let text = (try? String(contentsOfFile: pipeline.resolve(path), encoding: .utf8)) ?? ""
      for line in text.split(whereSeparator: \.isNewline).dropFirst() {
        guard let first = line.split(separator: ";").first.map(String.init) else { continue }
        if let code = AreaCode(first) {
          if !seen.contains("code:" + code.rawValue), let i = registry.resolve(code: code) {
            seen.insert("code:" + code.rawValue)
            lookup.append(("code", code.rawValue, i))
          }
        } else {
          addName(first)
        }
      }
    }
    var mapping: [(String, String, Int)] = []
    for (i, (_, indicator)) in pipeline.spec.indicators.enumerated() {
      for (source, categories) in indicator.from {
        for c in categories { mapping.append((source, normaliseCategory(c), i)) }
      }
    }
    var selects: [String] = []
    for (id, source) in pipeline.spec.sources where source.resolvedShape == .records {
      guard let date = source.date, let category = source.category?.column else { continue }
      let delimiter =
        DialectSpec.byte(source.dialect?.delimiter, default: 59).map {
          $0 == 9 ? "\\t" : String(UnicodeScalar($0))
        } ?? ";"
      let encoding =
        !allUTF8
          && ["windows-1252", "cp1252", "iso-8859-1", "latin1"].contains(
            source.dialect?.encoding?.lowercased() ?? "")
        ? "latin-1" : "utf-8"
      let glob = exports + "/" + FilePattern.lastComponent(source.files)
      let d = dateExpression(q(date.column), date.format)
      let areaRaw = "trim(\(q(source.area.column)))"
      let nameKey =
        "trim(regexp_replace(lower(strip_accents(\(areaRaw))), '[\\s_-]+', ' ', 'g'))"
      let match = source.area.match ?? .auto
      let areaExpr: String
      switch match {
      case .code:
        areaExpr = "(SELECT area FROM lookup WHERE kind = 'code' AND key = upper(\(areaRaw)))"
      case .name: areaExpr = "(SELECT area FROM lookup WHERE kind = 'name' AND key = \(nameKey))"
      case .auto:
        areaExpr =
          "coalesce((SELECT area FROM lookup WHERE kind = 'code' AND key = upper(\(areaRaw))), "
          + "(SELECT area FROM lookup WHERE kind = 'name' AND key = \(nameKey)))"
      }
      selects.append(
        """
          SELECT '\(id)' AS source, lower(trim(\(q(category)))) AS category, \(areaExpr) AS area,
                 \(d) AS d
          FROM read_csv('\(glob)', delim = '\(delimiter)', header = true, all_varchar = true,
                        encoding = '\(encoding)', ignore_errors = true, strict_mode = false,
                        null_padding = true)
        """)
    }
    let lookupValues = lookup.map { "('\($0.0)', '\(esc($0.1))', \($0.2))" }.joined(
      separator: ",\n    ")
    let mappingValues = mapping.map { "('\($0.0)', '\(esc($0.1))', \($0.2))" }.joined(
      separator: ",\n    ")
    return """
      CREATE TEMP TABLE lookup AS SELECT * FROM (VALUES
          \(lookupValues)) t(kind, key, area);
      CREATE TEMP TABLE mapping AS SELECT * FROM (VALUES
          \(mappingValues)) t(source, category, indicator);
      CREATE TEMP TABLE cube AS
      SELECT m.indicator, coalesce(r.area, -1) AS area, yearweek(r.d) AS week, count(*) AS n
      FROM (
      \(selects.joined(separator: "\n  UNION ALL\n"))
      ) r JOIN mapping m ON m.source = r.source AND m.category = r.category
      WHERE r.d IS NOT NULL AND r.d <= DATE '2030-01-01'
      GROUP BY ALL;
      SELECT count(*) AS cells, sum(n) AS counted FROM cube;
      """
  }

  static func q(_ column: String) -> String {
    "\"" + column.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
  static func esc(_ s: String) -> String { s.replacingOccurrences(of: "'", with: "''") }

  /// A DuckDB date expression for one of the pipeline's date patterns (the same rules:
  /// a pattern's time part may be absent; zoned ISO 8601 timestamps become Amsterdam dates).
  static func dateExpression(_ column: String, _ pattern: String) -> String {
    let v = "trim(\(column))"
    if pattern.lowercased() == "iso8601" {
      return """
        CASE WHEN regexp_matches(\(v), '(Z|[+-][0-9]{2}:?[0-9]{2})$')
          THEN (try_cast(\(v) AS TIMESTAMPTZ) AT TIME ZONE 'Europe/Amsterdam')::DATE
          ELSE try_cast(left(\(v), 10) AS DATE) END
        """
    }
    var format = ""
    var dateOnly: String?
    let chars = Array(pattern)
    var i = 0
    while i < chars.count {
      var run = 1
      while i + run < chars.count, chars[i + run] == chars[i] { run += 1 }
      switch chars[i] {
      case "y": format += "%Y"
      case "M": format += "%m"
      case "d": format += "%d"
      case "H":
        if dateOnly == nil { dateOnly = format.trimmingCharacters(in: .whitespaces) }
        format += "%H"
      case "m": format += "%M"
      case "s": format += "%S"
      default: format += String(repeating: String(chars[i]), count: run)
      }
      i += run
    }
    guard let dateOnly else { return "try_strptime(\(v), '\(format)')::DATE" }
    let datePart = dateOnly.hasSuffix("T") ? String(dateOnly.dropLast()) : dateOnly
    return "coalesce(try_strptime(\(v), '\(format)'), try_strptime(\(v), '\(datePart)'))::DATE"
  }
}

extension FilePattern {
  static func lastComponent(_ text: String) -> String {
    text.split(separator: "/").last.map(String.init) ?? text
  }
}
