import SafetyCore
import Yams

/// Decodes `Decodable` types from YAML strictly: through Yams' node tree, so every value
/// keeps its `line:column`; unknown keys, wrong types and bad enum values are rejected with
/// the position and what was expected. Problems are thrown as a `Diagnostic`.
public enum StrictYAMLDecoder {
  /// Decodes `T` from `text`; `file` names the input in diagnostics. Also returns where each
  /// value was found, by dotted coding path (`sources.politie.date.format`).
  public static func decode<T: Decodable>(
    _ type: T.Type, from text: String, file: String
  ) throws(Diagnostic) -> (value: T, locations: SpecLocations) {
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: text) else {
        throw Diagnostic.error(
          .configError, "the file is empty; expected a mapping",
          at: SourcePosition(file: file, line: 1, column: 1))
      }
      root = node
    } catch let d as Diagnostic {
      throw d
    } catch let e as YamlError {
      throw diagnostic(for: e, file: file)
    } catch {
      throw Diagnostic.error(.configError, "cannot read YAML: \(error)")
    }
    let state = DecodingState(file: file)
    do {
      let value = try state.decodeValue(T.self, node: root, path: [])
      return (value, SpecLocations(positions: state.positions, file: file))
    } catch let d as Diagnostic {
      throw d
    } catch {
      throw Diagnostic.error(
        .configError, "\(error)", at: SourcePosition(file: file, line: 1, column: 1))
    }
  }

  static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return .error(
        .configError, "invalid YAML: \(problem)",
        at: SourcePosition(file: file, line: mark.line, column: mark.column))
    case .duplicatedKeysInMapping(let duplicates, let context):
      return .error(
        .configError, "duplicate key \(duplicates.joined(separator: ", ")) in a mapping",
        at: SourcePosition(file: file, line: context.mark.line, column: context.mark.column))
    default:
      return .error(
        .configError, "invalid YAML: \(error)",
        at: SourcePosition(file: file, line: 1, column: 1))
    }
  }
}

/// Where the values of a decoded file were, by dotted coding path.
public struct SpecLocations: Sendable, Equatable {
  var positions: [String: SourcePosition]
  public let file: String

  public init(positions: [String: SourcePosition] = [:], file: String) {
    self.positions = positions
    self.file = file
  }

  /// The position of `path` (`["sources", "politie", "files"]`), or of its nearest
  /// enclosing value when the path itself was absent, or the file's start.
  public func position(_ path: [String]) -> SourcePosition {
    var p = path
    while true {
      if let found = positions[p.joined(separator: ".")] { return found }
      if p.isEmpty { return SourcePosition(file: file, line: 1, column: 1) }
      p.removeLast()
    }
  }
}

struct PathKey: CodingKey {
  var stringValue: String
  var intValue: Int?
  init(stringValue: String) { self.stringValue = stringValue }
  init(intValue: Int) {
    self.stringValue = "[\(intValue)]"
    self.intValue = intValue
  }
}

func dottedPath(_ path: [any CodingKey]) -> String {
  var out = ""
  for key in path {
    if key.intValue != nil {
      out += key.stringValue
    } else {
      if !out.isEmpty { out += "." }
      out += key.stringValue
    }
  }
  return out
}

/// A required key is absent from the mapping `decoder` reads.
struct MissingKey: Error {
  let decoder: ObjectIdentifier
  let key: String
  let diagnostic: Diagnostic
}

final class DecodingState {
  let file: String
  var positions: [String: SourcePosition] = [:]

  init(file: String) { self.file = file }

  func position(_ node: Node) -> SourcePosition {
    let mark = node.mark
    return SourcePosition(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
  }

  func fail(_ node: Node, _ message: String, _ code: DiagnosticCode = .configError)
    -> Diagnostic
  {
    .error(code, message, at: position(node))
  }

  func decodeValue<T: Decodable>(_ type: T.Type, node: Node, path: [any CodingKey]) throws -> T {
    let dotted = dottedPath(path)
    positions[dotted] = position(node)
    let whereText = dotted.isEmpty ? "" : " for '\(dotted)'"
    if let scalarType = T.self as? any ConfigScalar.Type {
      let text = try scalarText(node, expected: scalarType.configExpectation, whereText)
      guard let value = scalarType.init(configText: text) as? T else {
        throw fail(node, "expected \(scalarType.configExpectation)\(whereText), found '\(text)'")
      }
      return value
    }
    if T.self == Bool.self {
      let text = try scalarText(node, expected: "true or false", whereText)
      let b: Bool
      switch text.lowercased() {
      case "true", "yes": b = true
      case "false", "no": b = false
      default: throw fail(node, "expected true or false\(whereText), found '\(text)'")
      }
      if let v = b as? T { return v }
    }
    if let scalarType = T.self as? any LosslessStringConvertible.Type {
      let expected =
        T.self is any BinaryInteger.Type
        ? "an integer" : T.self is any BinaryFloatingPoint.Type ? "a number" : "a text"
      let text = try scalarText(node, expected: expected, whereText)
      guard let value = scalarType.init(text) as? T else {
        throw fail(node, "expected \(expected)\(whereText), found '\(text)'")
      }
      if let d = value as? Double, !d.isFinite {
        throw fail(node, "expected a finite number\(whereText), found '\(text)'")
      }
      return value
    }
    let decoder = NodeDecoder(node: node, state: self, codingPath: path)
    do {
      let value = try T(from: decoder)
      try decoder.checkUnusedKeys()
      return value
    } catch let missing as MissingKey where missing.decoder == ObjectIdentifier(decoder) {
      // An unknown key explains a missing one best (`formaat` for `format`).
      try decoder.checkUnusedKeys(near: missing.key)
      throw missing.diagnostic
    } catch let d as Diagnostic {
      throw d
    } catch let e as DecodingError {
      throw convert(e, node: node, whereText: whereText)
    }
  }

  func scalarText(_ node: Node, expected: String, _ whereText: String) throws -> String {
    switch node {
    case .scalar(let s): return s.string
    case .mapping: throw fail(node, "expected \(expected)\(whereText), found a mapping")
    case .sequence: throw fail(node, "expected \(expected)\(whereText), found a list")
    case .alias: throw fail(node, "expected \(expected)\(whereText), found an alias")
    }
  }

  func convert(_ error: DecodingError, node: Node, whereText: String) -> Diagnostic {
    switch error {
    case .keyNotFound(let key, _):
      return fail(node, "missing key '\(key.stringValue)'\(whereText)")
    case .dataCorrupted(let context):
      return fail(node, context.debugDescription + whereText)
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return fail(node, context.debugDescription + whereText)
    @unknown default:
      return fail(node, "\(error)\(whereText)")
    }
  }
}

/// Levenshtein distance, to suggest a key for a misspelt one.
func editDistance(_ a: String, _ b: String) -> Int {
  let x = Array(a.lowercased())
  let y = Array(b.lowercased())
  if x.isEmpty { return y.count }
  if y.isEmpty { return x.count }
  var previous = Array(0...y.count)
  for i in 1...x.count {
    var current = [i] + Array(repeating: 0, count: y.count)
    for j in 1...y.count {
      current[j] = min(
        previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[y.count]
}
