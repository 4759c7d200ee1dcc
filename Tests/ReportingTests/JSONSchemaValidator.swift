import Foundation

/// A JSON value as read (objects keep no order; numbers are integers when they have no
/// fraction).
indirect enum JSONNode: Decodable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONNode])
  case object([String: JSONNode])

  init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if c.decodeNil() {
      self = .null
    } else if let b = try? c.decode(Bool.self) {
      self = .bool(b)
    } else if let i = try? c.decode(Int.self) {
      self = .int(i)
    } else if let d = try? c.decode(Double.self) {
      self = .double(d)
    } else if let s = try? c.decode(String.self) {
      self = .string(s)
    } else if let a = try? c.decode([JSONNode].self) {
      self = .array(a)
    } else {
      self = .object(try c.decode([String: JSONNode].self))
    }
  }

  static func parse(_ data: Data) throws -> JSONNode {
    try JSONDecoder().decode(JSONNode.self, from: data)
  }

  var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "boolean"
    case .int: "integer"
    case .double: "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }

  var number: Double? {
    switch self {
    case .int(let i): Double(i)
    case .double(let d): d
    default: nil
    }
  }

  subscript(key: String) -> JSONNode? {
    if case .object(let o) = self { return o[key] }
    return nil
  }

  /// Every string and number leaf with its path (for scanning outputs).
  func leaves(path: String = "$") -> [(path: String, value: JSONNode)] {
    switch self {
    case .array(let a): a.enumerated().flatMap { $1.leaves(path: "\(path)[\($0)]") }
    case .object(let o): o.flatMap { $1.leaves(path: "\(path).\($0)") }
    default: [(path, self)]
    }
  }
}

/// A small JSON Schema (draft 2020-12) validator for the keywords `docs/report.schema.json`
/// uses: `type` (one or several), `properties`, `required`, `additionalProperties` (false
/// or a schema), `items`, `enum`, `const`, `oneOf`, `$ref` to `#/$defs/...`, `pattern`,
/// `minimum`. Any other keyword is reported, so the schema cannot claim more than is
/// checked.
struct JSONSchemaValidator {
  let root: JSONNode

  static let known: Set<String> = [
    "$schema", "$id", "title", "description", "$defs", "type", "properties", "required",
    "additionalProperties", "items", "enum", "const", "oneOf", "$ref", "pattern", "minimum",
  ]

  init(schema data: Data) throws { root = try JSONNode.parse(data) }

  /// Every problem found, as `path: message`.
  func validate(_ data: Data) throws -> [String] {
    var errors: [String] = []
    check(try JSONNode.parse(data), root, path: "$", errors: &errors)
    return errors
  }

  func resolve(_ schema: JSONNode) -> JSONNode {
    guard case .string(let ref)? = schema["$ref"], ref.hasPrefix("#/$defs/"),
      let target = root["$defs"]?[String(ref.dropFirst("#/$defs/".count))]
    else { return schema }
    return resolve(target)
  }

  func check(_ value: JSONNode, _ raw: JSONNode, path: String, errors: inout [String]) {
    if case .string(let ref)? = raw["$ref"], resolve(raw) == raw {
      errors.append("\(path): unresolved \(ref)")
      return
    }
    let schema = resolve(raw)
    guard case .object(let keywords) = schema else {
      errors.append("\(path): the schema is not an object")
      return
    }
    for key in keywords.keys where !Self.known.contains(key) {
      errors.append("\(path): the schema uses the unsupported keyword \(key)")
    }
    if let t = keywords["type"] {
      var allowed: [String] = []
      if case .string(let s) = t { allowed = [s] }
      if case .array(let a) = t {
        allowed = a.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
      }
      let actual = value.typeName
      let ok = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
      if !ok {
        errors.append("\(path): expected \(allowed.joined(separator: "|")), found \(actual)")
        return
      }
    }
    if case .array(let options)? = keywords["enum"], !options.contains(value) {
      errors.append("\(path): \(value) is not one of the enum")
    }
    if let c = keywords["const"], c != value {
      errors.append("\(path): expected \(c), found \(value)")
    }
    if case .array(let alternatives)? = keywords["oneOf"] {
      let matches = alternatives.filter { alt in
        var e: [String] = []
        check(value, alt, path: path, errors: &e)
        return e.isEmpty
      }.count
      if matches != 1 { errors.append("\(path): matches \(matches) of oneOf, expected 1") }
    }
    if case .string(let s) = value, case .string(let pattern)? = keywords["pattern"],
      s.range(of: pattern, options: .regularExpression) == nil
    {
      errors.append("\(path): '\(s)' does not match \(pattern)")
    }
    if let n = value.number, let min = keywords["minimum"]?.number, n < min {
      errors.append("\(path): \(n) is below \(min)")
    }
    if case .object(let object) = value {
      let properties: [String: JSONNode] = {
        if case .object(let p)? = keywords["properties"] { return p }
        return [:]
      }()
      if case .array(let required)? = keywords["required"] {
        for case .string(let key) in required where object[key] == nil {
          errors.append("\(path): missing \(key)")
        }
      }
      for (key, member) in object {
        if let p = properties[key] {
          check(member, p, path: "\(path).\(key)", errors: &errors)
        } else if let extra = keywords["additionalProperties"] {
          if case .bool(let allowed) = extra {
            if !allowed { errors.append("\(path): \(key) is not in the schema") }
          } else {
            check(member, extra, path: "\(path).\(key)", errors: &errors)
          }
        }
      }
    }
    if case .array(let array) = value, let items = keywords["items"] {
      for (i, element) in array.enumerated() {
        check(element, items, path: "\(path)[\(i)]", errors: &errors)
      }
    }
  }
}
