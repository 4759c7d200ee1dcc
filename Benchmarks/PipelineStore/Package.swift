// swift-tools-version: 6.1
// Benchmarks of the pipeline and store (BENCHMARKS.md, "Pipeline and store"). A separate
// package so that `swift test` in the root never builds it. Build in release:
//   swift build -c release --package-path Benchmarks/PipelineStore
import PackageDescription

let package = Package(
  name: "PipelineStoreBenchmarks",
  platforms: [.macOS(.v14)],
  dependencies: [.package(name: "SafetyMonitor", path: "../..")],
  targets: [
    .executableTarget(
      name: "pipeline-bench",
      dependencies: [.product(name: "SafetyMonitorPipeline", package: "SafetyMonitor")],
      swiftSettings: [.unsafeFlags(["-Ounchecked"])]
    )
  ]
)
