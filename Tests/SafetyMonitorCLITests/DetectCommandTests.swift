import ArgumentParser
import Foundation
import Testing

@testable import SafetyMonitorCLI

/// The `detect` command as the external contract states it, against the R reference set.
@Suite final class DetectCommandTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// Rows of a simple CSV (no quoted commas) as dictionaries.
  func rows(_ text: String) -> [[String: String]] {
    let lines = text.split(separator: "\n").map(String.init)
    let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    return lines.dropFirst().map { line in
      let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      return Dictionary(uniqueKeysWithValues: zip(header, f))
    }
  }

  /// Each test gets its own directory: Swift Testing runs the tests of this suite in
  /// parallel, and a shared `series.csv` was overwritten by a neighbour mid-read.
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
    "detect-tests-\(UUID().uuidString)")

  func temporary(_ name: String) -> URL {
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory.appendingPathComponent(name)
  }

  deinit { try? FileManager.default.removeItem(at: directory) }

  /// Writes the weekly reference series as the command's input (with an extra column).
  func writeInput(ids: Set<String>) throws -> URL {
    let reference = try String(
      contentsOf: Self.root.appendingPathComponent("fixtures/reference/series.csv"), encoding: .utf8
    )
    var text = "series_id,week_index,count,note\n"
    for row in rows(reference) where ids.contains(row["series_id"]!) {
      text += "\(row["series_id"]!),\(row["time_index"]!),\(row["count"]!),x\n"
    }
    let url = temporary("series.csv")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  @Test func noufailyOutputMatchesR() throws {
    let ids: Set = ["L03", "M05", "H02", "Z04", "X02", "D03"]
    let input = try writeInput(ids: ids)
    let settings = temporary("noufaily.yaml")
    try """
    b: 4
    w: 3
    reweight: true
    weightsThreshold: 2.58
    pastWeeksNotIncluded: 26
    noPeriods: 10
    trend: true
    pThresholdTrend: 1
    thresholdMethod: nbPlugin
    alpha: 0.005
    limit54: [5, 4]
    powertrans: "2/3"
    """.write(to: settings, atomically: true, encoding: .utf8)
    let out = temporary("out.csv")
    var command = try DetectCommand.parse([
      input.path, "--algorithm", "farringtonFlexible", "--settings", settings.path, "--range",
      "261:312", "--out", out.path,
    ])
    try command.run()
    let text = try String(contentsOf: out, encoding: .utf8)
    #expect(
      text.hasPrefix("series_id,week_index,observed,expected,upperbound,alarm,score,pvalue\n"))
    let ours = rows(text)
    #expect(ours.count == ids.count * 52)
    let reference = try String(
      contentsOf: Self.root.appendingPathComponent("fixtures/reference/reference-farrington.csv"),
      encoding: .utf8)
    var expected: [String: [String: String]] = [:]
    for row in rows(reference)
    where row["algorithm"] == "farrington_noufaily" && ids.contains(row["series_id"]!) {
      expected["\(row["series_id"]!)|\(row["week_index"]!)"] = row
    }
    var alarms = 0
    for row in ours {
      let r = try #require(expected["\(row["series_id"]!)|\(row["week_index"]!)"])
      #expect(row["alarm"] == r["alarm"], "\(row)")
      if row["alarm"] == "1" { alarms += 1 }
      for key in ["observed", "expected", "upperbound", "pvalue"] {
        let a = row[key]!
        let b = r[key]!
        if a == "NA" || b == "NA" {
          #expect(a == b, "\(key) \(row)")
        } else {
          let x = try #require(Double(a))
          let y = try #require(Double(b))
          #expect(abs(x - y) <= 1e-6 * max(abs(y), 1e-300), "\(key) \(row)")
        }
      }
    }
    #expect(alarms > 0)
  }

  @Test func monthlySeriesWithFrequency12() throws {
    let input = try writeInput(ids: ["MO3", "MO5"])
    let settings = temporary("monthly.yaml")
    try
      "b: 3\nw: 2\nnoPeriods: 4\npastWeeksNotIncluded: 6\npThresholdTrend: 1\nthresholdMethod: nbPlugin\nalpha: 0.005\n"
      .write(to: settings, atomically: true, encoding: .utf8)
    let out = temporary("monthly.csv")
    var command = try DetectCommand.parse([
      input.path, "--algorithm", "farringtonFlexible", "--settings", settings.path, "--range",
      "73:96", "--out", out.path, "--frequency", "12",
    ])
    try command.run()
    let ours = rows(try String(contentsOf: out, encoding: .utf8))
    #expect(ours.count == 48)
    let reference = try String(
      contentsOf: Self.root.appendingPathComponent("fixtures/reference/reference-farrington.csv"),
      encoding: .utf8)
    var expected: [String: [String: String]] = [:]
    for row in rows(reference) where row["algorithm"] == "farrington_noufaily_monthly" {
      expected["\(row["series_id"]!)|\(row["week_index"]!)"] = row
    }
    for row in ours {
      let r = try #require(expected["\(row["series_id"]!)|\(row["week_index"]!)"])
      #expect(row["alarm"] == r["alarm"] && row["upperbound"] == r["upperbound"], "\(row)")
    }
  }

  @Test func defaultsAndOtherAlgorithms() throws {
    let input = try writeInput(ids: ["M02"])
    for name in ["farringtonFlexible", "earsC1", "earsC2", "earsC3", "cusum", "glrpois"] {
      let out = temporary("out-\(name).csv")
      var command = try DetectCommand.parse([
        input.path, "--algorithm", name, "--range", "300:312", "--out", out.path,
      ])
      try command.run()
      let r = rows(try String(contentsOf: out, encoding: .utf8))
      #expect(r.count == 13)
      #expect(r.allSatisfy { ["0", "1", "NA"].contains($0["alarm"]!) })
      #expect(r.map { $0["week_index"]! } == (300...312).map(String.init))
    }
  }

  @Test func badInputsNameTheirPlaceAndExitCode() throws {
    let bad = temporary("bad.csv")
    try "series_id,week_index,count\nA,1,3\nA,2,-1\n".write(
      to: bad, atomically: true, encoding: .utf8)
    var command = try DetectCommand.parse([bad.path, "--algorithm", "earsC1", "--range", "1:2"])
    #expect(throws: ExitCode(65)) { try command.run() }

    let noColumn = temporary("nocolumn.csv")
    try "series,week_index,count\nA,1,3\n".write(to: noColumn, atomically: true, encoding: .utf8)
    command = try DetectCommand.parse([noColumn.path, "--algorithm", "cusum", "--range", "1:1"])
    #expect(throws: ExitCode(65)) { try command.run() }

    let yaml = temporary("typo.yaml")
    try "alhpa: 0.01\n".write(to: yaml, atomically: true, encoding: .utf8)
    let input = try writeInput(ids: ["M02"])
    command = try DetectCommand.parse([
      input.path, "--algorithm", "cusum", "--settings", yaml.path, "--range", "300:301",
    ])
    #expect(throws: ExitCode(78)) { try command.run() }

    #expect(throws: (any Error).self) {
      _ = try DetectCommand.parse([input.path, "--algorithm", "farrington", "--range", "1:2"])
    }
    #expect(throws: (any Error).self) {
      _ = try DetectCommand.parse([input.path, "--algorithm", "cusum", "--range", "9:2"])
    }
  }

  @Test func numbersAndQuoting() {
    #expect(DetectOutput.number(nil) == "NA")
    #expect(DetectOutput.number(.nan) == "NA")
    #expect(DetectOutput.number(17) == "17")
    #expect(DetectOutput.number(0.1) == "0.1")
    #expect(DetectOutput.quoted("a,b") == "\"a,b\"")
    #expect(DetectOutput.quoted("plain") == "plain")
  }
}
