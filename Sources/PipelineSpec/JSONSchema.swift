/// Derives the JSON Schema of a `Decodable` configuration type from the type itself, by
/// decoding it once with a probing decoder that records every key the type asks for, whether
/// it is required, and the type of its value. `docs/pipeline.schema.json` is this schema of
/// `Pipeline`, and a test keeps the two equal.
public enum JSONSchema {
  /// The schema of the pipeline file format.
  public static var pipeline: JSONValue {
    document(
      for: Pipeline.self, id: "https://safetymonitor.example/pipeline.schema.json",
      title: "SafetyMonitor pipeline definition (version 1)")
  }

  /// The schema of `T` as a JSON Schema (draft 2020-12) document.
  public static func document<T: Decodable>(for type: T.Type, id: String, title: String)
    -> JSONValue
  {
    var members: [(String, JSONValue)] = [
      ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
      ("$id", .string(id)), ("title", .string(title)),
    ]
    if case .object(let body) = schema(for: type) { members += body }
    return .object(members)
  }

  /// The schema of `T` (no document header).
  public static func schema<T: Decodable>(for type: T.Type) -> JSONValue {
    (try? Probe.probe(T.self).1) ?? .object([])
  }
}

struct ProbeFailure: Error, CustomStringConvertible {
  var description: String
}

enum Probe {
  static let anyKey = "\u{0}*"

  static func probe<T: Decodable>(_ type: T.Type) throws -> (T, JSONValue) {
    if let scalar = T.self as? any ConfigScalar.Type {
      guard let value = scalar.init(configText: scalar.configSample) as? T else {
        throw ProbeFailure(description: "bad sample for \(T.self)")
      }
      return (value, scalar.configSchema)
    }
    if let v = false as? T { return (v, .object([("type", .string("boolean"))])) }
    if let v = "" as? T { return (v, .object([("type", .string("string"))])) }
    if T.self is any BinaryInteger.Type,
      let v = (T.self as? any LosslessStringConvertible.Type)?
        .init("0") as? T
    {
      return (v, .object([("type", .string("integer"))]))
    }
    if T.self is any BinaryFloatingPoint.Type,
      let v = (T.self as? any LosslessStringConvertible.Type)?
        .init("0") as? T
    {
      return (v, .object([("type", .string("number"))]))
    }
    let decoder = ProbeDecoder()
    let value = try T(from: decoder)
    return (value, decoder.schema())
  }
}

final class ProbeDecoder: Decoder {
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }
  var properties: [(String, JSONValue)] = []
  var required: [String] = []
  var additional: JSONValue?
  var items: JSONValue?
  var single: JSONValue?
  var isObject = false

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    isObject = true
    return KeyedDecodingContainer(ProbeKeyed<Key>(decoder: self))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer { ProbeUnkeyed(decoder: self) }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    ProbeSingle(decoder: self)
  }

  func schema() -> JSONValue {
    if let single { return single }
    if let items { return .object([("type", .string("array")), ("items", items)]) }
    var members: [(String, JSONValue)] = [("type", .string("object"))]
    if let additional {
      members.append(("additionalProperties", additional))
      return .object(members)
    }
    members.append(("properties", .object(properties)))
    if !required.isEmpty { members.append(("required", .array(required.map { .string($0) }))) }
    members.append(("additionalProperties", .bool(false)))
    return .object(members)
  }

  func note(_ key: String, _ schema: JSONValue, required isRequired: Bool) {
    if key == Probe.anyKey {
      additional = schema
      return
    }
    guard !properties.contains(where: { $0.0 == key }) else { return }
    properties.append((key, schema))
    if isRequired { required.append(key) }
  }
}

struct ProbeKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let decoder: ProbeDecoder
  var codingPath: [any CodingKey] { [] }
  var allKeys: [Key] { Key(stringValue: Probe.anyKey).map { [$0] } ?? [] }
  func contains(_ key: Key) -> Bool { true }
  func decodeNil(forKey key: Key) throws -> Bool { false }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    let (value, schema) = try Probe.probe(T.self)
    decoder.note(key.stringValue, schema, required: true)
    return value
  }

  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    let (value, schema) = try Probe.probe(T.self)
    decoder.note(key.stringValue, schema, required: false)
    return value
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key)
    throws -> KeyedDecodingContainer<NestedKey>
  {
    throw ProbeFailure(description: "nested containers are not described")
  }
  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    throw ProbeFailure(description: "nested containers are not described")
  }
  func superDecoder() throws -> any Decoder { decoder }
  func superDecoder(forKey key: Key) throws -> any Decoder { decoder }
}

struct ProbeUnkeyed: UnkeyedDecodingContainer {
  let decoder: ProbeDecoder
  var codingPath: [any CodingKey] { [] }
  var count: Int? { 1 }
  var currentIndex = 0
  var isAtEnd: Bool { currentIndex >= 1 }

