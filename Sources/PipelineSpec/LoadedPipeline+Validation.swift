import SafetyCore

extension LoadedPipeline {
  /// Semantic checks that decoding cannot make: references between sections, shapes that
  /// fit, patterns that compile, numbers in range. Needs no file system. Errors make the
  /// pipeline unusable; warnings are worth fixing.
  public func validate() -> [Diagnostic] {
    var out: [Diagnostic] = []
    func error(_ message: String, _ path: [String]) {
      out.append(.error(.configError, message, at: locations.position(path)))
    }
    func warning(_ message: String, _ path: [String]) {
      out.append(.warning(.configError, message, at: locations.position(path)))
    }

    if spec.version != 1 {
      error("unsupported version \(spec.version); expected 1", ["version"])
    }
    if spec.name.isEmpty
      || !spec.name.unicodeScalars.allSatisfy({
        ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
          || "-_.".unicodeScalars.contains($0)
      })
    {
      error("name must be letters, digits, '-', '_' or '.', found '\(spec.name)'", ["name"])
    }
    if spec.themes.isEmpty { error("at least one theme is needed", ["themes"]) }
    if spec.sources.isEmpty { error("at least one source is needed", ["sources"]) }
    if spec.indicators.isEmpty { error("at least one indicator is needed", ["indicators"]) }

    for (id, source) in spec.sources { checkSource(id, source, error: error, warning: warning) }

    var used: Set<String> = []
    var themesUsed: Set<String> = []
    for (id, indicator) in spec.indicators {
      let path = ["indicators", id]
      if let theme = spec.themes[indicator.theme] {
        themesUsed.insert(indicator.theme)
        if let sub = indicator.subtheme, theme.subthemes?[sub] == nil {
          let known = theme.subthemes?.keys.joined(separator: ", ") ?? "none"
          error(
            "unknown subtheme '\(sub)' of theme '\(indicator.theme)'; known: \(known)",
            path + ["subtheme"])
        }
      } else {
        error(
          "unknown theme '\(indicator.theme)'; known: \(spec.themes.keys.joined(separator: ", "))",
          path + ["theme"])
      }
      if indicator.from.isEmpty { error("indicator draws on no source", path + ["from"]) }
      let base = spec.basePeriod(ofIndicator: id)
      for (sourceID, categories) in indicator.from {
        guard let source = spec.sources[sourceID] else {
          error(
            "unknown source '\(sourceID)'; known: \(spec.sources.keys.joined(separator: ", "))",
            path + ["from", sourceID])
          continue
        }
        used.insert(sourceID)
        if categories.isEmpty {
          error("no categories listed for source '\(sourceID)'", path + ["from", sourceID])
        }
        for category in categories where category.dropLast().contains("*") || category == "*" {
          error(
            "'\(category)': a `*` may only end a category, after its first letters (`1.4.*`)",
            path + ["from", sourceID])
        }
        let entries = categories.map(normaliseCategory)
        for (i, entry) in entries.enumerated() {
          if let other = entries.indices.first(where: {
            $0 != i && entries[$0].hasSuffix("*") && categoryMatches(entries[$0], entry)
              && (entry != entries[$0] || $0 < i)
          }) {
            error(
              "'\(categories[i])' is already counted through '\(categories[other])'",
              path + ["from", sourceID])
          }
        }
        if source.category?.column == nil, let fixed = source.category?.value,
          !categories.contains(where: {
            categoryMatches(normaliseCategory($0), normaliseCategory(fixed))
          })
        {
          warning(
            "source '\(sourceID)' only has category '\(fixed)'; none of these match",
            path + ["from", sourceID])
        }
        if source.resolvedShape == .aggregated, source.date == nil,
          let kind = source.period?.kind, kind > base
        {
          error(
            "source '\(sourceID)' counts per \(kind.rawValue), coarser than the indicator's "
              + "base period \(base.rawValue); set `period: \(kind.rawValue)` on the indicator",
            path + ["from", sourceID])
        }
      }
    }
    for (id, _) in spec.sources where !used.contains(id) {
      warning("source '\(id)' feeds no indicator", ["sources", id])
    }
    for (id, _) in spec.themes where !themesUsed.contains(id) {
      warning("theme '\(id)' has no indicator", ["themes", id])
    }

    if let share = spec.ingest?.maxBadRowShare, !(0...1).contains(share) {
      error("maxBadRowShare must be between 0 and 1, found \(share)", ["ingest", "maxBadRowShare"])
    }
    for (key, value) in [
      ("maxDiagnosticsPerFile", spec.ingest?.maxDiagnosticsPerFile),
      ("maxFieldBytes", spec.ingest?.maxFieldBytes), ("maxFields", spec.ingest?.maxFields),
    ] {
      if let value, value < 1 { error("\(key) must be at least 1", ["ingest", key]) }
    }
    if let minCell = spec.disclosure?.minCell, minCell < 1 {
      error("minCell must be at least 1", ["disclosure", "minCell"])
    }
    checkDetection(error: error)
    checkFlags(error: error, warning: warning)
    return out
  }

