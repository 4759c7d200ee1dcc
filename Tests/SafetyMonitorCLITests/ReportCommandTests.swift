import Foundation
import Testing

@Suite struct ReportCommandTests {
  func workspaceWithData() throws -> CLIWorkspace {
    let w = try CLIWorkspace()
    var rows = "naam;nr;datum;buurt;code\n"
    for i in 0..<40 {
      let day = 1 + i % 28
      let month = 7 + i % 3
      rows += "X;\(i);\(day < 10 ? "0" : "")\(day)-0\(month)-2024;BU99990101;1.1.1\n"
    }
    try w.drop("politie_1.csv", rows)
    let run = try safetyMonitor(["run", w.pipeline, "--run-date", "2024-10-07"])
    #expect(run.status == 0, "\(run.stderr)")
    return w
  }

  @Test func writesEveryFormatIntoTheOutputFolder() throws {
    let w = try workspaceWithData()
    let out = w.root + "/reports"
    let r = try safetyMonitor([
      "report", w.pipeline, "--period", "2024Q3", "--format", "html", "--format", "md,csv",
      "--format", "json", "--format", "geojson", "--out", out, "--run-date", "2024-10-07",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let written = r.stdout.split(separator: "\n").map {
      URL(fileURLWithPath: String($0)).lastPathComponent
    }
    // The test pipeline's language is English: its files end in -en.
    #expect(
      written == [
        "report-2024Q3-en.html", "report-2024Q3-en.md", "report-2024Q3-en-themes.csv",
        "report-2024Q3-en-indicators.csv", "report-2024Q3-en-areas.csv",
        "report-2024Q3-en-area-indicators.csv", "report-2024Q3-en-sources.csv",
        "report-2024Q3-en-exports.csv", "report-2024Q3-en.json", "report-2024Q3-en.geojson",
      ])
    for name in written {
      #expect(FileManager.default.fileExists(atPath: out + "/" + name), "\(name)")
    }
    let html = try String(contentsOfFile: out + "/report-2024Q3-en.html", encoding: .utf8)
    #expect(html.contains("<h1>Safety monitor"))
    #expect(html.contains("40"))  // the quarter's burglaries
    let json =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: out + "/report-2024Q3-en.json")))
      as? [String: Any]
    #expect(json?["schemaVersion"] as? Int == 1)
  }

  @Test func dutchWithLangAndAnAnnualEvaluationWithCompare() throws {
    let w = try workspaceWithData()
    let out = w.root + "/reports"
    let r = try safetyMonitor([
      "report", w.pipeline, "--period", "2024", "--compare", "2023", "--format", "md",
      "--lang", "nl", "--out", out, "--run-date", "2024-10-07",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let md = try String(contentsOfFile: out + "/report-2024-vs-2023.md", encoding: .utf8)
    #expect(md.hasPrefix("# Jaarevaluatie veiligheid"))
    #expect(md.contains("Deze periode was op 7 oktober 2024 nog niet voorbij"))
  }

  @Test func usageErrorsExitWith64AndAMissingStoreWith74() throws {
    let w = try CLIWorkspace()
    let noStore = try safetyMonitor([
      "report", w.pipeline, "--period", "2024Q3", "--format", "html", "--out", w.root + "/r",
    ])
    #expect(noStore.status == 74)
    #expect(noStore.stderr.contains("no store yet"))
    for args in [
      ["--period", "2024Q5", "--format", "html"], ["--period", "2024Q3", "--format", "pdf"],
      ["--period", "2024Q3", "--format", "html", "--lang", "de"],
      ["--period", "2024Q3", "--compare", "2024-05", "--format", "html"],
      ["--period", "2023Q3", "--compare", "2024", "--format", "html"],
    ] {
      let r = try safetyMonitor(["report", w.pipeline] + args + ["--out", w.root + "/r"])
      #expect(r.status == 64, "\(args): \(r.stderr)")
    }
    let data = try workspaceWithData()
    let future = try safetyMonitor([
      "report", data.pipeline, "--period", "2025Q1", "--format", "html", "--out", data.root + "/r",
      "--run-date", "2024-10-07",
    ])
    #expect(future.status == 64)
    #expect(future.stderr.contains("starts after the run date"))
  }
}
