import FixtureGen
import Foundation
import PipelineSpec
import SafetyCore
import Testing
import Yams

/// `pipelines/demostad.yaml` decodes into the typed `Pipeline`, uses only keys the types
/// know, and agrees with the generator's indicator catalogue.
@Suite struct IndicatorCatalogueTests {
  @Test func pipelineDecodesIntoTypes() throws {
    let p = try Repo.decodedPipeline()
    #expect(p.version == 1)
    #expect(p.name == "demostad-veiligheid")
    #expect(p.municipality == AreaCode("GM9999"))
    #expect(p.title?.contains("synthetisch") == true)
    #expect(p.state == "../state/demostad")
    #expect(p.sources.count == SourceID.allCases.count)
    #expect(p.indicators.count == IndicatorCatalogue.all.count)
  }

  /// Every key written in the file survives decode → encode: nothing is silently ignored
  /// (the strict decoder of the pipeline stage rejects unknown keys).
  @Test func everyKeyIsKnownToTheTypes() throws {
    let text = try String(contentsOf: Repo.pipeline, encoding: .utf8)
    let p = try YAMLDecoder().decode(Pipeline.self, from: text)
    let reencoded = try YAMLEncoder().encode(p)
    let source = try #require(try Yams.compose(yaml: text))
    let back = try #require(try Yams.compose(yaml: reencoded))
    var unknown: [String] = []
    func walk(_ a: Node, _ b: Node, _ path: String) {
      guard let am = a.mapping else {
        if let seq = a.sequence, let bseq = b.sequence {
          for (x, y) in zip(seq, bseq) { walk(x, y, path + "[]") }
        }
        return
      }
      guard let bm = b.mapping else {
        unknown.append(path)
        return
      }
      for (k, v) in am {
        let key = k.string ?? "?"
        if let bv = bm[key] {
          walk(v, bv, path + "." + key)
        } else {
          unknown.append(path + "." + key)
        }
      }
    }
    walk(source, back, "")
    #expect(unknown.isEmpty, "keys the types do not know: \(unknown)")
  }

  @Test func everyIndicatorHasAThemeAndKnownSources() throws {
    let p = try Repo.decodedPipeline()
    for (id, ind) in p.indicators {
      let theme = try #require(p.themes[ind.theme], "\(id): unknown theme \(ind.theme)")
      if let sub = ind.subtheme {
        #expect(theme.subthemes?[sub] != nil, "\(id): unknown subtheme \(sub)")
      }
      #expect(!ind.from.isEmpty)
      for (source, categories) in ind.from {
        #expect(p.sources[source] != nil, "\(id): unknown source \(source)")
        #expect(!categories.isEmpty)
      }
    }
  }

  @Test func everyFocusThemeAndAllSevenCareSubthemes() throws {
    let p = try Repo.decodedPipeline()
    #expect(p.themes.keys == IndicatorCatalogue.themes)
    let care = try #require(p.themes["zorgEnVeiligheid"]?.subthemes)
    #expect(care.keys == IndicatorCatalogue.careSubthemes)
    for theme in p.themes.keys {
      #expect(p.indicators.values.contains { $0.theme == theme }, "no indicator for \(theme)")
    }
    for sub in care.keys {
      #expect(p.indicators.values.contains { $0.subtheme == sub }, "no indicator for \(sub)")
    }
  }

  /// The generator plants episodes per indicator: its catalogue must be the pipeline's.
  @Test func catalogueEqualsPipelineIndicators() throws {
    let p = try Repo.decodedPipeline()
    #expect(p.indicators.keys == IndicatorCatalogue.all.map(\.id))
    for def in IndicatorCatalogue.all {
      let ind = try #require(p.indicators[def.id])
      #expect(ind.theme == def.theme, "\(def.id)")
      #expect(ind.subtheme == def.subtheme, "\(def.id)")
      #expect((ind.period ?? .week) == def.period, "\(def.id)")
      #expect((ind.level ?? .buurt) == def.level, "\(def.id)")
      #expect(ind.from.keys == def.from.map(\.source.rawValue), "\(def.id)")
      for (s, cats) in def.from { #expect(ind.from[s.rawValue] == cats, "\(def.id) \(s)") }
    }
  }

  /// Every category an indicator names is one the generator writes for that source, and
  /// no category feeds two indicators (a planted episode belongs to one theme).
  @Test func categoriesExistAndFeedOneIndicator() throws {
    let catalogue = Catalogue()
    var seen: [String: String] = [:]
    for def in IndicatorCatalogue.all {
      for (s, codes) in def.from {
        for code in codes {
          #expect(catalogue.category(s, code) != nil, "\(def.id): \(s) has no \(code)")
          let key = "\(s)|\(code)"
          #expect(seen[key] == nil, "\(key) feeds \(seen[key] ?? "") and \(def.id)")
          seen[key] = def.id
        }
      }
    }
  }

  @Test func partnersAndShapesMatchTheGenerator() throws {
    let p = try Repo.decodedPipeline()
    for s in SourceID.allCases {
      let src = try #require(p.sources[s.rawValue])
      #expect(src.partner == s.partner)
      #expect(src.shape == (s.isAggregated ? .aggregated : .records))
      if s.isAggregated {
        #expect(src.count != nil && src.period != nil && src.key == nil)
      } else {
        #expect(src.key != nil && src.date != nil && !(src.personal ?? []).isEmpty)
      }
    }
  }
}
