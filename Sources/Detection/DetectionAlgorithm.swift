import Dispatch

/// One configured aberration detector.
public enum DetectionAlgorithm: Sendable, Hashable {
  case farringtonFlexible(FarringtonSettings)
  case ears(EARS.Settings)
  case cusum(CUSUM.Settings)
  case glrpois(GLRPoisson.Settings)

  /// The algorithm `method` with `settings` (reference defaults for missing keys).
  public init(method: DetectorMethod, settings: DetectorSettings) throws(DetectorSettingsError) {
    switch method {
    case .farringtonFlexible: self = .farringtonFlexible(try settings.farrington())
    case .earsC1: self = .ears(try settings.ears(.c1))
    case .earsC2: self = .ears(try settings.ears(.c2))
    case .earsC3: self = .ears(try settings.ears(.c3))
    case .cusum: self = .cusum(try settings.cusum())
    case .glrpois: self = .glrpois(try settings.glrpois())
    }
  }

  /// Runs the algorithm on one series over the 1-based `range`.
  public func detect(_ series: CountSeries, range: ClosedRange<Int>) -> SeriesDetection {
    switch self {
    case .farringtonFlexible(let s): FarringtonFlexible(settings: s).detect(series, range: range)
    case .ears(let s): EARS(settings: s).detect(series, range: range)
    case .cusum(let s): CUSUM(settings: s).detect(series, range: range)
    case .glrpois(let s): GLRPoisson(settings: s).detect(series, range: range)
    }
  }

  /// Runs the algorithm on many series, in parallel over series when `parallel` (Dispatch
  /// `concurrentPerform`); results are in input order and identical to a serial run.
  public func detect(
    _ series: [CountSeries], range: ClosedRange<Int>, parallel: Bool = true
  ) -> [SeriesDetection] {
    detect(count: series.count, parallel: parallel) { i, ws in
      self.detect(series[i], range: range, workspace: ws)
    }
  }

  /// Runs the algorithm on every unit of an `sts`-like matrix without copying the data.
  public func detect(
    _ matrix: SurveillanceSeries, range: ClosedRange<Int>, parallel: Bool = true
  ) -> [SeriesDetection] {
    detect(matrix, units: 0..<matrix.units.count, range: range, parallel: parallel)
  }

  /// Runs the algorithm on the units `units` of an `sts`-like matrix (e.g. in chunks, to
  /// bound the memory of the results).
  public func detect(
    _ matrix: SurveillanceSeries, units: Range<Int>, range: ClosedRange<Int>,
    parallel: Bool = true
  ) -> [SeriesDetection] {
    precondition(units.lowerBound >= 0 && units.upperBound <= matrix.units.count)
    return matrix.observed.withUnsafeBufferPointer { all in
      let population = matrix.population
      return detect(count: units.count, parallel: parallel) { index, ws in
        let u = units.lowerBound + index
        let length = matrix.length
        let obs = UnsafeBufferPointer(rebasing: all[(u * length)..<((u + 1) * length)])
        switch self {
        case .farringtonFlexible(let s):
          if let population {
            return population.withUnsafeBufferPointer { pop in
              let view = SeriesView(
                observed: obs,
                population: UnsafeBufferPointer(rebasing: pop[(u * length)..<((u + 1) * length)]),
                frequency: matrix.frequency)
              return FarringtonFlexible(settings: s).detect(
                view, id: matrix.units[u], range: range, workspace: ws)
            }
          }
          let view = SeriesView(observed: obs, population: nil, frequency: matrix.frequency)
          return FarringtonFlexible(settings: s).detect(
            view, id: matrix.units[u], range: range, workspace: ws)
        default:
          return self.detect(matrix[unit: u], range: range)
        }
      }
    }
  }

  private func detect(
    _ series: CountSeries, range: ClosedRange<Int>, workspace: FarringtonWorkspace
  )
    -> SeriesDetection
  {
    switch self {
    case .farringtonFlexible(let s):
      FarringtonFlexible(settings: s).detect(series, range: range, workspace: workspace)
    default: detect(series, range: range)
    }
  }

  /// Calls `body(i, workspace)` for i in 0..<count, in parallel chunks with one workspace
  /// per chunk, collecting results in order.
  private func detect(
    count: Int, parallel: Bool, _ body: (Int, FarringtonWorkspace) -> SeriesDetection
  ) -> [SeriesDetection] {
    guard count > 0 else { return [] }
    let slots = ResultSlots<SeriesDetection>(count: count)
    let chunkSize = parallel ? Swift.max(1, Swift.min(256, count / 64)) : count
    let chunks = (count + chunkSize - 1) / chunkSize
    withoutActuallyEscaping(body) { body in
      let work = UncheckedSendable(body)
      let run: (Int) -> Void = { chunk in
        let ws = FarringtonWorkspace()
        let start = chunk * chunkSize
        for i in start..<Swift.min(count, start + chunkSize) {
          slots.store(work.value(i, ws), at: i)
        }
      }
      if parallel && chunks > 1 {
        let sendableRun = UncheckedSendable(run)
        DispatchQueue.concurrentPerform(iterations: chunks) { sendableRun.value($0) }
      } else {
        for chunk in 0..<chunks { run(chunk) }
      }
    }
    return slots.collect()
  }
}

/// Write-once result slots shared by the workers of `concurrentPerform`: each index is
/// written by exactly one worker, and read only after all workers finished.
private final class ResultSlots<T>: @unchecked Sendable {
  private let storage: UnsafeMutablePointer<T?>
  private let count: Int

  init(count: Int) {
    self.count = count
    storage = .allocate(capacity: count)
    storage.initialize(repeating: nil, count: count)
  }

  deinit {
    storage.deinitialize(count: count)
    storage.deallocate()
  }

  func store(_ value: T, at i: Int) { storage[i] = value }

  func collect() -> [T] {
    (0..<count).map { i in
      guard let v = storage[i] else { preconditionFailure("result slot \(i) was not filled") }
      return v
    }
  }
}

/// Carries a non-Sendable closure into `concurrentPerform`, whose workers only read
/// immutable captured state and write disjoint result slots.
private struct UncheckedSendable<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
