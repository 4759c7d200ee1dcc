import SafetyCore

/// A planted episode from a generator's truth file (`truth.csv`, docs/DEMOSTAD.md): the
/// kind, buurt, wijk, theme, indicators and sources, and the weeks it ran.
public struct TruthEpisode: Sendable, Hashable, Codable {
  public var id: String
  public var kind: String
  public var area: String
  public var wijk: String
  public var theme: String
  public var indicators: [String]
  public var sources: [String]
  public var firstWeek: Period
  public var lastWeek: Period

  public init(
    id: String, kind: String, area: String, wijk: String, theme: String, indicators: [String],
    sources: [String], firstWeek: Period, lastWeek: Period
  ) {
    self.id = id
    self.kind = kind
    self.area = area
    self.wijk = wijk
    self.theme = theme
    self.indicators = indicators
    self.sources = sources
    self.firstWeek = firstWeek
    self.lastWeek = lastWeek
  }
}

/// An area's true level for an indicator (`truth-levels.csv`): the count the generator's
/// model expects in a year without any episode. The evaluator turns it into an index
/// against the municipality with the pipeline's denominators.
public struct TruthLevel: Sendable, Hashable, Codable {
  public var area: String
  public var indicator: String
  public var year: Int
  public var expected: Double
  public init(area: String, indicator: String, year: Int, expected: Double) {
    self.area = area
    self.indicator = indicator
    self.year = year
    self.expected = expected
  }
}

/// A problem in a truth file, with its line.
public struct TruthFileError: Error, Sendable, CustomStringConvertible {
  public var line: Int
  public var message: String
  public var description: String { "line \(line): \(message)" }
}

/// Reads truth files: `;`-separated, a header row, columns by name.
public enum TruthFile {
  public static func episodes(_ text: String) throws(TruthFileError) -> [TruthEpisode] {
    let (header, rows) = try table(text)
    func column(_ name: String) throws(TruthFileError) -> Int {
      guard let i = header.firstIndex(of: name) else {
        throw TruthFileError(line: 1, message: "the header has no column '\(name)'")
      }
      return i
    }
    let c = (
      id: try column("episode"), kind: try column("kind"), area: try column("area"),
      wijk: try column("wijk"), theme: try column("theme"), indicators: try column("indicators"),
      sources: try column("sources"), first: try column("firstWeek"), last: try column("lastWeek")
    )
    var out: [TruthEpisode] = []
    for (line, fields) in rows {
      guard fields.count == header.count else {
        throw TruthFileError(
          line: line, message: "expected \(header.count) fields, found \(fields.count)")
      }
      guard let first = Period(parsing: fields[c.first]), first.kind == .week,
        let last = Period(parsing: fields[c.last]), last.kind == .week, first <= last
      else {
        throw TruthFileError(line: line, message: "firstWeek and lastWeek must be ISO weeks")
      }
      out.append(
        TruthEpisode(
          id: fields[c.id], kind: fields[c.kind], area: fields[c.area], wijk: fields[c.wijk],
          theme: fields[c.theme], indicators: list(fields[c.indicators]),
          sources: list(fields[c.sources]), firstWeek: first, lastWeek: last))
    }
    return out
  }

  public static func levels(_ text: String) throws(TruthFileError) -> [TruthLevel] {
    let (header, rows) = try table(text)
    guard let a = header.firstIndex(of: "area"), let i = header.firstIndex(of: "indicator"),
      let y = header.firstIndex(of: "year"), let x = header.firstIndex(of: "expected")
    else {
      throw TruthFileError(
        line: 1, message: "expected the columns area, indicator, year, expected")
    }
    var out: [TruthLevel] = []
    for (line, fields) in rows {
      guard fields.count == header.count, let year = Int(fields[y]),
        let expected = Double(fields[x]), expected >= 0
      else { throw TruthFileError(line: line, message: "expected a year and an expected count") }
      out.append(TruthLevel(area: fields[a], indicator: fields[i], year: year, expected: expected))
    }
    return out
  }

  static func list(_ text: String) -> [String] {
    text.split(separator: ",").map { String($0.trimmingSpaces()) }.filter { !$0.isEmpty }
  }

  static func table(_ text: String) throws(TruthFileError) -> ([String], [(Int, [String])]) {
    // "\r\n" is one Character in Swift: split on both line ends.
    var lines = text.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }
    ).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
    if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
    guard let head = lines.first, !head.isEmpty else {
      throw TruthFileError(line: 1, message: "the file is empty; expected a header row")
    }
    let header = head.split(separator: ";", omittingEmptySubsequences: false).map {
      String($0.trimmingSpaces())
    }
    var rows: [(Int, [String])] = []
    for (n, line) in lines.enumerated().dropFirst() where !line.isEmpty {
      rows.append(
        (n + 1, line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)))
    }
    return (header, rows)
  }
}
