import SafetyCore
import Yams

/// The `Decoder` over one YAML node. A keyed container remembers which keys the type asked
/// for; keys it never asked for are unknown and rejected after the type has decoded.
final class NodeDecoder: Decoder {
  let node: Node
  let state: DecodingState
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }
  private var trackers: [KeyTracker] = []

  init(node: Node, state: DecodingState, codingPath: [any CodingKey]) {
    self.node = node
    self.state = state
    self.codingPath = codingPath
  }

  var whereText: String {
    let dotted = dottedPath(codingPath)
    return dotted.isEmpty ? "" : " for '\(dotted)'"
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .mapping(let mapping) = node else {
      throw state.fail(node, "expected a mapping\(whereText), found \(describe(node))")
    }
    let tracker = try KeyTracker(mapping: mapping, state: state)
    trackers.append(tracker)
    return KeyedDecodingContainer(
      KeyedNodeContainer<Key>(decoder: self, tracker: tracker))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .sequence(let sequence) = node else {
      throw state.fail(node, "expected a list\(whereText), found \(describe(node))")
    }
    return UnkeyedNodeContainer(decoder: self, elements: Array(sequence))
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    SingleNodeContainer(decoder: self)
  }

  /// Rejects keys of the mapping that the decoded type never asked for (only those close
  /// to `near` when given: a misspelling of a missing key).
  func checkUnusedKeys(near: String? = nil) throws {
    for tracker in trackers where !tracker.askedAll {
      for (key, keyNode) in tracker.keys where !tracker.asked.contains(key) {
        if let near, editDistance(near, key) > max(2, near.count / 3) { continue }
        let known = tracker.asked.sorted()
        var message = "unknown key '\(key)'\(whereText)"
        if let best = known.min(by: { editDistance($0, key) < editDistance($1, key) }),
          editDistance(best, key) <= max(2, key.count / 3)
        {
          message += "; did you mean '\(best)'?"
        } else if !known.isEmpty {
          message += "; expected one of: \(known.joined(separator: ", "))"
        }
        throw state.fail(keyNode, message, .unknownKey)
      }
    }
  }
}

func describe(_ node: Node) -> String {
  switch node {
  case .scalar(let s): "'\(s.string)'"
  case .mapping: "a mapping"
  case .sequence: "a list"
  case .alias: "an alias"
  }
}

func isNull(_ node: Node) -> Bool {
  guard case .scalar(let s) = node else { return false }
  return s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)
}

final class KeyTracker {
  /// Keys in file order with their key nodes, and the value per key.
  var keys: [(String, Node)] = []
  var values: [String: Node] = [:]
  var asked: Set<String> = []
  /// Set when the type enumerated all keys (`allKeys`): none is unknown then.
  var askedAll = false

  init(mapping: Node.Mapping, state: DecodingState) throws {
    for (keyNode, valueNode) in mapping {
      guard case .scalar(let scalar) = keyNode else {
        throw state.fail(keyNode, "expected a text key, found \(describe(keyNode))")
      }
      keys.append((scalar.string, keyNode))
      values[scalar.string] = valueNode
    }
  }
}

struct KeyedNodeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let decoder: NodeDecoder
  let tracker: KeyTracker
  var codingPath: [any CodingKey] { decoder.codingPath }

  var allKeys: [Key] {
    tracker.askedAll = true
    return tracker.keys.compactMap { Key(stringValue: $0.0) }
  }

  func contains(_ key: Key) -> Bool {
    tracker.asked.insert(key.stringValue)
    return tracker.values[key.stringValue] != nil
  }

  fileprivate func value(_ key: Key) throws -> Node {
    tracker.asked.insert(key.stringValue)
    guard let node = tracker.values[key.stringValue] else {
      throw MissingKey(
        decoder: ObjectIdentifier(decoder), key: key.stringValue,
        diagnostic: decoder.state.fail(
          decoder.node, "missing key '\(key.stringValue)'\(decoder.whereText)"))
    }
    return node
  }

  func decodeNil(forKey key: Key) throws -> Bool { isNull(try value(key)) }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    let node = try value(key)
    return try decoder.state.decodeValue(T.self, node: node, path: codingPath + [key])
  }

  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    tracker.asked.insert(key.stringValue)
    guard let node = tracker.values[key.stringValue], !isNull(node) else { return nil }
    return try decoder.state.decodeValue(T.self, node: node, path: codingPath + [key])
  }

  func nestedContainer<NestedKey: CodingKey>(
    keyedBy type: NestedKey.Type, forKey key: Key
  ) throws -> KeyedDecodingContainer<NestedKey> {
    let child = NodeDecoder(
      node: try value(key), state: decoder.state, codingPath: codingPath + [key])
    return try child.container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    let child = NodeDecoder(
      node: try value(key), state: decoder.state, codingPath: codingPath + [key])
    return try child.unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder { decoder }
  func superDecoder(forKey key: Key) throws -> any Decoder {
    NodeDecoder(node: try value(key), state: decoder.state, codingPath: codingPath + [key])
  }
}

