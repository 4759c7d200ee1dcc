/// `farringtonFlexible` of R `surveillance` 1.20.3: the original Farrington et al. (1996)
/// method and the improved method of Noufaily et al. (2013), one independent computation
/// per time point. See docs/DETECTION.md for every step and the reproduced quirks.
public struct FarringtonFlexible: Sendable {
  public var settings: FarringtonSettings

  public init(settings: FarringtonSettings = FarringtonSettings()) {
    self.settings = settings
  }

  /// Outcomes for the 1-based time points in `range` (each must lie inside the series).
  public func detect(_ series: CountSeries, range: ClosedRange<Int>) -> SeriesDetection {
    let ws = FarringtonWorkspace()
    return detect(series, range: range, workspace: ws)
  }

  func detect(_ series: CountSeries, range: ClosedRange<Int>, workspace ws: FarringtonWorkspace)
    -> SeriesDetection
  {
    series.withView { view in
      detect(view, id: series.id, range: range, workspace: ws)
    }
  }

  func detect(
    _ view: SeriesView, id: String, range: ClosedRange<Int>, workspace ws: FarringtonWorkspace
  ) -> SeriesDetection {
    var warnings: [DetectionWarning] = []
    var outcomes: [DetectionOutcome] = []
    outcomes.reserveCapacity(range.count)
    for k in range {
      outcomes.append(evaluate(view, at: k, workspace: ws, warnings: &warnings))
    }
    return SeriesDetection(id: id, outcomes: outcomes, warnings: warnings)
  }

  /// The model used for the prediction, after the trend decision.
  private struct Model {
    var fit: GroupedPoissonGLM.Fit
    var phi: Double
    /// The dispersion of the trend test and the prediction's standard error.
    var trendDispersion: Double = .nan
    /// The weights R keeps on the model object (omega after re-weighting, else the working
    /// weights), which `summary.glm` and `predict.glm` use for the dispersion.
    var storedWeightsAreOmega: Bool
  }

  private enum Failure: Error {
    case notAvailable(NotAvailableReason)
  }

  func evaluate(
    _ series: SeriesView, at k: Int, workspace ws: FarringtonWorkspace,
    warnings: inout [DetectionWarning]
  ) -> DetectionOutcome {
    let n = series.count
    guard k >= 1, k <= n else {
      return DetectionOutcome(timeIndex: k, observed: nil, reason: .outOfRange)
    }
    let yk = series.observed[k - 1]
    let observed = notNaN(yk)
    do {
      return try compute(series, k: k, workspace: ws, warnings: &warnings)
    } catch let failure {
      switch failure {
      case .notAvailable(let reason):
        return DetectionOutcome(timeIndex: k, observed: observed, reason: reason)
      }
    }
  }

