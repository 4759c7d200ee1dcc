/// The parts of GeoJSON (RFC 7946) SafetyMonitor reads and writes: a FeatureCollection of
/// Polygon / MultiPolygon features with typed properties. Coordinates are kept as given
/// (the demo's boundaries are in RD New, EPSG:28992 metres; a `crs` member says so).
public enum GeoJSONGeometry: Sendable, Hashable, Codable {
  case polygon([[[Double]]])
  case multiPolygon([[[[Double]]]])

  private enum CodingKeys: String, CodingKey { case type, coordinates }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    switch try c.decode(String.self, forKey: .type) {
    case "Polygon": self = .polygon(try c.decode([[[Double]]].self, forKey: .coordinates))
    case "MultiPolygon":
      self = .multiPolygon(try c.decode([[[[Double]]]].self, forKey: .coordinates))
    case let other:
      throw DecodingError.dataCorruptedError(
        forKey: .type, in: c,
        debugDescription: "geometry type \(other) is not supported (Polygon, MultiPolygon)")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .polygon(let rings):
      try c.encode("Polygon", forKey: .type)
      try c.encode(rings, forKey: .coordinates)
    case .multiPolygon(let polygons):
      try c.encode("MultiPolygon", forKey: .type)
      try c.encode(polygons, forKey: .coordinates)
    }
  }

  /// Every polygon as rings of (x, y) points.
  public var polygons: [[[(x: Double, y: Double)]]] {
    let all: [[[[Double]]]] =
      switch self {
      case .polygon(let rings): [rings]
      case .multiPolygon(let polygons): polygons
      }
    return all.map { rings in
      rings.map { ring in ring.compactMap { $0.count >= 2 ? (x: $0[0], y: $0[1]) : nil } }
    }
  }
}

/// A feature with typed properties.
public struct GeoJSONFeature<Properties: Codable & Sendable>: Sendable, Codable {
  public var type = "Feature"
  public var properties: Properties
  public var geometry: GeoJSONGeometry

  public init(properties: Properties, geometry: GeoJSONGeometry) {
    self.properties = properties
    self.geometry = geometry
  }
}

/// A named coordinate reference system (the legacy `crs` member QGIS still reads).
public struct GeoJSONCRS: Sendable, Codable, Hashable {
  public struct Name: Sendable, Codable, Hashable { public var name: String }
  public var type = "name"
  public var properties: Name

  /// RD New, the Dutch national grid.
  public static let rdNew = GeoJSONCRS(properties: Name(name: "urn:ogc:def:crs:EPSG::28992"))
}

public struct GeoJSONFeatureCollection<Properties: Codable & Sendable>: Sendable, Codable {
  public var type = "FeatureCollection"
  public var crs: GeoJSONCRS?
  public var features: [GeoJSONFeature<Properties>]

  public init(crs: GeoJSONCRS? = nil, features: [GeoJSONFeature<Properties>]) {
    self.crs = crs
    self.features = features
  }
}

/// The properties boundary files carry: at least the CBS code.
public struct BoundaryProperties: Sendable, Codable, Hashable {
  public var code: String
  public var name: String?
}
