/// A fragment of HTML. Building one by string interpolation escapes every interpolated
/// `String` (and anything `CustomStringConvertible`), and inserts interpolated `HTML`
/// fragments as they are — so text that came from input can never become markup.
///
/// ```swift
/// let row: HTML = "<td>\(area.name)</td>"   // area.name is escaped
/// ```
public struct HTML: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
  public private(set) var rendered: String

  /// Markup that is trusted as it is (constants, or output of other HTML builders).
  public init(unescaped raw: String) { rendered = raw }

  public init(stringLiteral value: String) { rendered = value }

  public init(stringInterpolation: StringInterpolation) { rendered = stringInterpolation.out }

  public var description: String { rendered }

  public static let empty = HTML(unescaped: "")

  /// Joins fragments with an optional separator.
  public static func join(_ parts: some Sequence<HTML>, separator: HTML = .empty) -> HTML {
    HTML(unescaped: parts.map(\.rendered).joined(separator: separator.rendered))
  }

  public static func + (a: HTML, b: HTML) -> HTML { HTML(unescaped: a.rendered + b.rendered) }
  public static func += (a: inout HTML, b: HTML) { a.rendered += b.rendered }

  public struct StringInterpolation: StringInterpolationProtocol {
    var out = ""

    public init(literalCapacity: Int, interpolationCount: Int) {
      out.reserveCapacity(literalCapacity + interpolationCount * 16)
    }

    public mutating func appendLiteral(_ literal: String) { out += literal }

    public mutating func appendInterpolation(_ text: String) { out += HTML.escape(text) }

    public mutating func appendInterpolation(_ text: Substring) {
      out += HTML.escape(String(text))
    }

    public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
      out += HTML.escape(value.description)
    }

    public mutating func appendInterpolation(_ html: HTML) { out += html.rendered }

    public mutating func appendInterpolation(_ parts: [HTML]) {
      for part in parts { out += part.rendered }
    }
  }

  /// Escapes text for element content and quoted attribute values.
  public static func escape(_ text: String) -> String {
    var needs = false
    for u in text.utf8 where u == 0x26 || u == 0x3C || u == 0x3E || u == 0x22 || u == 0x27 {
      needs = true
      break
    }
    guard needs else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for ch in text.unicodeScalars {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(ch)
      }
    }
    return out
  }
}
