/// A YAML mapping whose key order matters (themes, sources and indicators are shown in
/// the order the pipeline file lists them). Decodes from and encodes to a mapping.
public struct KeyedList<Value: Sendable>: Sendable {
  public private(set) var entries: [(key: String, value: Value)]

  public init(_ entries: [(key: String, value: Value)] = []) { self.entries = entries }

  public subscript(key: String) -> Value? {
    entries.first(where: { $0.key == key })?.value
  }

  public var keys: [String] { entries.map(\.key) }
  public var values: [Value] { entries.map(\.value) }
  public var count: Int { entries.count }
  public var isEmpty: Bool { entries.isEmpty }
}

extension KeyedList: Sequence {
  public func makeIterator() -> IndexingIterator<[(key: String, value: Value)]> {
    entries.makeIterator()
  }
}

extension KeyedList: Equatable where Value: Equatable {
  public static func == (a: KeyedList, b: KeyedList) -> Bool {
    a.entries.count == b.entries.count
      && zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
  }
}

struct AnyKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

extension KeyedList: Decodable where Value: Decodable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: AnyKey.self)
    var entries: [(key: String, value: Value)] = []
    for key in container.allKeys {
      entries.append((key.stringValue, try container.decode(Value.self, forKey: key)))
    }
    self.entries = entries
  }
}

extension KeyedList: Encodable where Value: Encodable {
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: AnyKey.self)
    for (key, value) in entries {
      try container.encode(value, forKey: AnyKey(stringValue: key))
    }
  }
}
