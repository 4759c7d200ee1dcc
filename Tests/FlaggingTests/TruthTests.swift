import SafetyCore
import Testing

@testable import Flagging

@Suite struct TruthTests {
  @Test func readsEpisodesByColumnName() throws {
    let text = """
      episode;kind;area;wijk;theme;indicators;sources;partners;firstWeek;lastWeek;extra
      E01;spike;BU99990101;WK999901;hic;inbraak;politie;Politie;2024-W10;2024-W12;x
      E02;convergent;BU99990102;WK999901;overlast;overlastPolitie,overlastMOR;politie,mor;Politie,Gemeente;2024-W20;2024-W28;y

      """
    let episodes = try TruthFile.episodes(text)
    #expect(episodes.count == 2)
    #expect(episodes[1].indicators == ["overlastPolitie", "overlastMOR"])
    #expect(episodes[1].firstWeek == week(2024, 20))
    #expect(episodes[0].wijk == "WK999901")
  }

  @Test func namesTheLineOfABadRow() {
    let text = "episode;kind;area;wijk;theme;indicators;sources;firstWeek;lastWeek\nE01;spike;A;W;t;i;s;2024-13;2024-W12\n"
    #expect(throws: TruthFileError.self) { try TruthFile.episodes(text) }
    do {
      _ = try TruthFile.episodes(text)
    } catch {
      #expect(error.line == 2)
    }
    #expect(throws: TruthFileError.self) { try TruthFile.episodes("episode;kind\nE01;spike\n") }
  }

  @Test func readsLevels() throws {
    let levels = try TruthFile.levels(
      "area;level;indicator;year;expected\r\nBU99990101;buurt;inbraak;2024;12.500\r\n")
    #expect(levels == [TruthLevel(area: "BU99990101", indicator: "inbraak", year: 2024, expected: 12.5)])
  }
}
