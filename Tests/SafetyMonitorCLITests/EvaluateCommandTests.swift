import Foundation
import Testing

@Suite(.serialized) struct EvaluateCommandTests {
  @Test func scoresFlagsAgainstATruthFile() throws {
    let w = try flaggedWorkspace()
    let truth = w.root + "/truth.csv"
    try """
    episode;kind;area;wijk;theme;indicators;sources;partners;firstWeek;lastWeek
    E01;spike;BU99990101;WK999901;hic;inbraak;politie;Politie;2024-W36;2024-W38

    """.write(toFile: truth, atomically: true, encoding: .utf8)
    let text = try safetyMonitor([
      "evaluate", w.pipeline, "--truth", truth, "--run-date", "2024-09-30",
    ])
    #expect(text.status == 0)
    #expect(text.stdout.hasPrefix("Flag quality: 2022-W39 – 2024-W38"))
    #expect(text.stdout.contains("episodes flagged"))
    #expect(text.stdout.contains("✓ false flags per area-week: "))
    // In Dutch the targets are Dutch too (the JSON keeps the English names).
    let dutch = try safetyMonitor([
      "evaluate", w.pipeline, "--truth", truth, "--run-date", "2024-09-30", "--lang", "nl",
    ])
    #expect(dutch.stdout.contains(" valse signalen per gebied-week: "))
    #expect(dutch.stdout.contains("(doel <= 0,5 %)"))
    #expect(dutch.stdout.contains("mediane vertraging van pieken (weken)"))
    #expect(!dutch.stdout.contains("false flags per area-week"))
    let json = try safetyMonitor(
      ["evaluate", w.pipeline, "--truth", truth, "--run-date", "2024-09-30", "--json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let episodes = try #require(object["perEpisode"] as? [[String: Any]])
    #expect(episodes.first?["id"] as? String == "E01")
    #expect(episodes.first?["flagged"] as? Bool == true)
    #expect(object["areaWeeks"] as? Int == 2 * 104)
  }

  @Test func badTruthFilesAreReported() throws {
    let w = try flaggedWorkspace()
    let truth = w.root + "/truth.csv"
    try "episode;kind\nE01;spike\n".write(toFile: truth, atomically: true, encoding: .utf8)
    let bad = try safetyMonitor(["evaluate", w.pipeline, "--truth", truth])
    #expect(bad.status == 78)
    #expect(bad.stderr.contains("truth.csv:1:1: error: the header has no column 'area'"))
    let missing = try safetyMonitor(["evaluate", w.pipeline, "--truth", w.root + "/nope.csv"])
    #expect(missing.status == 74)
  }
}