struct UnkeyedNodeContainer: UnkeyedDecodingContainer {
  let decoder: NodeDecoder
  let elements: [Node]
  var currentIndex = 0
  var codingPath: [any CodingKey] { decoder.codingPath }
  var count: Int? { elements.count }
  var isAtEnd: Bool { currentIndex >= elements.count }

  init(decoder: NodeDecoder, elements: [Node]) {
    self.decoder = decoder
    self.elements = elements
  }

  private mutating func next() throws -> (Node, PathKey) {
    guard !isAtEnd else {
      throw decoder.state.fail(decoder.node, "list too short\(decoder.whereText)")
    }
    defer { currentIndex += 1 }
    return (elements[currentIndex], PathKey(intValue: currentIndex))
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, isNull(elements[currentIndex]) else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeGeneric(type) }

  mutating func decodeGeneric<T: Decodable>(_ type: T.Type) throws -> T {
    let (node, key) = try next()
    return try decoder.state.decodeValue(T.self, node: node, path: codingPath + [key])
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    let (node, key) = try next()
    return try NodeDecoder(node: node, state: decoder.state, codingPath: codingPath + [key])
      .container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    let (node, key) = try next()
    return try NodeDecoder(node: node, state: decoder.state, codingPath: codingPath + [key])
      .unkeyedContainer()
  }

  mutating func superDecoder() throws -> any Decoder {
    let (node, key) = try next()
    return NodeDecoder(node: node, state: decoder.state, codingPath: codingPath + [key])
  }
}

struct SingleNodeContainer: SingleValueDecodingContainer {
  let decoder: NodeDecoder
  var codingPath: [any CodingKey] { decoder.codingPath }

  func decodeNil() -> Bool { isNull(decoder.node) }

  func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeGeneric(type) }

  func decodeGeneric<T: Decodable>(_ type: T.Type) throws -> T {
    try decoder.state.decodeValue(T.self, node: decoder.node, path: codingPath)
  }
}

// The primitive overloads the container protocols require, routed through the generic paths.
extension KeyedNodeContainer {
  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
    try decode(type as Bool.Type, key)
  }
  func decode(_ type: String.Type, forKey key: Key) throws -> String {
    try decode(type as String.Type, key)
  }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
    try decode(type as Double.Type, key)
  }
  func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
    try decode(type as Float.Type, key)
  }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(type as Int.Type, key) }
  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
    try decode(type as Int8.Type, key)
  }
  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
    try decode(type as Int16.Type, key)
  }
  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
    try decode(type as Int32.Type, key)
  }
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
    try decode(type as Int64.Type, key)
  }
  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
    try decode(type as UInt.Type, key)
  }
  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
    try decode(type as UInt8.Type, key)
  }
  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
    try decode(type as UInt16.Type, key)
  }
  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
    try decode(type as UInt32.Type, key)
  }
  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
    try decode(type as UInt64.Type, key)
  }
  private func decode<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
    let node = try value(key)
    return try decoder.state.decodeValue(T.self, node: node, path: codingPath + [key])
  }
}

extension UnkeyedNodeContainer {
  mutating func decode(_ type: Bool.Type) throws -> Bool { try decodeGeneric(type) }
  mutating func decode(_ type: String.Type) throws -> String { try decodeGeneric(type) }
  mutating func decode(_ type: Double.Type) throws -> Double { try decodeGeneric(type) }
  mutating func decode(_ type: Float.Type) throws -> Float { try decodeGeneric(type) }
  mutating func decode(_ type: Int.Type) throws -> Int { try decodeGeneric(type) }
  mutating func decode(_ type: Int8.Type) throws -> Int8 { try decodeGeneric(type) }
  mutating func decode(_ type: Int16.Type) throws -> Int16 { try decodeGeneric(type) }
  mutating func decode(_ type: Int32.Type) throws -> Int32 { try decodeGeneric(type) }
  mutating func decode(_ type: Int64.Type) throws -> Int64 { try decodeGeneric(type) }
  mutating func decode(_ type: UInt.Type) throws -> UInt { try decodeGeneric(type) }
  mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeGeneric(type) }
  mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeGeneric(type) }
  mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeGeneric(type) }
  mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeGeneric(type) }
}

extension SingleNodeContainer {
  func decode(_ type: Bool.Type) throws -> Bool { try decodeGeneric(type) }
  func decode(_ type: String.Type) throws -> String { try decodeGeneric(type) }
  func decode(_ type: Double.Type) throws -> Double { try decodeGeneric(type) }
  func decode(_ type: Float.Type) throws -> Float { try decodeGeneric(type) }
  func decode(_ type: Int.Type) throws -> Int { try decodeGeneric(type) }
  func decode(_ type: Int8.Type) throws -> Int8 { try decodeGeneric(type) }
  func decode(_ type: Int16.Type) throws -> Int16 { try decodeGeneric(type) }
  func decode(_ type: Int32.Type) throws -> Int32 { try decodeGeneric(type) }
  func decode(_ type: Int64.Type) throws -> Int64 { try decodeGeneric(type) }
  func decode(_ type: UInt.Type) throws -> UInt { try decodeGeneric(type) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeGeneric(type) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeGeneric(type) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeGeneric(type) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeGeneric(type) }
}
