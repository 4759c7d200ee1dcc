import Testing

@testable import Detection

@Suite struct MannKendallTests {
  /// Against pymannkendall 1.4.3 (fixtures/reference/trend-*.csv, scripts/make-trend-reference.py;
  /// `SAFETY_REFERENCE_DIR` names another set).
  @Test func matchesPymannkendall() throws {
    var values: [String: [Double]] = [:]
    for row in try ReferenceData.table("trend-series.csv") {
      values[row["series_id"]!, default: []].append(ReferenceData.number(row["value"]) ?? .nan)
    }
    let reference = try ReferenceData.table("trend-reference.csv")
    #expect(reference.count >= 40)
    var maxRelative = 0.0
    for row in reference {
      let id = row["series_id"]!
      let series = try #require(values[id])
      let r = try #require(MannKendall.test(series, alpha: 0.05))
      func close(_ ours: Double?, _ key: String, absolute: Double = 0) {
        let expected = ReferenceData.number(row[key])
        guard let o = ours, let e = expected else {
          #expect(ours == nil && expected == nil, "\(id) \(key): ours \(String(describing: ours))")
          return
        }
        let rel = o == e ? 0 : abs(o - e) / max(abs(o), abs(e))
        if abs(o - e) > absolute { maxRelative = max(maxRelative, rel) }
        #expect(rel <= 1e-12 || abs(o - e) <= absolute, "\(id) \(key): ours \(o) reference \(e)")
      }
      #expect(r.n == Int(row["n"]!)!)
      close(r.s, "s")
      close(r.varianceS, "var_s")
      close(r.z, "z")
      // pymannkendall computes p as 1 - cdf: only ~1e-16 absolute accuracy for small p
      close(r.pValue, "p", absolute: 1e-14)
      close(r.tau, "tau")
      close(r.slope, "slope", absolute: 1e-15)
      close(r.intercept, "intercept", absolute: 1e-13)
      #expect(r.direction.rawValue == row["trend"]!, "\(id) trend")
      #expect(r.significant == (row["h"] == "1"), "\(id) h")
    }
    print(
      "Mann-Kendall conformance (\(ReferenceData.directory.path)): \(reference.count) series,"
        + " max relative error \(maxRelative)")
  }

  @Test func tiesReduceTheVariance() throws {
    let noTies = try #require(MannKendall.test([1, 2, 3, 4, 5, 6]))
    let expectedNoTies: Double = 6.0 * 5.0 * 17.0 / 18.0
    #expect(noTies.varianceS == expectedNoTies)
    let ties = try #require(MannKendall.test([1, 1, 2, 2, 2, 3]))
    // groups of 2 and 3: (6*5*17 - 2*1*9 - 3*2*11) / 18
    let expectedTies: Double = Double(6 * 5 * 17 - 2 * 1 * 9 - 3 * 2 * 11) / 18.0
    #expect(ties.varianceS == expectedTies)
    #expect(ties.s == 11)
  }

  @Test func risingSeriesIsIncreasing() throws {
    let r = try #require(MannKendall.test((0..<20).map { Double($0) + ($0 % 3 == 0 ? 0.5 : 0) }))
    #expect(r.direction == .increasing)
    #expect(r.significant)
    #expect(r.slope! > 0.9 && r.slope! < 1.1)
  }

  @Test func tooShortIsNil() {
    #expect(MannKendall.test([]) == nil)
    #expect(MannKendall.test([3]) == nil)
    #expect(MannKendall.test([.nan, 4, .nan]) == nil)
  }

  @Test func constantSeriesHasNoTrend() throws {
    let r = try #require(MannKendall.test([0, 0, 0, 0, 0, 0, 0]))
    #expect(r.s == 0 && r.z == 0 && r.pValue == 1 && r.direction == .noTrend)
    #expect(r.slope == 0 && r.intercept == 0)
  }
}
