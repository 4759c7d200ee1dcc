/// The level of a CBS area code.
public enum AreaLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  case buurt, wijk, gemeente

  private var rank: Int {
    switch self {
    case .buurt: 0
    case .wijk: 1
    case .gemeente: 2
    }
  }
  public static func < (a: AreaLevel, b: AreaLevel) -> Bool { a.rank < b.rank }

  public var prefix: String {
    switch self {
    case .buurt: "BU"
    case .wijk: "WK"
    case .gemeente: "GM"
    }
  }

  /// Digits after the prefix: GM + 4, WK + 6 (gemeente + 2), BU + 8 (wijk + 2).
  public var digitCount: Int {
    switch self {
    case .buurt: 8
    case .wijk: 6
    case .gemeente: 4
    }
  }
}

/// A CBS area code: `GMxxxx`, `WKxxxxxx` or `BUxxxxxxxx`. Validated on construction; the
/// parent codes follow from the digits.
public struct AreaCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public let rawValue: String
  public let level: AreaLevel

  /// Accepts surrounding spaces and lower case (`bu03630001 `), as partners write them.
  public init?(_ text: some StringProtocol) {
    let s = text.trimmingSpaces().uppercased()
    guard s.count >= 6 else { return nil }
    let prefix = String(s.prefix(2))
    guard let level = AreaLevel.allCases.first(where: { $0.prefix == prefix }) else {
      return nil
    }
    let digits = s.dropFirst(2)
    guard digits.count == level.digitCount, digits.allSatisfy({ $0.isASCII && $0.isNumber })
    else { return nil }
    self.rawValue = s
    self.level = level
  }

  /// The wijk code of a buurt (`BU03630001` → `WK036300`).
  public var wijk: AreaCode? {
    switch level {
    case .buurt: AreaCode("WK" + rawValue.dropFirst(2).prefix(6))
    case .wijk: self
    case .gemeente: nil
    }
  }

  /// The gemeente code of any area.
  public var gemeente: AreaCode { AreaCode("GM" + rawValue.dropFirst(2).prefix(4))! }

  public static func < (a: AreaCode, b: AreaCode) -> Bool { a.rawValue < b.rawValue }
  public var description: String { rawValue }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let code = AreaCode(text) else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription: "not a CBS area code (GMxxxx, WKxxxxxx, BUxxxxxxxx): \(text)"))
    }
    self = code
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(rawValue)
  }
}

extension StringProtocol {
  /// The text without leading and trailing ASCII spaces and tabs (no Foundation needed).
  public func trimmingSpaces() -> Substring {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return s
  }
}
