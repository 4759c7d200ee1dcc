import Normalise
import PipelineSpec
import SafetyCore

/// The benchmark's group-by as DuckDB SQL, generated from the same pipeline: every
/// record-level source's files read as CSV with its dialect, dates parsed with its pattern,
/// areas resolved through the same registry (codes, crosswalk, names, aliases — as a lookup
/// table), categories mapped to indicators, counted per indicator × area × ISO week.
enum DuckDBQuery {
  static func sql(_ pipeline: LoadedPipeline, exports: String) -> String {
    guard let registry = try? AreaRegistry.load(pipeline) else { return "-- registry unreadable" }
    var lookup: [(String, String, Int)] = []  // (kind, key, area)
    for (i, area) in registry.areas.enumerated() {
      lookup.append(("code", area.code.rawValue, i))
      lookup.append(("name", AreaRegistry.nameKey(area.name), i))
    }
    // Aliases and crosswalk entries are resolved by the registry itself: probe them through
    // the alias and crosswalk files' first columns.
    for path in [pipeline.spec.areas.aliases, pipeline.spec.areas.crosswalk].compactMap({ $0 }) {
      let text = (try? String(contentsOfFile: pipeline.resolve(path), encoding: .utf8)) ?? ""
      for line in text.split(whereSeparator: \.isNewline).dropFirst() {
        guard let first = line.split(separator: ";").first.map(String.init) else { continue }
        if let code = AreaCode(first), let i = registry.resolve(code: code) {
          lookup.append(("code", code.rawValue, i))
        } else if let i = registry.resolve(name: first) {
          lookup.append(("name", AreaRegistry.nameKey(first), i))
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
        ["windows-1252", "cp1252", "iso-8859-1", "latin1"].contains(
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

  /// A DuckDB date expression for one of the pipeline's date patterns.
  static func dateExpression(_ column: String, _ pattern: String) -> String {
    if pattern.lowercased() == "iso8601" {
      return "try_cast(left(\(column), 10) AS DATE)"
    }
    var f = pattern
    for (from, to) in [
      ("yyyy", "%Y"), ("MM", "%m"), ("dd", "%d"), ("HH", "%H"), ("mm", "%M"), ("ss", "%S"),
    ] {
      f = f.replacingOccurrences(of: from, with: to)
    }
    f = f.replacingOccurrences(of: "M", with: "%-m").replacingOccurrences(of: "d", with: "%-d")
      .replacingOccurrences(of: "%%-", with: "%-")
    let dateOnly = f.split(separator: " ").first.map(String.init) ?? f
    if dateOnly == f { return "try_strptime(trim(\(column)), '\(f)')::DATE" }
    return
      "coalesce(try_strptime(trim(\(column)), '\(f)'), try_strptime(trim(\(column)), '\(dateOnly)'))::DATE"
  }
}

extension FilePattern {
  static func lastComponent(_ text: String) -> String {
    text.split(separator: "/").last.map(String.init) ?? text
  }
}
