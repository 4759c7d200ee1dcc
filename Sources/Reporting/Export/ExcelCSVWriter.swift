/// Writes CSV that opens correctly in Dutch Excel: `;` between cells, a UTF-8 byte-order
/// mark, decimal commas, and text cells that start with `=`, `+`, `-`, `@`, a tab or a
/// carriage return neutralised (prefixed with `'`) so no cell can run as a formula.
public struct ExcelCSVWriter: Sendable {
  public enum Cell: Sendable, Hashable {
    case text(String)
    case integer(Int)
    case decimal(Double, places: Int)
    case count(DisclosedCount)
    case value(DisclosedValue, places: Int)
    case empty
  }

  public let language: DisplayLanguage
  private var body = ""

  public init(language: DisplayLanguage = .nl) { self.language = language }

  public mutating func row(_ cells: [Cell]) {
    body += cells.map(render).joined(separator: ";")
    body += "\r\n"
  }

  public mutating func header(_ names: [String]) { row(names.map { .text($0) }) }

  /// The file's bytes: BOM + rows (CRLF line ends, as Excel writes them).
  public var bytes: [UInt8] { [0xEF, 0xBB, 0xBF] + Array(body.utf8) }

  public var text: String { "\u{FEFF}" + body }

  private func render(_ cell: Cell) -> String {
    // Numbers use a decimal comma and no group separator, so Excel reads them as numbers.
    switch cell {
    case .text(let s): return quote(neutralise(s))
    case .integer(let v): return String(v)
    case .decimal(let v, let places): return plainDecimal(v, places: places)
    case .count(let c):
      switch c {
      case .exact(let v): return String(v)
      case .belowMinimum(let m): return quote("<\(m)")
      }
    case .value(let v, let places):
      if let n = v.number { return plainDecimal(n, places: places) }
      return ""
    case .empty: return ""
    }
  }

  private func plainDecimal(_ v: Double, places: Int) -> String {
    guard v.isFinite else { return "" }
    let text = NumberFormatting(.en).decimal(v, places: places).replacingAll(",", with: "")
    return language == .nl ? text.replacingAll(".", with: ",") : text
  }

  /// Text that a spreadsheet would treat as a formula gets a leading apostrophe.
  static func neutralised(_ s: String) -> String {
    guard let first = s.unicodeScalars.first else { return s }
    switch first {
    case "=", "+", "-", "@", "\t", "\r": return "'" + s
    default: return s
    }
  }

  private func neutralise(_ s: String) -> String { Self.neutralised(s) }

  private func quote(_ s: String) -> String {
    let special = s.unicodeScalars.contains {
      $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ","
    }
    guard special else { return s }
    return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
  }
}

extension String {
  /// Replaces every occurrence of one character (no Foundation needed).
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    out.reserveCapacity(utf8.count)
    for ch in self {
      if ch == target { out += replacement } else { out.append(ch) }
    }
    return out
  }
}