  mutating func decodeNil() throws -> Bool { false }
  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try probeValue(type) }
  mutating func probeValue<T: Decodable>(_ type: T.Type) throws -> T {
    let (value, schema) = try Probe.probe(T.self)
    decoder.items = schema
    currentIndex += 1
    return value
  }
  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    throw ProbeFailure(description: "nested containers are not described")
  }
  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    throw ProbeFailure(description: "nested containers are not described")
  }
  mutating func superDecoder() throws -> any Decoder { decoder }
}

struct ProbeSingle: SingleValueDecodingContainer {
  let decoder: ProbeDecoder
  var codingPath: [any CodingKey] { [] }
  func decodeNil() -> Bool { false }
  func decode<T: Decodable>(_ type: T.Type) throws -> T { try probeValue(type) }
  func probeValue<T: Decodable>(_ type: T.Type) throws -> T {
    let (value, schema) = try Probe.probe(T.self)
    decoder.single = schema
    return value
  }
}

// The primitive overloads the container protocols require, routed through the generic paths.
extension ProbeKeyed {
  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try probeRequired(type, key) }
  func decode(_ type: String.Type, forKey key: Key) throws -> String {
    try probeRequired(type, key)
  }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
    try probeRequired(type, key)
  }
  func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try probeRequired(type, key) }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try probeRequired(type, key) }
  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try probeRequired(type, key) }
  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try probeRequired(type, key) }
  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try probeRequired(type, key) }
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try probeRequired(type, key) }
  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try probeRequired(type, key) }
  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try probeRequired(type, key) }
  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
    try probeRequired(type, key)
  }
  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
    try probeRequired(type, key)
  }
  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
    try probeRequired(type, key)
  }
  private func probeRequired<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
    let (value, schema) = try Probe.probe(T.self)
    decoder.note(key.stringValue, schema, required: true)
    return value
  }
}

extension ProbeUnkeyed {
  mutating func decode(_ type: Bool.Type) throws -> Bool { try probeValue(type) }
  mutating func decode(_ type: String.Type) throws -> String { try probeValue(type) }
  mutating func decode(_ type: Double.Type) throws -> Double { try probeValue(type) }
  mutating func decode(_ type: Float.Type) throws -> Float { try probeValue(type) }
  mutating func decode(_ type: Int.Type) throws -> Int { try probeValue(type) }
  mutating func decode(_ type: Int8.Type) throws -> Int8 { try probeValue(type) }
  mutating func decode(_ type: Int16.Type) throws -> Int16 { try probeValue(type) }
  mutating func decode(_ type: Int32.Type) throws -> Int32 { try probeValue(type) }
  mutating func decode(_ type: Int64.Type) throws -> Int64 { try probeValue(type) }
  mutating func decode(_ type: UInt.Type) throws -> UInt { try probeValue(type) }
  mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try probeValue(type) }
  mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try probeValue(type) }
  mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try probeValue(type) }
  mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try probeValue(type) }
}

extension ProbeSingle {
  func decode(_ type: Bool.Type) throws -> Bool { try probeValue(type) }
  func decode(_ type: String.Type) throws -> String { try probeValue(type) }
  func decode(_ type: Double.Type) throws -> Double { try probeValue(type) }
  func decode(_ type: Float.Type) throws -> Float { try probeValue(type) }
  func decode(_ type: Int.Type) throws -> Int { try probeValue(type) }
  func decode(_ type: Int8.Type) throws -> Int8 { try probeValue(type) }
  func decode(_ type: Int16.Type) throws -> Int16 { try probeValue(type) }
  func decode(_ type: Int32.Type) throws -> Int32 { try probeValue(type) }
  func decode(_ type: Int64.Type) throws -> Int64 { try probeValue(type) }
  func decode(_ type: UInt.Type) throws -> UInt { try probeValue(type) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try probeValue(type) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try probeValue(type) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try probeValue(type) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try probeValue(type) }
}

extension ProbeKeyed {
  func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
    try probeOptional(type, key)
  }
  func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
    try probeOptional(type, key)
  }
  func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
    try probeOptional(type, key)
  }
  func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? {
    try probeOptional(type, key)
  }
  func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
    try probeOptional(type, key)
  }
  func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? {
    try probeOptional(type, key)
  }
  func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? {
    try probeOptional(type, key)
  }
  func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? {
    try probeOptional(type, key)
  }
  func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
    try probeOptional(type, key)
  }
  func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? {
    try probeOptional(type, key)
  }
  func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? {
    try probeOptional(type, key)
  }
  func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? {
    try probeOptional(type, key)
  }
  func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? {
    try probeOptional(type, key)
  }
  func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? {
    try probeOptional(type, key)
  }
  private func probeOptional<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
    let (value, schema) = try Probe.probe(T.self)
    decoder.note(key.stringValue, schema, required: false)
    return value
  }
}
