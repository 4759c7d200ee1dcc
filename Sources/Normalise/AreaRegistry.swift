import Foundation
import PipelineSpec
import SafetyCore

/// The areas of a pipeline: every gemeente, wijk and buurt with its CBS code, name and
/// parent; population figures per year; the aliases partners use (local names, old
/// spellings); and the crosswalk of CBS code changes. Areas are addressed by index (the
/// order of the registry file); `-1` is the unknown-area bucket.
public struct AreaRegistry: Sendable {
  public struct Area: Sendable, Hashable {
    public var code: AreaCode
    public var name: String
    /// Index of the parent area, `-1` for the top.
    public var parent: Int
    public var level: AreaLevel { code.level }
  }

  public struct Population: Sendable, Hashable {
    public var inhabitants: Int?
    public var dwellings: Int?
    public var households: Int?
  }

  public private(set) var areas: [Area] = []
  private var byCode: [AreaCode: Int] = [:]
  /// Normalised name → areas with that name or alias (several means ambiguous).
  private var byName: [String: [Int]] = [:]
  /// Source id → normalised alias → area, for aliases that only hold for one source.
  private var sourceAliases: [String: [String: Int]] = [:]
  /// Old code → new code, applied repeatedly (chains) until a known code.
  private var crosswalk: [AreaCode: AreaCode] = [:]
  private var population: [Int: [Int: Population]] = [:]
  /// Postcode (`1234AB` or `1234`) → area.
  private var postcodes: [String: Int] = [:]
  /// Every code (and old code in the crosswalk) as upper-case bytes → area: the fast path
  /// for partners' code columns, read without making a `String`.
  public private(set) var codeBytes = ByteCache<Int32>()

  /// Problems found while building (unknown parents, duplicate codes, ...).
  public private(set) var diagnostics: [Diagnostic] = []

  public init() {}

  /// `parent[i]` for every area: the roll-up map for `CountCube.rolledUp(areaParent:)`.
  public var parents: [Int] { areas.map(\.parent) }

  public func index(of code: AreaCode) -> Int? { byCode[code] }

  public func area(_ index: Int) -> Area? {
    index >= 0 && index < areas.count ? areas[index] : nil
  }

  /// The indices of areas at `level`, in registry order.
  public func indices(at level: AreaLevel) -> [Int] {
    areas.indices.filter { areas[$0].level == level }
  }

  /// Resolves a CBS code, following the crosswalk for codes that no longer exist.
  public func resolve(code: AreaCode) -> Int? {
    if let i = byCode[code] { return i }
    var current = code
    var steps = 0
    while let next = crosswalk[current], steps < 16 {
      if let i = byCode[next] { return i }
      current = next
      steps += 1
    }
    return nil
  }

  /// Resolves a name or alias (matched case-, accent- and space-insensitively); aliases
  /// declared for `source` first. Nil when unknown or ambiguous.
  public func resolve(name: String, source: String? = nil) -> Int? {
    let key = AreaRegistry.nameKey(name)
    if let source, let i = sourceAliases[source]?[key] { return i }
    guard let hits = byName[key], hits.count == 1 else { return nil }
    return hits[0]
  }

  /// Resolves a postcode: a PC6 (`1234 AB`) as listed, else by its four digits when the
  /// table lists PC4s; a PC4 as listed. Nil when unknown or not a postcode.
  public func resolve(postcode text: String) -> Int? {
    guard let key = AreaRegistry.postcodeKey(text) else { return nil }
    if let i = postcodes[key] { return i }
    return key.count == 6 ? postcodes[String(key.prefix(4))] : nil
  }

  /// Whether the registry has a postcode table.
  public var hasPostcodes: Bool { !postcodes.isEmpty }

  /// Resolves a partner's area text: a code (with the crosswalk), a name/alias or a
  /// postcode, as `match` allows (`auto`: each in that order).
  public func resolve(_ text: String, match: AreaMatch, source: String? = nil) -> Int? {
    switch match {
    case .code: return AreaCode(text).flatMap { resolve(code: $0) }
    case .name: return resolve(name: text, source: source)
    case .postcode: return resolve(postcode: text)
    case .auto:
      if let code = AreaCode(text), let i = resolve(code: code) { return i }
      return resolve(name: text, source: source) ?? (hasPostcodes ? resolve(postcode: text) : nil)
    }
  }

