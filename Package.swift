// swift-tools-version: 6.1
// SafetyMonitor: information-led monitoring and early warning for a municipality's
// safety programme. One module per stage (see docs/ARCHITECTURE.md and DESIGN §2).
import PackageDescription

let package = Package(
  name: "SafetyMonitor",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "safety-monitor", targets: ["SafetyMonitorCLI"]),
    // Library products for the out-of-tree benchmark package (Benchmarks/).
    .library(
      name: "SafetyMonitorPipeline",
      targets: [
        "SafetyCore", "PipelineSpec", "Normalise", "Aggregate", "Store", "Operations", "Runner",
      ]),
    // For the ingest benchmark package (Benchmarks/), which depends on this one by path.
    .library(name: "CSVIngest", targets: ["CSVIngest"]),
    .executable(name: "make-fixtures", targets: ["MakeFixtures"]),
    // For the detection benchmark package (Benchmarks/Detection/).
    .library(name: "Detection", targets: ["Detection"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
  ],
  targets: [
    // The C library libcsv (Debian libcsv-dev): module map and shim header only.
    .systemLibrary(
      name: "CLibCSV",
      pkgConfig: nil,
      providers: [.apt(["libcsv-dev"])]
    ),
    // Shared vocabulary: diagnostics, calendar periods, CBS area codes. No I/O.
    .target(name: "SafetyCore"),
    // Stage 1: reading partner CSV exports (the only module that imports CLibCSV).
    .target(name: "CSVIngest", dependencies: ["CLibCSV", "SafetyCore"]),
    // Pipeline definitions (pipelines/*.yaml) as typed, validated values.
    .target(
      name: "PipelineSpec",
      dependencies: ["SafetyCore", "Detection", .product(name: "Yams", package: "Yams")]
    ),
    // Stage 2: raw rows → records and counts (areas, dates, categories; personal columns
    // dropped). Pure apart from reading the area registry files.
    .target(
      name: "Normalise",
      dependencies: [
        "SafetyCore", "PipelineSpec", "CSVIngest",
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // Stage 3: count cubes, built in parallel partitions and merged deterministically.
    .target(name: "Aggregate", dependencies: ["SafetyCore"]),
    // Stage 4: the SQLite store (exports ledger, records, counts, runs).
    .target(
      name: "Store",
      dependencies: [
        "SafetyCore", "Normalise", "Aggregate", "Flagging",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // Composes the stages: inbox → parse/normalise → quarantine or apply → archive.
    .target(
      name: "Runner",
      dependencies: [
        "SafetyCore", "CSVIngest", "PipelineSpec", "Normalise", "Aggregate", "Store",
        "Operations", "Flagging", "Reporting", .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // Aberration and trend detection: pure computation, no I/O, no clock. Optimised in debug
    // builds too: `run` replays two years of weekly detection for every series (about 60,000
    // GLM fits for the demo), which unoptimised code makes 20 times slower (seconds become
    // minutes in `make demo` and the evaluation tests). Local path dependents (Benchmarks/)
    // may use a package with unsafe flags.
    .target(
      name: "Detection", dependencies: ["SafetyCore"],
      swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
    // Stage 5: early-warning flags from detector results — rules, signals, convergence,
    // clusters, severity, lifecycle, evaluation against a truth file. Pure: no I/O, no clock.
    .target(name: "Flagging", dependencies: ["SafetyCore", "Detection", "PipelineSpec"]),
    // Stage 6: what users read — localisation, HTML, SVG charts and maps, disclosure
    // control, exports for Excel and GIS. Pure: renders values, does no I/O.
    .target(name: "Reporting", dependencies: ["SafetyCore", "Flagging"]),
    // The report model built from the store and the pipeline (figures, comparisons, index,
    // series with detector bands, flags, methods and data), for the report command and the
    // dashboard. Reads the store through `ReportDataSource`; no clock.
    .target(
      name: "ReportBuilder",
      dependencies: [
        "SafetyCore", "PipelineSpec", "Normalise", "Store", "Detection", "Flagging", "Reporting",
      ]
    ),
    // The analysts' desk: a local web server (Hummingbird) with server-rendered pages and a
    // small JSON API over the store; writes nothing but acknowledgements.
    .target(
      name: "Dashboard",
      dependencies: [
        "SafetyCore", "PipelineSpec", "Normalise", "Store", "Reporting", "ReportBuilder",
        "Flagging", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "_CryptoExtras", package: "swift-crypto"),
      ]
    ),
    // Operating it from cron: lock, exit statuses, logs, progress, metrics textfile.
    .target(
      name: "Operations",
      dependencies: ["SafetyCore", .product(name: "Logging", package: "swift-log")]
    ),
    // The thin command-line executable: one file per subcommand.
    .executableTarget(
      name: "SafetyMonitorCLI",
      dependencies: [
        "SafetyCore", "CSVIngest", "PipelineSpec", "Detection", "Runner", "Store", "Operations",
        "Normalise", "Reporting", "ReportBuilder", "Dashboard", "Flagging",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Yams", package: "Yams"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // Synthetic demo data: the fictional municipality Demostad (and a national-size
    // registry for benchmarks), partner exports, planted episodes and their truth file.
    .target(name: "FixtureGen", dependencies: ["SafetyCore"]),
    // `make-fixtures`: the thin command that runs FixtureGen.
    .executableTarget(
      name: "MakeFixtures",
      dependencies: [
        "FixtureGen", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "SafetyCoreTests", dependencies: ["SafetyCore"]),
    .testTarget(name: "PipelineSpecTests", dependencies: ["PipelineSpec"]),
    .testTarget(name: "NormaliseTests", dependencies: ["Normalise", "Aggregate"]),
    .testTarget(name: "AggregateTests", dependencies: ["Aggregate"]),
    .testTarget(
      name: "StoreTests",
      dependencies: [
        "Store", "PipelineSpec", "Flagging", .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    .testTarget(
      name: "RunnerTests",
      dependencies: [
        "Runner", "Operations", "Flagging", "Store", "FixtureGen", "PipelineSpec",
        .product(name: "Logging", package: "swift-log"),
      ]),
    .testTarget(
      name: "CSVIngestTests", dependencies: ["CSVIngest", "SafetyCore"],
      exclude: ["Fixtures"]),
    .testTarget(name: "DetectionTests", dependencies: ["Detection"]),
    .testTarget(name: "FlaggingTests", dependencies: ["Flagging", "PipelineSpec", "SafetyCore"]),
    // Runs the built `safety-monitor` binary and checks its output and exit codes.
    .testTarget(
      name: "SafetyMonitorCLITests",
      dependencies: [
        "SafetyMonitorCLI", "Store", "Operations",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .testTarget(
      name: "FixtureGenTests",
      dependencies: [
        "FixtureGen", "SafetyCore", "PipelineSpec", .product(name: "Yams", package: "Yams"),
      ]
    ),
    .testTarget(name: "ReportingTests", dependencies: ["Reporting"], exclude: ["Golden"]),
    .testTarget(
      name: "ReportBuilderTests",
      dependencies: ["ReportBuilder", "Reporting", "Store", "PipelineSpec", "Normalise"]),
    .testTarget(
      name: "OperationsTests",
      dependencies: ["Operations", .product(name: "Logging", package: "swift-log")]),
    .testTarget(
      name: "DashboardTests",
      dependencies: [
        "Dashboard", "Store", "PipelineSpec", "Reporting", "Runner", "SafetyCore", "Flagging",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]),
  ]
)