  private func compute(
    _ series: SeriesView, k: Int, workspace ws: FarringtonWorkspace,
    warnings: inout [DetectionWarning]
  ) throws(Failure) -> DetectionOutcome {
    let s = settings
    let n = series.count
    let glm = ws.glm
    ws.reserve(length: n, maxLevel: s.noPeriods)
    // 1. reference period
    do {
      try FarringtonBaseline.build(
        k: k, n: n, frequency: series.frequency, b: s.b, w: s.w, noPeriods: s.noPeriods,
        pastWeeksNotIncluded: s.effectivePastWeeksNotIncluded, levels: ws.levels)
    } catch let refusal {
      switch refusal {
      case .referencePointsMissing, .negativeSubscript:
        throw .notAvailable(.insufficientHistory)
      case .tooManyPeriods: throw .notAvailable(.notIdentifiable)
      }
    }
    // 2. model data: rows with an observation, sorted by group (= level present) and time
    let factors = s.noPeriods != 1
    let population = s.populationOffset ? series.population : nil
    let obs = series.observed
    let counts = ws.levelCounts
    for l in 0...s.noPeriods { counts[l] = 0 }
    @inline(__always) func usable(_ pos: Int) -> Bool {
      if ws.levels[pos] == 0 || obs[pos].isNaN { return false }
      if let population, population[pos].isNaN { return false }
      return true
    }
    let span = FarringtonBaseline.span(k: k, frequency: series.frequency, b: s.b, w: s.w)
    var rows = 0
    for pos in span where usable(pos) {
      counts[factors ? Int(ws.levels[pos]) : 1] += 1
      rows += 1
    }
    guard rows > 0 else { throw .notAvailable(.insufficientHistory) }
    // group index and first row per level (levels in increasing order)
    var groups = 0
    glm.groupStart[0] = 0
    for l in 1...s.noPeriods where counts[l] > 0 {
      ws.groupOfLevel[l] = Int32(groups)
      ws.cursor[l] = glm.groupStart[groups]
      glm.groupStart[groups + 1] = glm.groupStart[groups] + counts[l]
      groups += 1
    }
    // R: "contrasts can be applied only to factors with 2 or more levels"
    if factors && groups < 2 { throw .notAvailable(.notIdentifiable) }
    var maxResponse = -Double.infinity
    for pos in span where usable(pos) {
      let level = factors ? Int(ws.levels[pos]) : 1
      let row = ws.cursor[level]
      ws.cursor[level] = row + 1
      let y = obs[pos]
      glm.y[row] = y
      glm.t[row] = Double(pos + 1 - k)
      glm.group[row] = ws.groupOfLevel[level]
      glm.offset[row] = population.map { RMath.log($0[pos]) } ?? 0
      if y > maxResponse { maxResponse = y }
    }
    glm.n = rows
    glm.groups = groups
    glm.hasOffset = population != nil
    glm.prepareRows()
    let predictionGroup: Int
    if factors {
      // R: "factor seasgroups has new level" when the current level has no data
      guard counts[s.noPeriods] > 0 else { throw .notAvailable(.notIdentifiable) }
      predictionGroup = Int(ws.groupOfLevel[s.noPeriods])
    } else {
      predictionGroup = 0
    }
    let offsetNow: Double
    if let population {
      let p = population[k - 1]
      guard !p.isNaN else { throw .notAvailable(.missingObservation) }
      offsetNow = RMath.log(p)
    } else {
      offsetNow = 0
    }

    // 3. fit, trend decision
    var model = try fitModel(ws, trend: s.trend, k: k, warnings: &warnings)
    var doTrend = false
    if model.fit.hasTrend {
      let eta0 = glm.beta[predictionGroup] + offsetNow
      let predResponse = Swift.max(RMath.exp(eta0), RMath.doubleEpsilon)
      let disp = model.trendDispersion
      let varSlope = 1 / model.fit.schur
      let tValue = model.fit.slope / (varSlope * disp).squareRoot()
      let pValue = StudentT.twoSidedPValue(tValue, df: Double(model.fit.dfResidual))
      // R: atLeastThreeYears && significant && noExtrapolation, with NA logic
      let atLeastThreeYears: Bool? = s.b >= 3
      // A slope that is exactly zero (a symmetric baseline) gives p = 1; R's QR arithmetic
      // leaves such a slope at ~1e-17, so p < 1 and, at pThresholdTrend = 1, R keeps the
      // trend. Reproduced: an exact zero counts as significant at pThresholdTrend >= 1.
      let significant: Bool? =
        pValue.isNaN ? nil : (pValue < s.pThresholdTrend || (tValue == 0 && s.pThresholdTrend >= 1))
      let noExtrapolation: Bool? = predResponse.isNaN ? nil : predResponse <= maxResponse
      guard let decision = rAnd(rAnd(atLeastThreeYears, significant), noExtrapolation) else {
        throw .notAvailable(.undefined)
      }
      doTrend = decision
      if !doTrend {
        // R refits without trend; a failure there makes R stop (predict on NULL)
        model = try fitModel(ws, trend: false, k: k, warnings: &warnings)
      }
    }

    // 4. prediction with standard error (response scale for delta, link for nbPlugin)
    let eta0 = glm.beta[predictionGroup] + offsetNow
    let disp = model.trendDispersion
    let variance = GroupedPoissonGLM.predictionVariance(
      glm, model.fit, group: predictionGroup, t0: 0)
    let seLink = (variance * disp).squareRoot()
    let phi = model.phi
    let yk = series.observed[k - 1]

    var upper = Double.nan
    var score = Double.nan
    var pvalue = Double.nan
    let predFit: Double
    let predSe: Double
    let expectedValue: Double
    switch s.thresholdMethod {
    case .delta:
      let mu0 = Swift.max(RMath.exp(eta0), RMath.doubleEpsilon)
      predFit = mu0
      predSe = seLink * mu0
      expectedValue = mu0
      (upper, pvalue, score) = deltaThreshold(mu0: mu0, se: predSe, phi: phi, y: yk)
    case .nbPlugin:
      predFit = eta0
      predSe = seLink
      let mu0 = RMath.exp(eta0)
      expectedValue = mu0
      (upper, pvalue, score) = nbPluginThreshold(eta0: eta0, mu0: mu0, phi: phi, y: yk)
    }

    // 5. limit54 masking and alarm
    var reason: NotAvailableReason? = nil
    let windowStart = k - s.limit54Periods + 1
    if windowStart < 0 { throw .notAvailable(.insufficientHistory) }
    var recent = 0.0
    for pos in Swift.max(windowStart, 1)...k { recent += series.observed[pos - 1] }
    let enoughCases: Bool? = recent.isNaN ? nil : recent >= Double(s.limit54Cases)
    let upperbound: Double?
    let expected: Double?
    var alarm = false
    switch enoughCases {
    case .some(true):
      upperbound = notNaN(upper)
      expected = upper.isNaN ? nil : notNaN(expectedValue)
      alarm = !score.isNaN && score > 1 && yk != 0 && !yk.isNaN
      if upper.isNaN { reason = .undefined }
    case .some(false):
      upperbound = nil
      expected = nil
      reason = .tooFewRecentCases
    case .none:
      upperbound = nil
      expected = nil
      reason = .missingObservation
    }
    let diagnostics = FarringtonDiagnostics(
      phi: phi, trendKept: doTrend, trendCoefficient: doTrend ? model.fit.slope : nil,
      predictedMean: s.thresholdMethod == .nbPlugin ? RMath.exp(predFit) : predFit,
      standardError: predSe, unmaskedUpperbound: notNaN(upper), baselineSize: rows)
    return DetectionOutcome(
      timeIndex: k, observed: notNaN(yk), expected: expected, upperbound: upperbound,
      alarm: alarm, score: notNaN(score), pvalue: notNaN(pvalue), reason: reason,
      farrington: diagnostics)
  }