  /// A postcode in the form the table is keyed by (`Postcode.key`).
  public static func postcodeKey(_ text: String) -> String? { Postcode.key(text) }

  /// Adds problems found outside the tables' rows (e.g. a header read by position).
  mutating func add(_ problems: [Diagnostic]) { diagnostics += problems }

  public func population(of index: Int, year: Int) -> Population? {
    population[index]?[year]
  }

  /// The years with population figures for an area.
  public func populationYears(of index: Int) -> [Int] {
    (population[index].map { Array($0.keys) } ?? []).sorted()
  }

  /// The form names are matched in: lower case, accents removed, runs of spaces, `-` and
  /// `_` as one space, trimmed (`Oud-Zuid` = `oud zuid` = `OUD  ZUID`).
  public static func nameKey(_ text: String) -> String {
    let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    var out = ""
    var pendingSpace = false
    for scalar in folded.unicodeScalars {
      if scalar == " " || scalar == "\t" || scalar == "-" || scalar == "_" || scalar == "\u{A0}" {
        pendingSpace = !out.isEmpty
      } else {
        if pendingSpace { out.unicodeScalars.append(" ") }
        pendingSpace = false
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

// MARK: - Building

extension AreaRegistry {
  /// A row of a registry table, with where it came from.
  public struct Row: Sendable {
    public var fields: [String]
    public var position: SourcePosition
    public init(_ fields: [String], at position: SourcePosition) {
      self.fields = fields
      self.position = position
    }
  }

  /// Builds the registry from its tables (rows without the header). Problems go to
  /// `diagnostics`; a row with an error is left out.
  public init(
    areas areaRows: [Row], population populationRows: [Row] = [], aliases aliasRows: [Row] = [],
    crosswalk crosswalkRows: [Row] = [], postcodes postcodeRows: [Row] = []
  ) {
    var parentCodes: [(Int, AreaCode?, Row)] = []
    for row in areaRows {
      guard row.fields.count >= 2, let code = AreaCode(row.fields[0]) else {
        diagnostics.append(
          .error(.typeError, "expected a CBS area code in column 1", at: row.position))
        continue
      }
      if byCode[code] != nil {
        diagnostics.append(.error(.duplicateKey, "area \(code) is listed twice", at: row.position))
        continue
      }
      let name = String(row.fields[1].trimmingSpaces())
      let parentText = row.fields.count > 2 ? String(row.fields[2].trimmingSpaces()) : ""
      let parent = parentText.isEmpty ? nil : AreaCode(parentText)
      if !parentText.isEmpty && parent == nil {
        diagnostics.append(
          .error(.typeError, "expected a CBS area code as parent of \(code)", at: row.position))
      }
      byCode[code] = areas.count
      parentCodes.append((areas.count, parent, row))
      areas.append(Area(code: code, name: name, parent: -1))
      byName[AreaRegistry.nameKey(name), default: []].append(areas.count - 1)
    }
    for (i, parentCode, row) in parentCodes {
      let code = areas[i].code
      let implied: AreaCode? =
        code.level == .buurt ? code.wijk : code.level == .wijk ? code.gemeente : nil
      let parent = parentCode ?? implied
      guard let parent else { continue }
      if let p = byCode[parent] {
        areas[i].parent = p
        if areas[p].level <= code.level {
          diagnostics.append(
            .error(
              .constraintError, "parent \(parent) of \(code) is not a coarser area",
              at: row.position))
        }
      } else if parentCode != nil || code.level != .wijk {
        diagnostics.append(
          .error(
            .constraintError, "parent \(parent) of \(code) is not in the registry", at: row.position
          ))
      }
      if let parentCode, let implied, parentCode != implied {
        diagnostics.append(
          .warning(
            .constraintError, "parent \(parentCode) of \(code) differs from its code's \(implied)",
            at: row.position))
      }
    }
    for (key, hits) in byName where hits.count > 1 {
      let codes = hits.map { areas[$0].code.rawValue }.joined(separator: ", ")
      diagnostics.append(
        .warning(.duplicateKey, "name '\(key)' is shared by \(codes); it cannot be matched by name")
      )
    }
    addPopulation(populationRows)
    addAliases(aliasRows)
    addCrosswalk(crosswalkRows)
    addPostcodes(postcodeRows)
    for (code, i) in byCode { codeBytes.set(Int32(i), forText: code.rawValue) }
    for (old, _) in crosswalk {
      if byCode[old] == nil, let i = resolve(code: old) {
        codeBytes.set(Int32(i), forText: old.rawValue)
      }
    }
  }

  private mutating func addPopulation(_ rows: [Row]) {
    for row in rows {
      guard row.fields.count >= 2, let code = AreaCode(row.fields[0]),
        let year = Int(row.fields[1].trimmingSpaces())
      else {
        diagnostics.append(
          .error(
            .typeError, "expected code;year;inhabitants;dwellings;households", at: row.position))
        continue
      }
      guard let i = byCode[code] else {
        diagnostics.append(
          .error(
            .unknownArea, "population for \(code), which is not in the registry", at: row.position))
        continue
      }
      func number(_ column: Int) -> Int?? {
        guard column < row.fields.count else { return .some(nil) }
        let text = row.fields[column].trimmingSpaces()
        if text.isEmpty { return .some(nil) }
        guard let v = Int(text), v >= 0 else { return nil }
        return .some(v)
      }
      guard let inhabitants = number(2), let dwellings = number(3), let households = number(4)
      else {
        diagnostics.append(
          .error(
            .typeError, "expected non-negative whole numbers for \(code) \(year)", at: row.position)
        )
        continue
      }
      population[i, default: [:]][year] = Population(
        inhabitants: inhabitants, dwellings: dwellings, households: households)
    }
  }

  private mutating func addAliases(_ rows: [Row]) {
    for row in rows {
      guard row.fields.count >= 2, let code = AreaCode(row.fields[1]) else {
        diagnostics.append(.error(.typeError, "expected alias;code[;source]", at: row.position))
        continue
      }
      guard let i = resolve(code: code) else {
        diagnostics.append(
          .error(.unknownArea, "alias for \(code), which is not in the registry", at: row.position))
        continue
      }
      let key = AreaRegistry.nameKey(row.fields[0])
      guard !key.isEmpty else { continue }
      let source = row.fields.count > 2 ? String(row.fields[2].trimmingSpaces()) : ""
      if !source.isEmpty {
        sourceAliases[source, default: [:]][key] = i
        continue
      }
      if let hits = byName[key], !hits.contains(i) {
        diagnostics.append(
          .warning(
            .duplicateKey,
            "alias '\(key)' for \(code) is also the name of "
              + hits.map { areas[$0].code.rawValue }.joined(separator: ", "), at: row.position))
      }
      if byName[key]?.contains(i) != true { byName[key, default: []].append(i) }
    }
  }

  private mutating func addPostcodes(_ rows: [Row]) {
    for row in rows {
      guard row.fields.count >= 2, let key = AreaRegistry.postcodeKey(row.fields[0]),
        let code = AreaCode(row.fields[1])
      else {
        diagnostics.append(
          .error(
            .typeError, "expected postcode;code (a postcode as 1234AB or 1234)", at: row.position))
        continue
      }
      guard let i = resolve(code: code), areas[i].level <= .wijk else {
        diagnostics.append(
          .error(
            .unknownArea, "postcode \(key) for \(code), which is no wijk or buurt of the registry",
            at: row.position))
        continue
      }
      if let j = postcodes[key], j != i {
        diagnostics.append(
          .warning(
            .duplicateKey,
            "postcode \(key) is listed for \(areas[j].code) and \(code); it counts under "
              + "\(areas[j].code)", at: row.position))
        continue
      }
      postcodes[key] = i
    }
  }

  private mutating func addCrosswalk(_ rows: [Row]) {
    for row in rows {
      guard row.fields.count >= 2, let old = AreaCode(row.fields[0]),
        let new = AreaCode(row.fields[1])
      else {
        diagnostics.append(.error(.typeError, "expected oldCode;newCode;year", at: row.position))
        continue
      }
      if let existing = crosswalk[old], existing != new {
        diagnostics.append(
          .warning(
            .duplicateKey,
            "\(old) splits into \(existing) and \(new); rows with \(old) go to \(existing)",
            at: row.position))
        continue
      }
      crosswalk[old] = new
    }
    for (old, _) in crosswalk where resolve(code: old) == nil {
      diagnostics.append(
        .error(.unknownArea, "crosswalk for \(old) leads to no area in the registry"))
    }
  }
}
