import Detection
import Foundation
import Testing

@Suite struct DetectorSettingsTests {
  @Test func referenceDefaults() throws {
    let f = try DetectorSettings().farrington()
    #expect(f.b == 5 && f.w == 3 && f.reweight && f.weightsThreshold == 2.58)
    #expect(f.alpha == 0.05 && f.trend && f.pThresholdTrend == 0.05)
    #expect(f.limit54Cases == 5 && f.limit54Periods == 4 && f.powertrans == .twoThirds)
    #expect(f.noPeriods == 1 && f.pastWeeksNotIncluded == nil && f.thresholdMethod == .delta)
    #expect(f.dispersion == .package && !f.populationOffset)
    #expect(try DetectorSettings().ears(.c1).effectiveAlpha == 0.001)
    #expect(try DetectorSettings().ears(.c3).effectiveAlpha == 0.025)
    let c = try DetectorSettings().cusum()
    #expect(c.k == 1.04 && c.h == 2.26 && c.m == .mean)
    #expect(try DetectorSettings().glrpois().cARL == 5)
  }

  @Test func controlNamesMap() throws {
    var s = DetectorSettings()
    s.b = 4
    s.noPeriods = 10
    s.pastWeeksNotIncluded = 26
    s.thresholdMethod = "nbPlugin"
    s.limit54 = [3, 2]
    s.powertrans = "1/2"
    s.dispersion = "corrected"
    let f = try s.farrington()
    #expect(f.b == 4 && f.noPeriods == 10 && f.pastWeeksNotIncluded == 26)
    #expect(f.thresholdMethod == .nbPlugin && f.limit54Cases == 3 && f.limit54Periods == 2)
    #expect(f.powertrans == .squareRoot && f.dispersion == .corrected)
    s.m = "glm"
    #expect(try s.cusum().m == .glm)
  }

  @Test func badValuesNameTheKey() {
    func key(_ body: (inout DetectorSettings) -> Void, _ check: (DetectorSettings) throws -> Void)
      -> String?
    {
      var s = DetectorSettings()
      body(&s)
      do {
        try check(s)
        return nil
      } catch let error as DetectorSettingsError {
        return error.key
      } catch {
        return "unexpected \(error)"
      }
    }
    #expect(key({ $0.powertrans = "3/4" }, { _ = try $0.farrington() }) == "powertrans")
    #expect(key({ $0.thresholdMethod = "muan" }, { _ = try $0.farrington() }) == "thresholdMethod")
    #expect(key({ $0.limit54 = [5] }, { _ = try $0.farrington() }) == "limit54")
    #expect(key({ $0.dispersion = "fixed" }, { _ = try $0.farrington() }) == "dispersion")
    #expect(key({ $0.alpha = 1.5 }, { _ = try $0.farrington() }) == "farringtonFlexible")
    #expect(key({ $0.m = "median" }, { _ = try $0.cusum() }) == "m")
    #expect(key({ $0.baseline = 2 }, { _ = try $0.ears(.c1) }) == "earsC1")
    #expect(key({ $0.cARL = 0 }, { _ = try $0.glrpois() }) == "cARL")
  }

  /// `DetectorSettings.keys` (used to reject unknown keys in settings files) lists exactly
  /// the coded keys.
  @Test func keysMatchTheCodingKeys() throws {
    var s = DetectorSettings(method: .cusum)
    s.b = 1
    s.w = 1
    s.reweight = true
    s.weightsThreshold = 1
    s.pastWeeksNotIncluded = 1
    s.noPeriods = 1
    s.trend = true
    s.pThresholdTrend = 1
    s.thresholdMethod = "delta"
    s.alpha = 0.1
    s.limit54 = [1, 1]
    s.powertrans = "none"
    s.populationOffset = false
    s.baseline = 7
    s.minSigma = 0
    s.k = 1
    s.h = 1
    s.m = "mean"
    s.cARL = 1
    s.dispersion = "package"
    let data = try JSONEncoder().encode(s)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(Set(object.keys) == DetectorSettings.keys)
  }
}
