/// JSON string literals for text written without an encoder (log lines, generated files,
/// schema documents).
public enum JSONString {
  /// `s` as a JSON string literal: quote and backslash escaped, `\n` `\r` `\t`, other C0
  /// controls as `\u00XX`. With `escapingAllControls`, DEL and the C1 controls are escaped
  /// too (for logs, which terminals display).
  public static func quoted(_ s: String, escapingAllControls: Bool = false) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _
      where scalar.value < 0x20
        || (escapingAllControls && (0x7F...0x9F).contains(scalar.value)):
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