  private func checkSource(
    _ id: String, _ source: Source, error: (String, [String]) -> Void,
    warning: (String, [String]) -> Void
  ) {
    let path = ["sources", id]
    if source.files.isEmpty { error("file pattern is empty", path + ["files"]) }
    if let d = source.dialect {
      if DialectSpec.byte(d.delimiter, default: 0x3B) == nil {
        error("delimiter must be one character or 'tab'", path + ["dialect", "delimiter"])
      }
      if let skip = d.skipLines, skip < 0 {
        error("skipLines must be 0 or more", path + ["dialect", "skipLines"])
      }
      if DialectSpec.byte(d.quote, default: 0x22) == nil {
        error("quote must be one character", path + ["dialect", "quote"])
      }
      if let enc = d.encoding,
        !["utf-8", "utf8", "windows-1252", "cp1252", "iso-8859-1", "latin1", "auto"].contains(
          enc.lowercased())
      {
        error(
          "unknown encoding '\(enc)'; expected utf-8, windows-1252, iso-8859-1 or auto",
          path + ["dialect", "encoding"])
      }
    }
    if let date = source.date, DatePattern(date.format) == nil {
      error(
        "'\(date.format)' is not a date pattern (e.g. dd-MM-yyyy, yyyy-MM-dd HH:mm, iso8601)",
        path + ["date", "format"])
    }
    if let period = source.period, period.inHeader {
      if source.count != nil || source.counts != nil {
        error(
          "with `column: \"*\"` the period columns hold the counts; remove 'count'/'counts'",
          path + ["period", "column"])
      }
      if period.yearColumn != nil {
        error("a period read from the column names has no year column", path + ["period"])
      }
      if source.dialect?.header == false {
        error("periods in the column names need a header row", path + ["period", "column"])
      }
    }
    if let period = source.period {
      if period.yearColumn != nil && period.kind == .year {
        error("a year period needs no separate year column", path + ["period", "yearColumn"])
      } else if PeriodPattern(period.effectiveFormat, kind: period.kind) == nil {
        error(
          "'\(period.format ?? "")' is not a \(period.kind.rawValue) pattern (e.g. yyyy-ww, "
            + "yyyyMM, yyyy-Q, or a date pattern such as yyyy-MM-dd)", path + ["period", "format"])
      }
    }
    if source.area.match == .postcode && spec.areas.postcodes == nil {
      error(
        "areas has no postcodes table (postcode;code) to match postcodes with",
        path + ["area", "match"])
    }
    if let category = source.category, (category.column == nil) == (category.value == nil) {
      error("category needs exactly one of 'column' or 'value'", path + ["category"])
    }
    switch source.resolvedShape {
    case .records:
      if source.key == nil { error("record-level sources need a key column", path + ["key"]) }
      if source.date == nil { error("record-level sources need a date column", path + ["date"]) }
      for (key, given) in [
        ("count", source.count != nil), ("counts", source.counts != nil),
        ("missingCounts", source.missingCounts != nil),
      ] where given {
        error("record-level sources count rows; remove '\(key)'", path + [key])
      }
      if source.period != nil {
        error("record-level sources need a date, not a period column", path + ["period"])
      }
    case .aggregated:
      checkCounts(source, path: path, error: error)
      if (source.date == nil) == (source.period == nil) {
        error("aggregated sources need exactly one of 'date' or 'period'", path)
      }
      if source.key != nil {
        warning("aggregated sources have no key; 'key' is ignored", path + ["key"])
      }
    }
    let personal = Set((source.personal ?? []).map(normaliseHeader))
    for column in source.usedColumns where personal.contains(normaliseHeader(column)) {
      error(
        "column '\(column)' is declared personal and cannot be read", path + ["personal"])
    }
  }
}

