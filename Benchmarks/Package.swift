// swift-tools-version: 6.1
// Ingest benchmark (see BENCHMARKS.md "Ingest"). A separate package so that `swift test` at
// the root never builds it; it depends on the root package by path.
import PackageDescription

let package = Package(
  name: "SafetyMonitorBenchmarks",
  platforms: [.macOS(.v14)],
  dependencies: [.package(name: "SafetyMonitor", path: "..")],
  targets: [
    // Seeded generator of a national-scale police export.
    .executableTarget(name: "GenerateExport", path: "Sources/GenerateExport"),
    // Times CSVReader on one core and in parallel.
    .executableTarget(
      name: "IngestBench",
      dependencies: [.product(name: "CSVIngest", package: "SafetyMonitor")],
      path: "Sources/IngestBench"),
  ]
)
