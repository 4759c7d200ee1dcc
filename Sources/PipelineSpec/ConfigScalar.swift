import Detection
import SafetyCore

/// A value written as one YAML scalar with a syntax of its own (area codes, periods, named
/// choices). The strict decoder reports `expected <configExpectation>` for bad text, and the
/// JSON Schema describes it with `configSchema`.
public protocol ConfigScalar {
  /// What a user must write, for messages: `one of: week, month`.
  static var configExpectation: String { get }
  /// The JSON Schema of the scalar.
  static var configSchema: JSONValue { get }
  /// A valid text, used to derive the JSON Schema from the types.
  static var configSample: String { get }
  init?(configText: String)
}

extension ConfigScalar where Self: CaseIterable & RawRepresentable, RawValue == String {
  public static var configExpectation: String {
    "one of: " + allCases.map(\.rawValue).joined(separator: ", ")
  }
  public static var configSchema: JSONValue {
    .object([("type", .string("string")), ("enum", .array(allCases.map { .string($0.rawValue) }))])
  }
  public static var configSample: String { allCases.first?.rawValue ?? "" }
  public init?(configText: String) { self.init(rawValue: configText) }
}

extension SourceShape: ConfigScalar {}
extension AreaMatch: ConfigScalar {}
extension Language: ConfigScalar {}
extension IndicatorUnit: ConfigScalar {}
extension PeriodKind: ConfigScalar {}
extension AreaLevel: ConfigScalar {}
extension DetectorMethod: ConfigScalar {}
extension FlagKind: ConfigScalar {}

extension AreaCode: ConfigScalar {
  public static var configExpectation: String {
    "a CBS area code (GMxxxx, WKxxxxxx or BUxxxxxxxx)"
  }
  public static var configSchema: JSONValue {
    .object([
      ("type", .string("string")), ("pattern", .string("^(GM[0-9]{4}|WK[0-9]{6}|BU[0-9]{8})$")),
    ])
  }
  public static var configSample: String { "GM0001" }
  public init?(configText: String) { self.init(configText) }
}

extension Period: ConfigScalar {
  public static var configExpectation: String { "a period (2024-W36, 2024-09, 2024Q3 or 2024)" }
  public static var configSchema: JSONValue {
    .object([
      ("type", .string("string")),
      ("pattern", .string("^[0-9]{4}(-W[0-9]{2}|-[0-9]{2}|-?Q[1-4])?$")),
    ])
  }
  public static var configSample: String { "2024" }
  public init?(configText: String) { self.init(parsing: configText) }
}
