import Detection
import Foundation
import Testing

/// Conformance with R `surveillance` 1.20.3 on the committed reference set
/// (fixtures/reference, written by scripts/make-reference.R; `SAFETY_REFERENCE_DIR` names
/// another set, e.g. one drawn with another seed): expected and upper bound within
/// 1e-6 relative, alarms identical, NA exactly where R gives NA, and where R refused to
/// compute a time point our result is NA with a reason.
@Suite struct ConformanceTests {
  static let tolerance = 1e-6

  /// Accumulates comparisons per algorithm and column.
  final class Report {
    var mismatches: [String] = []
    var maxRelative: [String: Double] = [:]
    var compared: [String: Int] = [:]
    var rows = 0

    func relative(_ a: Double, _ b: Double) -> Double {
      if a == b { return 0 }
      return abs(a - b) / max(abs(a), abs(b))
    }

    /// Compares an optional value with R's (nil = NA).
    func compare(
      _ key: String, _ column: String, ours: Double?, r: Double?, tolerance: Double,
      absolute: Double = 0
    ) {
      let statKey = "\(key.split(separator: " ")[0]).\(column)"
      switch (ours, r) {
      case (nil, nil): return
      case (let o?, let e?):
        compared[statKey, default: 0] += 1
        let rel = relative(o, e)
        maxRelative[statKey] = max(maxRelative[statKey] ?? 0, abs(o - e) <= absolute ? 0 : rel)
        if rel > tolerance && abs(o - e) > absolute {
          mismatches.append("\(key) \(column): ours \(o) R \(e) (rel \(rel))")
        }
      case (let o?, nil): mismatches.append("\(key) \(column): ours \(o), R NA")
      case (nil, let e?): mismatches.append("\(key) \(column): ours NA, R \(e)")
      }
    }

    func summary() -> String {
      maxRelative.keys.sorted().map {
        "\($0): n=\(compared[$0] ?? 0) max rel \(String(format: "%.2e", maxRelative[$0]!))"
      }.joined(separator: "\n")
    }
  }

  func run(file: String) throws -> Report {
    let series = try ReferenceData.series()
    let ranges = try ReferenceData.ranges()
    let rows = try ReferenceData.table(file)
    var groups: [String: [[String: String]]] = [:]
    var order: [String] = []
    for row in rows {
      let key = "\(row["algorithm"]!)|\(row["series_id"]!)"
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(row)
    }
    let report = Report()
    for key in order {
      let parts = key.split(separator: "|").map(String.init)
      let algorithmName = parts[0]
      let id = parts[1]
      let algorithm = try ReferenceData.algorithm(algorithmName)
      let s = try #require(series[id])
      let range = try #require(ranges[id])
      let result = algorithm.detect(s, range: range)
      var byWeek: [Int: DetectionOutcome] = [:]
      for o in result.outcomes { byWeek[o.timeIndex] = o }
      for row in groups[key]! {
        report.rows += 1
        let week = Int(row["week_index"]!)!
        let label = "\(algorithmName) \(id) week \(week)"
        let ours = try #require(byWeek[week])
        compareRow(row, ours, label: label, algorithm: algorithmName, report: report)
      }
    }
    return report
  }

  func compareRow(
    _ row: [String: String], _ ours: DetectionOutcome, label: String, algorithm: String,
    report: Report
  ) {
    let num = ReferenceData.number
    let error = row["error"] ?? ""
    if !error.isEmpty {
      // R refused: ours must be NA with a reason
      if ours.upperbound != nil || ours.alarm != nil || ours.reason == nil {
        report.mismatches.append("\(label): R error '\(error)', ours not NA with a reason")
      }
      return
    }
    let rAlarm = num(row["alarm"]).map { $0 == 1 }
    let isFarrington = algorithm.hasPrefix("farrington")
    let isChart = algorithm == "cusum" || algorithm == "cusum_glm"
    if isFarrington && rAlarm == nil {
      // R could not fit (warning logged): R reports expected 0 and upperbound NA; ours NA
      if ours.alarm != nil || ours.upperbound != nil || ours.reason == nil {
        report.mismatches.append("\(label): R model failure, ours not NA with a reason")
      }
      return
    }
    if isChart && rAlarm == nil {
      // R: alarm NA with a made-up upperbound 0 (in-control mean 0 / NaN statistic)
      if ours.alarm != nil || ours.reason == nil {
        report.mismatches.append("\(label): R alarm NA, ours \(String(describing: ours.alarm))")
      }
      return
    }
    if ours.alarm != rAlarm {
      report.mismatches.append(
        "\(label): alarm ours \(String(describing: ours.alarm)) R \(String(describing: rAlarm))")
    }
    let t = Self.tolerance
    report.compare(label, "observed", ours: ours.observed, r: num(row["observed"]), tolerance: 0)
    report.compare(
      label, "upperbound", ours: ours.upperbound, r: num(row["upperbound"]), tolerance: t)
    report.compare(label, "expected", ours: ours.expected, r: num(row["expected"]), tolerance: t)
    if isFarrington {
      report.compare(
        label, "score", ours: ours.score, r: num(row["score"]), tolerance: t, absolute: 1e-9)
      report.compare(
        label, "pvalue", ours: ours.pvalue, r: num(row["pvalue"]), tolerance: t, absolute: 1e-300)
      let d = ours.farrington
      report.compare(label, "phi", ours: d?.phi, r: num(row["phi"]), tolerance: t)
      report.compare(
        label, "trend", ours: d.map { $0.trendKept ? 1 : 0 }, r: num(row["trend"]), tolerance: 0)
      report.compare(
        label, "pred_mean", ours: d?.predictedMean, r: num(row["pred_mean"]), tolerance: t)
      report.compare(label, "se_fit", ours: d?.standardError, r: num(row["se_fit"]), tolerance: t)
      report.compare(
        label, "upper_unmasked", ours: d?.unmaskedUpperbound, r: num(row["upper_unmasked"]),
        tolerance: t)
      report.compare(
        label, "n_baseline", ours: d.map { Double($0.baselineSize) }, r: num(row["n_baseline"]),
        tolerance: 0)
    } else {
      report.compare(
        label, "statistic", ours: ours.statistic, r: num(row["statistic"]), tolerance: t,
        absolute: 1e-9)
    }
  }

  @Test func farringtonFlexibleMatchesR() throws {
    let report = try run(file: "reference-farrington.csv")
    print(
      "farringtonFlexible conformance (\(ReferenceData.directory.path)): \(report.rows) rows\n"
        + report.summary())
    for m in report.mismatches.prefix(40) { print("MISMATCH \(m)") }
    #expect(report.rows > 20_000)
    #expect(report.mismatches.isEmpty, "\(report.mismatches.count) mismatches")
  }

  @Test func earsCusumGlrMatchR() throws {
    let report = try run(file: "reference-other.csv")
    print(
      "EARS/CUSUM/GLR conformance (\(ReferenceData.directory.path)): \(report.rows) rows\n"
        + report.summary())
    for m in report.mismatches.prefix(40) { print("MISMATCH \(m)") }
    #expect(report.rows > 20_000)
    #expect(report.mismatches.isEmpty, "\(report.mismatches.count) mismatches")
  }
}
