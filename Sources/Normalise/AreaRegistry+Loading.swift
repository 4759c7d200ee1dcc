import CSVIngest
import PipelineSpec
import SafetyCore

extension AreaRegistry {
  /// Reads the registry files a pipeline names (`;`-separated, header row, UTF-8 or
  /// Windows-1252): `registry` (`code;name;parent`), and when given `population`
  /// (`code;year;inhabitants;dwellings;households`), `aliases` (`alias;code[;source]`) and
  /// `crosswalk` (`oldCode;newCode;year`). Unreadable files throw; row problems end up in
  /// `diagnostics`.
  public static func load(_ pipeline: LoadedPipeline) throws -> AreaRegistry {
    let files = pipeline.spec.areas
    func rows(_ path: String?) throws -> [Row] {
      guard let path else { return [] }
      var out: [Row] = []
      let reader = try CSVReader(path: pipeline.resolve(path))
      try reader.forEachRecord { record in
        if record.isHeader { return }
        out.append(Row(record.strings(), at: record.position))
      }
      return out
    }
    return AreaRegistry(
      areas: try rows(files.registry), population: try rows(files.population),
      aliases: try rows(files.aliases), crosswalk: try rows(files.crosswalk))
  }
}
