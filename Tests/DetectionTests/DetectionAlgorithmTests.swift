import Detection
import Testing

@Suite struct DetectionAlgorithmTests {
  static let names = [
    "farrington_noufaily", "farrington_1996_b3", "farrington_noufaily_pop", "ears_c1", "ears_c3",
    "cusum_glm", "glrpois",
  ]

  /// Dispatch over series gives exactly the serial results, in input order.
  @Test(arguments: names) func parallelEqualsSerial(name: String) throws {
    let all = try ReferenceData.series()
    let series = all.keys.sorted().compactMap { all[$0] }.filter {
      $0.frequency == 52 && $0.count == 312
    }
    let algorithm = try ReferenceData.algorithm(name)
    let serial = algorithm.detect(series, range: 261...312, parallel: false)
    let parallel = algorithm.detect(series, range: 261...312, parallel: true)
    #expect(serial.count == series.count)
    #expect(serial == parallel)
    #expect(zip(serial, series).allSatisfy { $0.id == $1.id })
  }

  /// The sts-like matrix path (no copies) equals the per-series path.
  @Test func matrixEqualsSeries() throws {
    let all = try ReferenceData.series()
    let ids = all.keys.sorted().filter { all[$0]!.count == 312 && all[$0]!.frequency == 52 }
    let series = ids.map { all[$0]! }
    let matrix = SurveillanceSeries(units: ids, columns: series.map(\.observed))
    let algorithm = DetectionAlgorithm.farringtonFlexible(.noufaily2013)
    #expect(
      algorithm.detect(matrix, range: 300...312) == algorithm.detect(series, range: 300...312))
  }

  @Test func methodsAndDefaults() throws {
    let none = DetectorSettings()
    #expect(
      try DetectionAlgorithm(method: .farringtonFlexible, settings: none)
        == .farringtonFlexible(FarringtonSettings()))
    #expect(
      try DetectionAlgorithm(method: .earsC3, settings: none) == .ears(EARS.Settings(method: .c3)))
    #expect(try DetectionAlgorithm(method: .cusum, settings: none) == .cusum(CUSUM.Settings()))
    #expect(
      try DetectionAlgorithm(method: .glrpois, settings: none) == .glrpois(GLRPoisson.Settings()))
  }
}
