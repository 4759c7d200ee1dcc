import SafetyCore

/// Methods and data: which exports fed the report and what was rejected or quarantined,
/// which detectors ran with which settings, and the windows the figures cover.
public struct MethodsReport: Sendable, Codable, Hashable {
  /// The days the figures and charts in the report draw on.
  public var window: DayRange
  public var sources: [SourceUsage]
  public var quarantined: [QuarantinedExport]
  public var detectors: [DetectorUse]

  public init(
    window: DayRange, sources: [SourceUsage], quarantined: [QuarantinedExport],
    detectors: [DetectorUse]
  ) {
    self.window = window
    self.sources = sources
    self.quarantined = quarantined
    self.detectors = detectors
  }
}

/// A range of days, both inclusive. JSON: `{"first": "2023-01-02", "last": "2024-12-29"}`.
public struct DayRange: Sendable, Codable, Hashable {
  public var first: CivilDate
  public var last: CivilDate

  public init(first: CivilDate, last: CivilDate) {
    self.first = first
    self.last = last
  }

  enum CodingKeys: String, CodingKey { case first, last }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    func day(_ key: CodingKeys) throws -> CivilDate {
      let text = try c.decode(String.self, forKey: key)
      guard let d = CivilDate(iso: text) else {
        throw DecodingError.dataCorruptedError(
          forKey: key, in: c, debugDescription: "not a date: \(text)")
      }
      return d
    }
    first = try day(.first)
    last = try day(.last)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(first.description, forKey: .first)
    try c.encode(last.description, forKey: .last)
  }

  public func overlaps(_ other: DayRange) -> Bool { first <= other.last && other.first <= last }
}

/// One source (partner export type): what of it fed the report, and its data quality over
/// everything it delivered.
public struct SourceUsage: Sendable, Codable, Hashable {
  public var id: String
  public var partner: String
  /// `records` or `aggregated`.
  public var shape: String
  /// The days its applied exports cover (nil before its first export).
  public var coverage: DayRange?
  /// Applied exports whose data overlap the report's window, oldest first.
  public var exportsUsed: [ExportRef]
  public var exportsApplied: Int
  public var exportsQuarantined: Int
  /// Files delivered again with the same content (skipped).
  public var duplicatesSkipped: Int
  public var rowsOk: Int
  public var rowsRejected: Int
  public var rowsUnknownArea: Int

  public init(
    id: String, partner: String, shape: String, coverage: DayRange?, exportsUsed: [ExportRef],
    exportsApplied: Int, exportsQuarantined: Int, duplicatesSkipped: Int, rowsOk: Int,
    rowsRejected: Int, rowsUnknownArea: Int
  ) {
    self.id = id
    self.partner = partner
    self.shape = shape
    self.coverage = coverage
    self.exportsUsed = exportsUsed
    self.exportsApplied = exportsApplied
    self.exportsQuarantined = exportsQuarantined
    self.duplicatesSkipped = duplicatesSkipped
    self.rowsOk = rowsOk
    self.rowsRejected = rowsRejected
    self.rowsUnknownArea = rowsUnknownArea
  }
}

/// An applied export, as the ledger knows it.
public struct ExportRef: Sendable, Codable, Hashable {
  public var name: String
  /// SHA-256 of the file, hex.
  public var contentHash: String
  public var receivedAt: String
  public var coverage: DayRange?

  public init(name: String, contentHash: String, receivedAt: String, coverage: DayRange?) {
    self.name = name
    self.contentHash = contentHash
    self.receivedAt = receivedAt
    self.coverage = coverage
  }
}

/// An export that was quarantined: none of it counts.
public struct QuarantinedExport: Sendable, Codable, Hashable {
  public var source: String
  public var name: String
  public var receivedAt: String
  public var reason: String

  public init(source: String, name: String, receivedAt: String, reason: String) {
    self.source = source
    self.name = name
    self.receivedAt = receivedAt
    self.reason = reason
  }
}

/// A detector configuration and the indicators it runs on.
public struct DetectorUse: Sendable, Codable, Hashable {
  public var method: String
  /// The settings in effect (the pipeline's, over the method's defaults), by key.
  public var settings: [DetectorSetting]
  public var indicators: [String]

  public init(method: String, settings: [DetectorSetting], indicators: [String]) {
    self.method = method
    self.settings = settings
    self.indicators = indicators
  }
}

public struct DetectorSetting: Sendable, Codable, Hashable {
  public var key: String
  public var value: String
  public init(key: String, value: String) {
    self.key = key
    self.value = value
  }
}
