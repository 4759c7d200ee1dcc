import Foundation

/// Renders the report as JSON: the report model itself (`SafetyReport`), keys sorted,
/// described by `docs/report.schema.json`. Counts below the minimum cell are the text
/// `"<5"`, suppressed values a code (`"suppressed-count"`, ...).
public struct JSONReportRenderer: Sendable {
  public let report: SafetyReport

  public init(_ report: SafetyReport) { self.report = report }

  public func render() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    let data = try encoder.encode(report)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// Reads a report back (for tests and tools that consume the JSON).
  public static func decode(_ text: String) throws -> SafetyReport {
    try JSONDecoder().decode(SafetyReport.self, from: Data(text.utf8))
  }
}

/// Renders the wijken and buurten as a GeoJSON FeatureCollection for QGIS: the boundaries
/// as given (with their `crs`), and flat properties per area — code, name, level, parent,
/// inhabitants, per theme the count (`null` when below the minimum cell), the index and
/// the rate (`null` when not shown), open flags and the most pressing flag status.
public struct GeoJSONReportRenderer: Sendable {
  public let report: SafetyReport

  public init(_ report: SafetyReport) { self.report = report }

  public func render() throws -> String {
    var features: [GeoJSONFeature<FeatureProperties>] = []
    let text = ReportText(report)
    for area in report.areas {
      guard let geometry = report.boundaries[area.code] else { continue }
      var p = FeatureProperties()
      p["code"] = .string(area.code)
      p["name"] = .string(area.name)
      p["level"] = .string(area.level.rawValue)
      p["parent"] = area.parent.map { .string($0) } ?? .null
      p["period"] = .string(report.period.id)
      p["inhabitants"] = area.population?.inhabitants.map { .int($0) } ?? .null
      for theme in report.themes {
        let t = area.theme(theme.id)
        p["\(theme.id)_count"] = t?.figures.count.exactValue.map { .int($0) } ?? .null
        p["\(theme.id)_count_text"] = t.map { .string(text.count($0.figures.count)) } ?? .null
        p["\(theme.id)_rate"] = t?.ratePerThousandInhabitants.number.map { .double($0) } ?? .null
        p["\(theme.id)_index"] = t?.index.number.map { .double($0) } ?? .null
        for (i, c) in report.comparisons.enumerated() {
          let change = t.flatMap { i < $0.figures.compared.count ? $0.figures.compared[i] : nil }
          p["\(theme.id)_change_\(c.period.id)"] =
            change?.change.number.map { .double(($0 * 1000).rounded() / 10) } ?? .null
        }
      }
      p["flags_open"] = .int(area.flags.open)
      p["flags_new"] = .int(area.flags.new)
      p["flags_escalated"] = .int(area.flags.escalated)
      p["flag_status"] = area.flags.status.map { .string($0.rawValue) } ?? .null
      p["flag_status_label"] = area.flags.status.map { .string(text.status($0)) } ?? .null
      p["flag_themes"] = .string(area.flags.themes.joined(separator: ","))
      features.append(GeoJSONFeature(properties: p, geometry: geometry))
    }
    let collection = GeoJSONFeatureCollection(crs: report.boundaryCRS, features: features)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    let data = try encoder.encode(collection)
    // One feature per line: diffable, and still one valid JSON document.
    var out = String(decoding: data, as: UTF8.self)
    out = out.replacingOccurrences(of: "\"features\":[{", with: "\"features\":[\n{")
    out = out.replacingOccurrences(of: "},{\"geometry\":", with: "},\n{\"geometry\":")
    return out + "\n"
  }
}

/// Flat GeoJSON properties (QGIS reads each as an attribute column); written with sorted
/// keys.
public struct FeatureProperties: Sendable, Codable, Hashable {
  public enum Value: Sendable, Codable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case null

    public init(from decoder: any Decoder) throws {
      let c = try decoder.singleValueContainer()
      if c.decodeNil() {
        self = .null
      } else if let i = try? c.decode(Int.self) {
        self = .int(i)
      } else if let d = try? c.decode(Double.self) {
        self = .double(d)
      } else {
        self = .string(try c.decode(String.self))
      }
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.singleValueContainer()
      switch self {
      case .string(let s): try c.encode(s)
      case .int(let i): try c.encode(i)
      case .double(let d): try c.encode(d)
      case .null: try c.encodeNil()
      }
    }
  }

  public private(set) var entries: [(key: String, value: Value)] = []

  public init() {}

  public subscript(key: String) -> Value? {
    get { entries.first { $0.key == key }?.value }
    set {
      if let i = entries.firstIndex(where: { $0.key == key }) {
        if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
      } else if let newValue {
        entries.append((key, newValue))
      }
    }
  }

  public static func == (a: FeatureProperties, b: FeatureProperties) -> Bool {
    a.entries.count == b.entries.count
      && zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
  }

  public func hash(into hasher: inout Hasher) {
    for e in entries {
      hasher.combine(e.key)
      hasher.combine(e.value)
    }
  }

  struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Key.self)
    for key in c.allKeys {
      entries.append((key.stringValue, try c.decode(Value.self, forKey: key)))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    for (key, value) in entries { try c.encode(value, forKey: Key(stringValue: key)) }
  }
}
