import Detection
import Foundation
import SafetyCore
import Testing

@testable import PipelineSpec

@Suite struct FlagsConfigTests {
  func load(_ extra: String) throws -> LoadedPipeline {
    try LoadedPipeline.parse(samplePipeline + "\n" + extra, file: "p.yaml")
  }

  func errors(_ extra: String) throws -> [String] {
    try load(extra).validate().filter { $0.severity == .error }.map(\.message)
  }

  @Test func decodesTheFlagsSection() throws {
    let p = try load(
      """
      flags:
        evaluationWeeks: 52
        rising: {windowWeeks: 20, periods: 3}
        convergent: {minSources: 3}
        cluster: {kinds: [spike]}
        themes:
          hic: {kinds: [spike, cluster], level: wijk, period: month}
        indicators:
          woninginbraak: {detectors: [{alpha: 0.002}, {method: earsC2}]}
      """)
    let f = try #require(p.spec.flags)
    #expect(f.evaluationWeeks == 52)
    #expect(f.rising?.periods == 3)
    #expect(f.themes?["hic"]?.kinds == [.spike, .cluster])
    #expect(f.cluster?.kinds == [.spike])
    #expect(try errors("").isEmpty)
    // Theme rules give the period and level of indicators that set none.
    #expect(p.spec.basePeriod(ofIndicator: "woninginbraak") == .month)
    #expect(p.spec.detectionLevel(ofIndicator: "woninginbraak") == .wijk)
    #expect(p.spec.basePeriod(ofIndicator: "verward") == .month)
  }

  @Test func layersDetectorsOverTheIndicatorsSettings() throws {
    let p = try load(
      """
      detection:
        default: {method: farringtonFlexible, b: 4, alpha: 0.01}
      flags:
        indicators:
          woninginbraak: {detectors: [{alpha: 0.002}, {method: earsC2, alpha: 0.01}]}
      """)
    let detectors = p.spec.spikeDetectors(ofIndicator: "woninginbraak")
    #expect(detectors.count == 2)
    #expect(detectors[0].method == .farringtonFlexible)
    #expect(detectors[0].b == 4 && detectors[0].alpha == 0.002)
    // Another method keeps only its own keys.
    #expect(detectors[1].method == .earsC2 && detectors[1].b == nil && detectors[1].alpha == 0.01)
    #expect(p.spec.spikeDetectors(ofIndicator: "verward").map(\.alpha) == [0.01])
  }

  @Test func anUnknownKeyIsRejectedWithItsPosition() throws {
    #expect(throws: Diagnostic.self) { try load("flags: {spkie: {minCases: 3}}") }
    do {
      _ = try load("flags:\n  spike: {minCase: 3}")
      Issue.record("expected an error")
    } catch let error as Diagnostic {
      #expect(error.code == .unknownKey)
      #expect(error.message.contains("did you mean 'minCases'"))
      #expect(error.position?.line == samplePipeline.split(separator: "\n").count + 2)
    }
  }

  @Test func checksRangesReferencesAndKinds() throws {
    let messages = try errors(
      """
      flags:
        evaluationWeeks: 2
        elevated: {band: 90}
        convergent: {minSources: 1, softAlpha: 1.5}
        cluster: {minAreas: 1, kinds: [cluster]}
        themes:
          hicc: {kinds: [spike]}
        indicators:
          woninginbraak: {kinds: [convergent], detectors: [{limit54: [5]}]}
          nope: {kinds: []}
      """)
    #expect(messages.contains("evaluationWeeks must be between 4 and 1040, found 2"))
    #expect(messages.contains("band must be above 100 (the municipal level), found 90.0"))
    #expect(messages.contains("minSources must be at least 2, found 1"))
    #expect(messages.contains("softAlpha must be between 0 and 1 (exclusive), found 1.5"))
    #expect(messages.contains("minAreas must be at least 2, found 1"))
    #expect(messages.contains("a cluster cannot be made of clusters"))
    #expect(messages.contains { $0.hasPrefix("unknown theme 'hicc'") })
    #expect(messages.contains { $0.hasPrefix("unknown indicator 'nope'") })
    #expect(messages.contains("'convergent' is decided per theme; set it under flags.themes"))
    #expect(messages.contains { $0.contains("limit54") })
  }
}