  /// R's three-valued `&&`.
  @inline(__always)
  private func rAnd(_ a: Bool?, _ b: Bool?) -> Bool? {
    if a == false { return false }
    if b == false { return false }
    if a == true && b == true { return true }
    return nil
  }

  /// The dispersion `summary.glm` / `predict.glm` use on the package's model object, or phi
  /// with `dispersion: corrected`.
  private func trendDispersion(_ ws: FarringtonWorkspace, _ model: Model) -> Double {
    switch settings.dispersion {
    case .corrected: return model.phi
    case .package:
      let weights = model.storedWeightsAreOmega ? ws.glm.omega : ws.glm.lastW
      return GroupedPoissonGLM.dispersion(ws.glm, model.fit, weights: weights)
    }
  }

  /// `algo.farrington.fitGLM.flexible`: fit (without trend if that does not converge),
  /// phi, Anscombe-residual re-weighting and the weighted refit.
  private func fitModel(
    _ ws: FarringtonWorkspace, trend: Bool, k: Int, warnings: inout [DetectionWarning]
  ) throws(Failure) -> Model {
    let glm = ws.glm
    let s = settings
    for i in 0..<glm.n { glm.prior[i] = 1 }
    var fit = GroupedPoissonGLM.fit(glm, trend: trend)
    if !fit.fullRank { throw .notAvailable(.notIdentifiable) }
    if !fit.converged {
      warnings.append(
        DetectionWarning(timeIndex: k, message: "glm.fit: algorithm did not converge"))
      if trend {
        fit = GroupedPoissonGLM.fit(glm, trend: false)
        if !fit.fullRank { throw .notAvailable(.notIdentifiable) }
        if !fit.converged {
          warnings.append(
            DetectionWarning(timeIndex: k, message: "glm.fit: algorithm did not converge"))
        }
      }
      if !fit.converged {
        warnings.append(
          DetectionWarning(
            timeIndex: k,
            message: "the model could not converge with nor without time trend"))
        throw .notAvailable(.noConvergence)
      }
    }
    guard fit.dfResidual > 0 else { throw .notAvailable(.notIdentifiable) }
    var phi = rMax1(GroupedPoissonGLM.dispersion(glm, fit, weights: glm.lastW))
    guard s.reweight else {
      var model = Model(fit: fit, phi: phi, storedWeightsAreOmega: false)
      model.trendDispersion = trendDispersion(ws, model)
      return model
    }
    // Anscombe residuals of the unweighted fit, weights omega (sum n), weighted refit
    let threshold = s.weightsThreshold
    guard
      let outliers = GroupedPoissonGLM.anscombeOutliers(
        glm, fit, phi: phi, threshold: threshold, into: glm.scratch)
    else {
      throw .notAvailable(.undefined)  // a NaN residual: R stops (NAs in subscripted assignment)
    }
    var denominator = Double(glm.n - outliers)
    if outliers > 0 {
      for i in 0..<glm.n where glm.scratch[i] >= 0 { denominator += glm.scratch[i] }
    }
    let gamma = Double(glm.n) / denominator
    var zeroWeights = 0
    for i in 0..<glm.n {
      let inverseSquare = glm.scratch[i]
      let o = inverseSquare >= 0 ? gamma * inverseSquare : gamma
      glm.omega[i] = o
      glm.prior[i] = o
      if o == 0 { zeroWeights += 1 }
    }
    if zeroWeights > 0 {
      warnings.append(
        DetectionWarning(
          timeIndex: k, message: "observations with zero weight not used for calculating dispersion"
        ))
    }
    // No residual above the threshold: gamma = n / n = 1 and every weight is exactly 1, so
    // R's weighted refit repeats the unweighted fit operation for operation; the workspace
    // still holds that fit (the residuals went to scratch), so reuse it.
    let allOne = outliers == 0
    let refit = allOne ? fit : GroupedPoissonGLM.fit(glm, trend: fit.hasTrend)
    if !refit.fullRank || refit.dfResidual <= 0 { throw .notAvailable(.notIdentifiable) }
    if !refit.converged {
      warnings.append(
        DetectionWarning(timeIndex: k, message: "glm.fit: algorithm did not converge"))
    }
    // phi from the working weights; the package's trend dispersion from omega (one pass)
    let (working, stored) = GroupedPoissonGLM.dispersions(glm, refit, glm.lastW, glm.omega)
    phi = rMax1(working)
    var model = Model(fit: refit, phi: phi, storedWeightsAreOmega: true)
    model.trendDispersion = s.dispersion == .corrected ? phi : stored
    return model
  }

  /// R's `max(x, 1)`, which is NaN for NaN x.
  @inline(__always)
  private func rMax1(_ x: Double) -> Double { x.isNaN ? .nan : Swift.max(x, 1) }
}
