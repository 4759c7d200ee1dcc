import SafetyCore

/// A JSON value with ordered object members, for the JSON Schema and machine-readable
/// output (no `[String: Any]`).
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (a: JSONValue, b: JSONValue) -> Bool {
    switch (a, b) {
    case (.null, .null): true
    case (.bool(let x), .bool(let y)): x == y
    case (.int(let x), .int(let y)): x == y
    case (.double(let x), .double(let y)): x == y
    case (.string(let x), .string(let y)): x == y
    case (.array(let x), .array(let y)): x == y
    case (.object(let x), .object(let y)):
      x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: false
    }
  }

  /// The member `key` of an object.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first(where: { $0.0 == key })?.1
  }

  /// Pretty-printed with two-space indentation (`indent: nil` for one line).
  public func rendered(indent: Int? = 2) -> String {
    var out = ""
    render(into: &out, level: 0, indent: indent)
    return out
  }

  private func render(into out: inout String, level: Int, indent: Int?) {
    let newline = indent == nil ? "" : "\n"
    let pad = { (l: Int) in String(repeating: " ", count: (indent ?? 0) * l) }
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .double(let d): out += d.isFinite ? String(d) : "null"
    case .string(let s): out += JSONValue.quote(s)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "[" + newline
      for (i, item) in items.enumerated() {
        out += pad(level + 1)
        item.render(into: &out, level: level + 1, indent: indent)
        out += (i + 1 < items.count ? "," : "") + newline
      }
      out += pad(level) + "]"
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      out += "{" + newline
      for (i, (key, value)) in members.enumerated() {
        out += pad(level + 1) + JSONValue.quote(key) + (indent == nil ? ":" : ": ")
        value.render(into: &out, level: level + 1, indent: indent)
        out += (i + 1 < members.count ? "," : "") + newline
      }
      out += pad(level) + "}"
    }
  }

  /// A JSON string literal.
  public static func quote(_ s: String) -> String { JSONString.quoted(s) }
}
