extension CSVDialect {
  /// Parses a delimiter or quote as written on a command line or in a pipeline file: one
  /// ASCII character, or `tab` / `\t` for a tab.
  public static func character(_ text: String) -> UInt8? {
    switch text.lowercased() {
    case "tab", "\\t", "\t": return 0x09
    default:
      guard text.utf8.count == 1, let b = text.utf8.first, b >= 0x20, b < 0x7F else { return nil }
      return b
    }
  }

  /// The delimiters partners use, in order of preference when sniffing.
  public static let commonDelimiters: [UInt8] = [0x3B, 0x2C, 0x09, 0x7C]
}

extension TextEncoding {
  /// Parses an encoding name (`utf-8`, `windows-1252`, `iso-8859-1`, `auto`, and the usual
  /// aliases `utf8`, `cp1252`, `latin1`, ...).
  public init?(name: String) {
    switch name.lowercased().replacingUnderscores() {
    case "utf-8", "utf8": self = .utf8
    case "windows-1252", "cp1252", "win1252", "windows1252": self = .windows1252
    case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1": self = .iso88591
    case "auto": self = .auto
    default: return nil
    }
  }
}

extension String {
  fileprivate func replacingUnderscores() -> String {
    String(map { $0 == "_" ? "-" : $0 })
  }
}
