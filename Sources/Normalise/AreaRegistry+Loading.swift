import CSVIngest
import PipelineSpec
import SafetyCore

extension AreaRegistry {
  /// Reads the registry files a pipeline names (`;`-separated, header row, UTF-8 or
  /// Windows-1252): `registry` (`code;name;parent`), and when given `population`
  /// (`code;year;inhabitants;dwellings;households`), `aliases` (`alias;code[;source]`),
  /// `crosswalk` (`oldCode;newCode;year`) and `postcodes` (`postcode;code`). Columns are
  /// found by their names (any order, extra columns ignored). Unreadable files throw; row
  /// problems end up in `diagnostics`.
  public static func load(_ pipeline: LoadedPipeline) throws -> AreaRegistry {
    let files = pipeline.spec.areas
    var problems: [Diagnostic] = []
    func rows(_ path: String?, _ columns: [String]) throws -> [Row] {
      guard let path else { return [] }
      let table = try readTable(pipeline.resolve(path), columns: columns)
      problems += table.problems
      return table.rows
    }
    var registry = AreaRegistry(
      areas: try rows(files.registry, ["code", "name", "parent"]),
      population: try rows(
        files.population, ["code", "year", "inhabitants", "dwellings", "households"]),
      aliases: try rows(files.aliases, ["alias", "code", "source"]),
      crosswalk: try rows(files.crosswalk, ["oldCode", "newCode", "year"]),
      postcodes: try rows(files.postcodes, ["postcode", "code"]))
    registry.add(problems)
    return registry
  }

  /// Reads a registry table with its fields in the order of `columns`: found by header
  /// name (case- and space-insensitive, any order, extra columns ignored; an absent
  /// optional column reads as empty). When the header names not even the first two
  /// columns, the fields are taken by position, with a warning saying so.
  public static func readTable(_ path: String, columns: [String]) throws -> (
    rows: [Row], problems: [Diagnostic]
  ) {
    var rows: [Row] = []
    var problems: [Diagnostic] = []
    var order: [Int?]? = nil
    let reader = try CSVReader(path: path)
    try reader.forEachRecord { record in
      let fields = record.strings()
      if record.isHeader {
        var byName: [String: Int] = [:]
        for (i, label) in fields.enumerated() where byName[normaliseHeader(label)] == nil {
          byName[normaliseHeader(label)] = i
        }
        let found = columns.map { byName[normaliseHeader($0)] }
        if found.prefix(2).allSatisfy({ $0 != nil }) {
          order = found
        } else {
          problems.append(
            .warning(
              .missingColumn,
              "the header does not name the columns \(columns.joined(separator: ";")); "
                + "the columns are read in that order", at: record.position))
        }
        return
      }
      guard let order else {
        rows.append(Row(fields, at: record.position))
        return
      }
      rows.append(
        Row(
          order.map { i in i.map { $0 < fields.count ? fields[$0] : "" } ?? "" },
          at: record.position))
    }
    return (rows, problems)
  }
}
