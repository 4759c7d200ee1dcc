// Detection benchmark (see BENCHMARKS.md, section "Detection").
//
//   swift run -c release --package-path Benchmarks/Detection detection-benchmark \
//     [--areas 14000] [--indicators 40] [--weeks 312] [--r-sample 200] [--r-sample-52 20] \
//     [--fraction-52 1.0] [--no-r]
//
// Phases: generate the cube (not timed in the results); improved Farrington (Noufaily
// settings as in docs/DETECTION.md) for the latest week over the whole cube, in parallel
// (Dispatch concurrentPerform over series) and serially on a sample; the last 52 weeks over
// the cube (or a fraction of it); R surveillance on a sample of the same series for the
// per-series ratio, with a cross-check of R's upper bounds and alarms against ours.
import Detection
import Dispatch
import Foundation

struct Options {
  var areas = 14_000
  var indicators = 40
  var weeks = 312
  var rSample = 200
  var rSample52 = 20
  var fraction52 = 1.0
  var runR = true
  var repeats = 3

  init(arguments: [String]) {
    var i = 1
    func value() -> String {
      i += 1
      guard i < arguments.count else { fatalError("missing value for \(arguments[i - 1])") }
      return arguments[i]
    }
    while i < arguments.count {
      switch arguments[i] {
      case "--areas": areas = Int(value())!
      case "--indicators": indicators = Int(value())!
      case "--weeks": weeks = Int(value())!
      case "--r-sample": rSample = Int(value())!
      case "--r-sample-52": rSample52 = Int(value())!
      case "--fraction-52": fraction52 = Double(value())!
      case "--no-r": runR = false
      case "--repeat": repeats = Int(value())!
      default: fatalError("unknown argument \(arguments[i])")
      }
      i += 1
    }
  }
}

func seconds(_ d: Duration) -> Double {
  Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}

func time<T>(_ body: () -> T) -> (T, Double) {
  let clock = ContinuousClock()
  var result: T?
  let d = clock.measure { result = body() }
  return (result!, seconds(d))
}

/// CPU time of the calling thread (to see contention from other processes).
func threadCPUSeconds() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

func summarise(_ results: [SeriesDetection]) -> String {
  var alarms = 0
  var computed = 0
  var reasons: [String: Int] = [:]
  var total = 0
  for r in results {
    for o in r.outcomes {
      total += 1
      if o.alarm == true { alarms += 1 }
      if o.upperbound != nil { computed += 1 }
      if let reason = o.reason { reasons[reason.rawValue, default: 0] += 1 }
    }
  }
  let reasonText = reasons.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(
    separator: ", ")
  return
    "\(total) outcomes, \(computed) with a threshold, \(alarms) alarms; NA reasons: \(reasonText)"
}

let options = Options(arguments: CommandLine.arguments)
var settings = FarringtonSettings.noufaily2013
let algorithm = DetectionAlgorithm.farringtonFlexible(settings)
let cores = ProcessInfo.processInfo.activeProcessorCount
print("machine: \(cores) cores; \(ProcessInfo.processInfo.operatingSystemVersionString)")
print(
  "settings: farringtonFlexible b=\(settings.b) w=\(settings.w) noPeriods=\(settings.noPeriods) "
    + "pastWeeksNotIncluded=\(settings.pastWeeksNotIncluded ?? settings.w) "
    + "thresholdMethod=\(settings.thresholdMethod.rawValue) alpha=\(settings.alpha)")

let (cube, generation) = time {
  Cube(areas: options.areas, indicators: options.indicators, weeks: options.weeks)
}
let count = cube.matrix.units.count
let profile = cube.profile()
print(
  String(
    format: "cube: %d areas x %d indicators x %d weeks = %d series (generated in %.1f s); "
      + "all-zero series %.1f%%, mean count %.3f", options.areas, options.indicators,
    options.weeks, count, generation, profile.zeroSeries * 100, profile.meanCount))

let last = options.weeks
// warm-up (page in the data, first-touch allocations)
_ = algorithm.detect(cube.matrix, range: last...last, parallel: true)

// 1. latest week, whole cube, parallel
var latestTime = Double.infinity
var latest: [SeriesDetection] = []
for _ in 0..<max(1, options.repeats) {
  let (results, wall) = time { algorithm.detect(cube.matrix, range: last...last, parallel: true) }
  latestTime = min(latestTime, wall)
  latest = results
}
print(
  String(
    format:
      "latest week, whole cube, parallel (%d cores, best of %d): %.2f s = %.2f us/series wall",
    cores, max(1, options.repeats), latestTime, latestTime / Double(count) * 1e6))
print("  \(summarise(latest))")

// 2. serial on a sample: per-series single-core time
let serialCount = min(count, 40_000)
let stride = max(1, count / serialCount)
let sampleSeries = (0..<serialCount).map { cube.matrix[unit: ($0 * stride) % count] }
// best of `repeats` runs (other processes share the machine)
var serialCPU = Double.infinity
var serialTime = Double.infinity
var serialResults: [SeriesDetection] = []
for _ in 0..<max(1, options.repeats) {
  let cpuBefore = threadCPUSeconds()
  let (results, wall) = time { algorithm.detect(sampleSeries, range: last...last, parallel: false) }
  serialCPU = min(serialCPU, threadCPUSeconds() - cpuBefore)
  serialTime = min(serialTime, wall)
  serialResults = results
}
let perSeries = serialCPU / Double(serialCount)
print(
  String(
    format:
      "latest week, serial, %d sampled series (best of %d): %.3f s wall, %.3f s CPU = %.2f us/series (one core, CPU time)",
    serialCount, max(1, options.repeats), serialTime, serialCPU, perSeries * 1e6))
