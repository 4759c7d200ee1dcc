import Foundation
import PipelineSpec
import Reporting
import SafetyCore

/// Area boundaries for maps and the GeoJSON output: the pipeline's `areas.boundaries`
/// (a GeoJSON FeatureCollection of Polygon/MultiPolygon features with `properties.code`).
public struct Boundaries: Sendable {
  public var geometries: [String: GeoJSONGeometry]
  public var crs: GeoJSONCRS?

  public init(geometries: [String: GeoJSONGeometry] = [:], crs: GeoJSONCRS? = nil) {
    self.geometries = geometries
    self.crs = crs
  }

  /// Reads the pipeline's boundaries file; none when the pipeline names none. A file that
  /// cannot be read or decoded is a diagnostic naming it.
  public static func load(_ pipeline: LoadedPipeline) throws(Diagnostic) -> Boundaries {
    guard let file = pipeline.spec.areas.boundaries else { return Boundaries() }
    let path = pipeline.resolve(file)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Diagnostic.error(
        .ioError, "cannot read the boundaries file",
        at: SourcePosition(file: path, line: 1, column: 1))
    }
    return try decode(data, file: path)
  }

  public static func decode(_ data: Data, file: String) throws(Diagnostic) -> Boundaries {
    do {
      let collection = try JSONDecoder().decode(
        GeoJSONFeatureCollection<BoundaryProperties>.self, from: data)
      var out: [String: GeoJSONGeometry] = [:]
      for feature in collection.features {
        out[feature.properties.code.uppercased()] = feature.geometry
      }
      return Boundaries(geometries: out, crs: collection.crs)
    } catch {
      throw Diagnostic.error(
        .typeError, "not a GeoJSON FeatureCollection of areas with properties.code: \(error)",
        at: SourcePosition(file: file, line: 1, column: 1))
    }
  }
}
