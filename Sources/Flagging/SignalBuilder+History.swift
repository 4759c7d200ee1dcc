import Detection

extension SignalBuilder {
  /// Runs `algorithm` over the 1-based `range` of every series.
  ///
  /// Farrington judges a period against the same weeks of `b` earlier years, so a period
  /// with less than `b` years of data before it gets no expectation at all ("insufficient
  /// history"). A pipeline whose partners have delivered fewer than `b` years of exports
  /// would then raise no flags at all. So when even the latest period of the range lacks
  /// `b` years — a young pipeline — each period is judged with the years the series does
  /// hold (at least one): exactly the reference package's `farringtonFlexible` with that
  /// smaller `b` (the conformance reference has b = 1 and 2; with b < 3 the trend is
  /// dropped, as R does). Fewer years make a noisier baseline; the explanation's expected
  /// counts say what the flag rests on. Once the latest period has its `b` years, the
  /// whole range runs as configured (periods before that get no expectation, as before),
  /// and so does every other detector. docs/FLAGS.md ("Young pipelines").
  static func detectWithAvailableHistory(
    _ algorithm: DetectionAlgorithm, _ series: [CountSeries], range: ClosedRange<Int>,
    frequency: Int, parallel: Bool
  ) -> [SeriesDetection] {
    guard case .farringtonFlexible(let settings) = algorithm, settings.b > 1,
      range.upperBound < firstPeriod(years: settings.b, frequency: frequency, w: settings.w)
    else { return algorithm.detect(series, range: range, parallel: parallel) }
    var parts: [[SeriesDetection]] = []
    var lower = range.lowerBound
    while lower <= range.upperBound {
      let years = yearsAvailable(at: lower, frequency: frequency, w: settings.w, most: settings.b)
      let upper =
        years >= settings.b
        ? range.upperBound
        : min(
          range.upperBound,
          firstPeriod(years: years + 1, frequency: frequency, w: settings.w) - 1)
      var s = settings
      if years >= 1 { s.b = years }  // 0: as configured (insufficient history)
      parts.append(
        DetectionAlgorithm.farringtonFlexible(s).detect(
          series, range: lower...upper, parallel: parallel))
      lower = upper + 1
    }
    return series.indices.map { i in
      SeriesDetection(
        id: parts[0][i].id, outcomes: parts.flatMap { $0[i].outcomes },
        warnings: parts.flatMap { $0[i].warnings })
    }
  }

  /// The first 1-based period with `years` complete reference years before it: the
  /// reference points k − f·b must exist and the window around the oldest (± w) must not
  /// reach before the series (R's subscripts).
  static func firstPeriod(years: Int, frequency: Int, w: Int) -> Int {
    years * frequency + max(w, 1)
  }

  /// How many reference years period `k` has (at most `most`; 0 when not one).
  static func yearsAvailable(at k: Int, frequency: Int, w: Int, most: Int) -> Int {
    var years = 0
    while years < most, k >= firstPeriod(years: years + 1, frequency: frequency, w: w) {
      years += 1
    }
    return years
  }
}
