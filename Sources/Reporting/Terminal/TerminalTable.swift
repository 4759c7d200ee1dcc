/// A plain-text table for terminals: a header, a rule, aligned columns separated by two
/// spaces. Columns wider than their maximum are cut with `…`, so a table fits an 80–120
/// column terminal.
public struct TerminalTable: Sendable {
  public enum Alignment: Sendable { case left, right }

  public struct Column: Sendable {
    public var title: String
    public var alignment: Alignment
    public var maxWidth: Int
    public init(_ title: String, _ alignment: Alignment = .left, maxWidth: Int = 40) {
      self.title = title
      self.alignment = alignment
      self.maxWidth = maxWidth
    }
  }

  public var columns: [Column]
  public private(set) var rows: [[String]] = []

  public init(_ columns: [Column]) { self.columns = columns }

  public mutating func row(_ cells: [String]) {
    rows.append(cells + Array(repeating: "", count: max(0, columns.count - cells.count)))
  }

  public func render() -> String {
    var widths = columns.map { min($0.maxWidth, $0.title.count) }
    for row in rows {
      for (i, cell) in row.prefix(columns.count).enumerated() {
        widths[i] = min(columns[i].maxWidth, max(widths[i], cell.count))
      }
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (i, column) in columns.enumerated() {
        var cell = cells[i]
        if cell.count > widths[i] { cell = String(cell.prefix(max(0, widths[i] - 1))) + "…" }
        let pad = String(repeating: " ", count: widths[i] - cell.count)
        parts.append(column.alignment == .left ? cell + pad : pad + cell)
      }
      var text = parts.joined(separator: "  ")
      while text.hasSuffix(" ") { text.removeLast() }
      return text
    }
    var out = [line(columns.map(\.title))]
    out.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
    for row in rows { out.append(line(row)) }
    return out.joined(separator: "\n")
  }
}
