/// Statistical disclosure control for everything that leaves the store (reports, exports,
/// terminal tables, the dashboard).
///
/// - A count below `minCell` is never shown exactly: it is shown as `<minCell` (`<5`). That
///   includes zero: "below the minimum cell" is the rule, and a zero is below it.
/// - A rate (per 1,000) or an index is not shown when the area has fewer than
///   `minPopulation` inhabitants (dwellings, households: the denominator), or when the count
///   behind it is itself suppressed — a rate and a population would give the count back.
/// - A change between two periods is shown only when both counts are shown.
public struct DisclosurePolicy: Sendable, Hashable, Codable {
  public let minCell: Int
  public let minPopulation: Int

  public static let standard = DisclosurePolicy(minCell: 5, minPopulation: 100)

  /// `minCell` is at least 1 (1 disables count suppression).
  public init(minCell: Int = 5, minPopulation: Int = 100) {
    self.minCell = max(1, minCell)
    self.minPopulation = max(0, minPopulation)
  }

  public func count(_ value: Int) -> DisclosedCount {
    value < minCell ? .belowMinimum(minCell) : .exact(value)
  }

  /// A rate per 1,000 of the denominator, or why it is not shown.
  public func rate(count: Int, denominator: Int?) -> DisclosedValue {
    guard let denominator, denominator > 0 else { return .unavailable }
    guard denominator >= minPopulation else { return .suppressedPopulation }
    guard count >= minCell else { return .suppressedCount }
    return .value(Double(count) * 1000 / Double(denominator))
  }

  /// A relative change from `before` to `after`, shown only when both counts are shown.
  public func change(from before: Int, to after: Int) -> DisclosedValue {
    guard before >= minCell, after >= minCell else { return .suppressedCount }
    return .value(Double(after - before) / Double(before))
  }
}

/// A count after disclosure control. In JSON: the number, or the text `"<5"`.
public enum DisclosedCount: Sendable, Hashable, Codable {
  case exact(Int)
  /// Below the minimum cell; the associated value is the minimum (`<5`).
  case belowMinimum(Int)

  public var exactValue: Int? {
    if case .exact(let v) = self { return v }
    return nil
  }

  /// `12.345` / `<5`.
  public func text(_ format: NumberFormatting) -> String {
    switch self {
    case .exact(let v): format.integer(v)
    case .belowMinimum(let m): "<\(m)"
    }
  }
}

/// A derived number (rate, index, change) after disclosure control. In JSON: the number,
/// or a code saying why it is not shown (`suppressed-count`, `suppressed-population`,
/// `not-available`).
public enum DisclosedValue: Sendable, Hashable, Codable {
  case value(Double)
  case suppressedCount
  case suppressedPopulation
  case unavailable

  public var number: Double? {
    if case .value(let v) = self { return v }
    return nil
  }

  /// The number formatted, or a dash for anything not shown (the reason goes in a legend).
  public func text(_ format: NumberFormatting, places: Int = 1) -> String {
    switch self {
    case .value(let v): format.decimal(v, places: places)
    case .suppressedCount, .suppressedPopulation, .unavailable: "–"
    }
  }
}

extension DisclosedCount {
  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let v = try? c.decode(Int.self) {
      self = .exact(v)
      return
    }
    let text = try c.decode(String.self)
    guard text.hasPrefix("<"), let m = Int(text.dropFirst()) else {
      throw DecodingError.dataCorruptedError(
        in: c, debugDescription: "expected a count or \"<n\", found \"\(text)\"")
    }
    self = .belowMinimum(m)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    switch self {
    case .exact(let v): try c.encode(v)
    case .belowMinimum(let m): try c.encode("<\(m)")
    }
  }
}

extension DisclosedValue {
  /// The stable code of a value that is not shown.
  public var code: String? {
    switch self {
    case .value: nil
    case .suppressedCount: "suppressed-count"
    case .suppressedPopulation: "suppressed-population"
    case .unavailable: "not-available"
    }
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let v = try? c.decode(Double.self) {
      self = .value(v)
      return
    }
    switch try c.decode(String.self) {
    case "suppressed-count": self = .suppressedCount
    case "suppressed-population": self = .suppressedPopulation
    case "not-available": self = .unavailable
    case let other:
      throw DecodingError.dataCorruptedError(
        in: c, debugDescription: "expected a number or a suppression code, found \"\(other)\"")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    switch self {
    case .value(let v): try c.encode(v)
    default: try c.encode(code ?? "not-available")
    }
  }

  /// The value rounded to `places` decimals (reports keep numbers as they are shown).
  public func rounded(_ places: Int) -> DisclosedValue {
    guard case .value(let v) = self, v.isFinite else { return self }
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    return .value((v * scale).rounded(.toNearestOrAwayFromZero) / scale)
  }
}