extension LoadedPipeline {
  /// An aggregated source's count columns: one `count` column, or a wide export's `counts`
  /// (each column a category, so no `category` beside them, and every category an
  /// indicator draws from the source must be one of them).
  fileprivate func checkCounts(
    _ source: Source, path: [String], error: (String, [String]) -> Void
  ) {
    guard let counts = source.counts else {
      if source.count == nil && source.period?.inHeader != true {
        error(
          "aggregated sources need a count column ('count', or 'counts' for a wide export)",
          path + ["count"])
      }
      return
    }
    if source.count != nil {
      error(
        "give either 'count' (one count column) or 'counts' (wide), not both", path + ["counts"])
    }
    if source.category != nil {
      error(
        "with 'counts' every count column is a category; remove 'category'",
        path + ["category"])
    }
    if counts.isEmpty { error("'counts' names no column", path + ["counts"]) }
    var seen: Set<String> = []
    for column in counts where !seen.insert(normaliseHeader(column)).inserted {
      error("column '\(column)' appears twice in 'counts'", path + ["counts"])
    }
    let id = path.last ?? ""
    let categories = counts.map(normaliseCategory)
    for (indicatorID, indicator) in spec.indicators {
      for category in indicator.from[id] ?? []
      where !categories.contains(where: { categoryMatches(normaliseCategory(category), $0) }) {
        error(
          "'\(category)' is not one of source '\(id)'s count columns (\(counts.joined(separator: ", ")))",
          ["indicators", indicatorID, "from", id])
      }
    }
  }
}

extension Source {
  /// The columns this source reads (never the personal ones).
  public var usedColumns: [String] {
    [
      key, date?.column, period?.inHeader == true ? nil : period?.column, period?.yearColumn,
      area.column, category?.column, count,
    ].compactMap { $0 } + (counts ?? [])
  }
}

/// A header label as matched: spaces (and a byte-order mark) dropped, lower case
/// (`Pleeg datum` = `pleegdatum` = `PLEEGDATUM `).
public func normaliseHeader(_ label: String) -> String {
  String(
    label.lowercased().unicodeScalars.filter {
      $0 != " " && $0 != "\t" && $0 != "\u{FEFF}"
    })
}

/// A category as matched: trimmed and lower case (`1.1.1 ` = `1.1.1`, `Hennepkwekerij` =
/// `hennepkwekerij`).
public func normaliseCategory(_ text: String) -> String {
  String(text.trimmingSpaces()).lowercased()
}

/// Whether an indicator's category entry matches a source's category (both normalised):
/// equal, or for an entry ending in `*` (`1.4.*`) every category that begins with the rest.
public func categoryMatches(_ entry: String, _ category: String) -> Bool {
  guard entry.hasSuffix("*") else { return entry == category }
  return category.hasPrefix(entry.dropLast())
}
