// swift-tools-version: 6.1
// Detection benchmark: the national cube (14,000 areas x 40 indicators x 312 weeks) through
// the improved Farrington method, and R `surveillance` on a sample for the per-series ratio.
// Not part of `swift test`. Run (from the repository root):
//   swift run -c release --package-path Benchmarks/Detection detection-benchmark
import PackageDescription

let package = Package(
  name: "DetectionBenchmarks",
  platforms: [.macOS(.v14)],
  dependencies: [
    .package(name: "SafetyMonitor", path: "../..")
  ],
  targets: [
    .executableTarget(
      name: "detection-benchmark",
      dependencies: [.product(name: "Detection", package: "SafetyMonitor")],
      path: "Sources/DetectionBenchmark"
    )
  ]
)
