import Detection
import Foundation

/// The reference files (written by `scripts/make-reference.R` and
/// `scripts/make-trend-reference.py`): the committed set under `fixtures/reference/`, or the
/// directory named by the environment variable `SAFETY_REFERENCE_DIR` (a set generated with
/// another seed; docs/DETECTION.md, "Checking other series").
enum ReferenceData {
  static let environmentVariable = "SAFETY_REFERENCE_DIR"

  static let directory: URL = directory(
    environment: ProcessInfo.processInfo.environment[environmentVariable])

  /// The directory `SAFETY_REFERENCE_DIR` names (relative to the working directory), or the
  /// committed set when it is unset or empty.
  static func directory(environment value: String?) -> URL {
    if let value, !value.isEmpty {
      return URL(fileURLWithPath: value, isDirectory: true)
    }
    // Tests/DetectionTests/ReferenceData.swift -> package root
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("fixtures/reference")
  }

  /// Rows of a reference CSV as dictionaries keyed by the header (simple CSV: fields are
  /// quoted only when they contain a comma or a quote).
  static func table(_ name: String) throws -> [[String: String]] {
    let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    guard !lines.isEmpty else { return [] }
    let header = fields(lines.removeFirst())
    return lines.map { line in
      let values = fields(line)
      var row: [String: String] = [:]
      for (i, key) in header.enumerated() { row[key] = i < values.count ? values[i] : "" }
      return row
    }
  }

  static func fields(_ line: String) -> [String] {
    var result: [String] = []
    var current = ""
    var quoted = false
    var chars = Array(line)
    if chars.last == "\r" { chars.removeLast() }
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if quoted {
        if c == "\"" {
          if i + 1 < chars.count && chars[i + 1] == "\"" {
            current.append("\"")
            i += 1
          } else {
            quoted = false
          }
        } else {
          current.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        result.append(current)
        current = ""
      } else {
        current.append(c)
      }
      i += 1
    }
    result.append(current)
    return result
  }

  static func number(_ s: String?) -> Double? {
    guard let s, s != "NA", !s.isEmpty else { return nil }
    return Double(s)
  }

  /// The reference series by id.
  static func series() throws -> [String: CountSeries] {
    var counts: [String: [Double]] = [:]
    var population: [String: [Double]] = [:]
    var frequency: [String: Int] = [:]
    var order: [String] = []
    for row in try table("series.csv") {
      let id = row["series_id"]!
      if counts[id] == nil {
        order.append(id)
        counts[id] = []
        population[id] = []
      }
      counts[id]!.append(number(row["count"]) ?? .nan)
      population[id]!.append(number(row["population"]) ?? .nan)
      frequency[id] = Int(row["frequency"]!)!
    }
    var result: [String: CountSeries] = [:]
    for id in order {
      let pop = population[id]!
      result[id] = CountSeries(
        id: id, observed: counts[id]!, population: pop.allSatisfy(\.isNaN) ? nil : pop,
        frequency: frequency[id]!)
    }
    return result
  }

  /// Evaluation range per series id.
  static func ranges() throws -> [String: ClosedRange<Int>] {
    var result: [String: ClosedRange<Int>] = [:]
    for row in try table("series_meta.csv") {
      result[row["series_id"]!] = Int(row["range_from"]!)!...Int(row["range_to"]!)!
    }
    return result
  }

  /// The reference variants as settings files would spell them.
  static func algorithm(_ name: String) throws -> DetectionAlgorithm {
    var s = DetectorSettings()
    let method: DetectorMethod
    func farrington1996(b: Int) {
      s.b = b
      s.w = 3
      s.reweight = true
      s.weightsThreshold = 1
      s.pastWeeksNotIncluded = 3
      s.noPeriods = 1
      s.trend = true
      s.pThresholdTrend = 0.05
      s.thresholdMethod = "delta"
      s.alpha = 0.01
      s.limit54 = [5, 4]
      s.powertrans = "2/3"
    }
    func noufaily(b: Int) {
      s.b = b
      s.w = 3
      s.reweight = true
      s.weightsThreshold = 2.58
      s.pastWeeksNotIncluded = 26
      s.noPeriods = 10
      s.trend = true
      s.pThresholdTrend = 1
      s.thresholdMethod = "nbPlugin"
      s.alpha = 0.005
      s.limit54 = [5, 4]
      s.powertrans = "2/3"
    }
    switch name {
    case "farrington_1996":
      method = .farringtonFlexible
      farrington1996(b: 4)
    case "farrington_1996_b3":
      method = .farringtonFlexible
      farrington1996(b: 3)
    case "farrington_1996_pop":
      method = .farringtonFlexible
      farrington1996(b: 3)
      s.populationOffset = true
    case "farrington_noufaily":
      method = .farringtonFlexible
      noufaily(b: 4)
    case "farrington_noufaily_b3":
      method = .farringtonFlexible
      noufaily(b: 3)
    case "farrington_noufaily_b2":
      method = .farringtonFlexible
      noufaily(b: 2)
    case "farrington_noufaily_b1":
      method = .farringtonFlexible
      noufaily(b: 1)
    case "farrington_noufaily_pop":
      method = .farringtonFlexible
      noufaily(b: 3)
      s.populationOffset = true
    case "farrington_defaults":
      method = .farringtonFlexible
    case "farrington_misc":
      method = .farringtonFlexible
      s.b = 3
      s.w = 2
      s.reweight = false
      s.trend = false
      s.noPeriods = 5
      s.pastWeeksNotIncluded = 10
      s.thresholdMethod = "delta"
      s.powertrans = "1/2"
      s.alpha = 0.05
      s.limit54 = [3, 2]
    case "farrington_noufaily_delta":
      method = .farringtonFlexible
      s.b = 3
      s.w = 3
      s.weightsThreshold = 2.58
      s.pastWeeksNotIncluded = 26
      s.noPeriods = 10
      s.pThresholdTrend = 1
      s.thresholdMethod = "delta"
      s.powertrans = "none"
      s.alpha = 0.01
    case "farrington_noufaily_monthly":
      method = .farringtonFlexible
      s.b = 3
      s.w = 2
      s.reweight = true
      s.weightsThreshold = 2.58
      s.pastWeeksNotIncluded = 6
      s.noPeriods = 4
      s.trend = true
      s.pThresholdTrend = 1
      s.thresholdMethod = "nbPlugin"
      s.alpha = 0.005
      s.limit54 = [5, 4]
      s.powertrans = "2/3"
    case "ears_c1":
      method = .earsC1
      s.baseline = 7
      s.minSigma = 0
      s.alpha = 0.001
    case "ears_c2":
      method = .earsC2
      s.baseline = 7
      s.minSigma = 0
      s.alpha = 0.001
    case "ears_c3":
      method = .earsC3
      s.baseline = 7
      s.minSigma = 0
      s.alpha = 0.025
    case "ears_c3_b10":
      method = .earsC3
      s.baseline = 10
      s.minSigma = 0.5
      s.alpha = 0.01
    case "cusum":
      method = .cusum
      s.k = 1.04
      s.h = 2.26
    case "cusum_glm":
      method = .cusum
      s.k = 1.04
      s.h = 2.26
      s.m = "glm"
    case "glrpois":
      method = .glrpois
      s.cARL = 5
    default:
      throw ReferenceError.unknownAlgorithm(name)
    }
    return try DetectionAlgorithm(method: method, settings: s)
  }

  enum ReferenceError: Error {
    case unknownAlgorithm(String)
  }
}