let parallelSample = algorithm.detect(sampleSeries, range: last...last, parallel: true)
print("  parallel result identical to serial on the sample: \(parallelSample == serialResults)")

// 3. last 52 weeks: the first `fraction-52` of the cube's units (1.0 = all), in chunks of
// 20,000 series so that the results (52 outcomes each) stay small; only the time is kept.
let count52 = max(1, Int(Double(count) * options.fraction52))
let range52 = (last - 51)...last
var time52 = 0.0
var outcomes52 = 0
var alarms52 = 0
var thresholds52 = 0
var start52 = 0
while start52 < count52 {
  let chunk = start52..<min(count52, start52 + 20_000)
  let (part, t) = time {
    algorithm.detect(cube.matrix, units: chunk, range: range52, parallel: true)
  }
  time52 += t
  for r in part {
    for o in r.outcomes {
      outcomes52 += 1
      if o.alarm == true { alarms52 += 1 }
      if o.upperbound != nil { thresholds52 += 1 }
    }
  }
  start52 = chunk.upperBound
}
print(
  String(
    format:
      "last 52 weeks, %d series (%.0f%% of the cube), parallel: %.1f s = %.2f us/series-week wall",
    count52, Double(count52) / Double(count) * 100, time52,
    time52 / Double(count52 * 52) * 1e6))
if count52 < count {
  print(
    String(
      format: "  extrapolated to the whole cube: %.1f s", time52 * Double(count) / Double(count52)))
}
print("  \(outcomes52) outcomes, \(thresholds52) with a threshold, \(alarms52) alarms")

// 4. R on a sample
func runR(sample: [CountSeries], from: Int, to: Int) -> (perSeries: Double, agree: Int, total: Int)?
{
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
    "detection-benchmark-\(ProcessInfo.processInfo.processIdentifier)")
  try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: dir) }
  let input = dir.appendingPathComponent("sample.csv")
  let output = dir.appendingPathComponent("r-results.csv")
  var text = "series_id,week_index,count\n"
  for s in sample {
    for (t, y) in s.observed.enumerated() { text += "\(s.id),\(t + 1),\(Int(y))\n" }
  }
  guard (try? text.write(to: input, atomically: true, encoding: .utf8)) != nil else { return nil }
  let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("r-farrington-timing.R")
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["Rscript", script.path, input.path, "\(from)", "\(to)", output.path]
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = FileHandle.nullDevice
  guard (try? process.run()) != nil else { return nil }
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0,
    let line = String(data: data, encoding: .utf8)?.split(separator: "\n").last,
    line.split(separator: " ").count == 3,
    let cpuSeconds = Double(line.split(separator: " ")[1])
  else { return nil }
  // cross-check upper bounds and alarms
  let ours = algorithm.detect(sample, range: from...to, parallel: false)
  var byKey: [String: DetectionOutcome] = [:]
  for r in ours { for o in r.outcomes { byKey["\(r.id)|\(o.timeIndex)"] = o } }
  var agree = 0
  var total = 0
  let rText = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
  for line in rText.split(separator: "\n").dropFirst() {
    let f = line.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }
    guard f.count == 4, let o = byKey["\(f[0])|\(f[1])"] else { continue }
    total += 1
    let upper = f[2] == "NA" ? nil : Double(f[2])
    let alarm = f[3] == "NA" ? nil : f[3] == "1"
    let upperMatches =
      (upper == nil && o.upperbound == nil)
      || (upper != nil && o.upperbound != nil && abs(upper! - o.upperbound!) <= 1e-6 * abs(upper!))
    if upperMatches && alarm == o.alarm { agree += 1 }
  }
  return (cpuSeconds / Double(sample.count), agree, total)
}

if options.runR {
  let rStride = max(1, count / options.rSample)
  let rSample = (0..<options.rSample).map { cube.matrix[unit: ($0 * rStride) % count] }
  if let r = runR(sample: rSample, from: last, to: last) {
    print(
      String(
        format: "R surveillance, latest week, %d sampled series: %.2f ms CPU/series; "
          + "ours %.2f us/series (one core): ratio %.0fx; R and ours agree on %d/%d outcomes",
        options.rSample, r.perSeries * 1e3, perSeries * 1e6, r.perSeries / perSeries, r.agree,
        r.total))
  } else {
    print("R surveillance: not available (Rscript failed)")
  }
  let r52Sample = Array(rSample.prefix(options.rSample52))
  var our52 = Double.infinity
  for _ in 0..<max(1, options.repeats) {
    let cpu52 = threadCPUSeconds()
    _ = algorithm.detect(r52Sample, range: range52, parallel: false)
    our52 = min(our52, threadCPUSeconds() - cpu52)
  }
  if let r = runR(sample: r52Sample, from: last - 51, to: last) {
    let oursPer = our52 / Double(r52Sample.count)
    print(
      String(
        format: "R surveillance, last 52 weeks, %d sampled series: %.1f ms CPU/series; "
          + "ours %.1f us/series (one core): ratio %.0fx; agree on %d/%d outcomes",
        r52Sample.count, r.perSeries * 1e3, oursPer * 1e6, r.perSeries / oursPer, r.agree, r.total))
  }
}
