/// A terminal sparkline (`▁▂▃▅▇`) of a series; missing values are spaces. Values below the
/// minimum cell are drawn at the lowest level, so the line does not disclose small counts.
public enum Sparkline {
  static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  public static func render(_ values: [Int?], disclosure: DisclosurePolicy = .standard) -> String {
    let shown: [Double?] = values.map { v in
      v.map { $0 < disclosure.minCell ? 0 : Double($0) }
    }
    let maximum = shown.compactMap { $0 }.max() ?? 0
    return String(
      shown.map { v -> Character in
        guard let v else { return " " }
        guard maximum > 0 else { return levels[0] }
        let level = Int((v / maximum * Double(levels.count - 1)).rounded())
        return levels[min(levels.count - 1, max(0, level))]
      })
  }
}
