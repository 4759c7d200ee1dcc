// swift-tools-version: 6.1
// libFuzzer harness for the CSV reader. Not part of the root package (so `swift test`
// never builds it). See docs/FUZZING.md.
import PackageDescription

let package = Package(
  name: "SafetyMonitorFuzz",
  dependencies: [.package(name: "SafetyMonitor", path: "..")],
  targets: [
    .executableTarget(
      name: "FuzzCSVReader",
      dependencies: [.product(name: "CSVIngest", package: "SafetyMonitor")],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
  ]
)
