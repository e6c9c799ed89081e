// swift-tools-version: 6.1
import PackageDescription

// Shared by every target, as in Hummingbird: Swift 6 mode, and imports that stay internal unless
// re-exported on purpose, so no C type can leak into a public API.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "converge",
    platforms: [.macOS(.v15)],
    // The products an outside package would import: the value types and engine, the text metrics,
    // the statistics, the detectors, the t-SNE, the transcript store and the two backends. The rest
    // is the tool's own workflow.
    products: [
        .executable(name: "converge", targets: ["converge"]),
        .library(name: "ConvergeCore", targets: ["ConvergeCore"]),
        .library(name: "ConvergeMetrics", targets: ["ConvergeMetrics"]),
        .library(name: "ConvergeStatistics", targets: ["ConvergeStatistics"]),
        .library(name: "ConvergeDetection", targets: ["ConvergeDetection"]),
        .library(name: "ConvergeTSNE", targets: ["ConvergeTSNE"]),
        .library(name: "ConvergeStore", targets: ["ConvergeStore"]),
        .library(name: "ConvergeLlama", targets: ["ConvergeLlama"]),
        .library(name: "ConvergeOpenAI", targets: ["ConvergeOpenAI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        // No traits: the viewer needs neither swift-configuration nor full Foundation form coding.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .target(name: "ConvergeCore", resources: [.copy("Resources/seeds.txt")], swiftSettings: swiftSettings),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(name: "ConvergeMetrics", dependencies: ["ConvergeCore", "CZlib"], swiftSettings: swiftSettings),
        .target(name: "ConvergeStatistics", dependencies: ["ConvergeCore"], swiftSettings: swiftSettings),
        .target(
            name: "ConvergeDetection",
            dependencies: ["ConvergeCore", "ConvergeMetrics", "ConvergeStatistics"],
            swiftSettings: swiftSettings
        ),
        .target(name: "ConvergeTSNE", swiftSettings: swiftSettings),
        .systemLibrary(name: "CLlama", path: "Sources/CLlama", pkgConfig: "llama"),
        .target(name: "ConvergeGGUF", dependencies: ["ConvergeCore"], swiftSettings: swiftSettings),
        .target(name: "ConvergeLlama", dependencies: ["ConvergeCore", "ConvergeGGUF", "CLlama"], swiftSettings: swiftSettings),
        .target(
            name: "ConvergeStore",
            dependencies: ["ConvergeCore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ConvergeOpenAI",
            dependencies: [
                "ConvergeCore", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ConvergeRun",
            dependencies: [
                "ConvergeCore", "ConvergeMetrics", "ConvergeDetection", "ConvergeLlama", "ConvergeStore", "ConvergeOpenAI",
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ConvergeReport",
            dependencies: ["ConvergeCore", "ConvergeStatistics", "ConvergeDetection", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ConvergeAnalysis",
            dependencies: [
                "ConvergeCore", "ConvergeMetrics", "ConvergeStatistics", "ConvergeDetection", "ConvergeTSNE", "ConvergeReport",
                "ConvergeStore",
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ConvergeAtlas",
            dependencies: [
                "ConvergeCore", "ConvergeMetrics", "ConvergeDetection", "ConvergeTSNE", "ConvergeAnalysis", "ConvergeReport",
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ConvergeExperiment",
            dependencies: [
                "ConvergeCore", "ConvergeMetrics", "ConvergeStatistics", "ConvergeDetection", "ConvergeRun", "ConvergeAnalysis",
                "ConvergeStore", "ConvergeReport",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ConvergeView",
            dependencies: [
                "ConvergeCore", "ConvergeMetrics", "ConvergeDetection", "ConvergeStore", "ConvergeReport", "ConvergeAnalysis",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "converge",
            dependencies: [
                "ConvergeCore", "ConvergeMetrics", "ConvergeDetection", "ConvergeTSNE", "ConvergeLlama", "ConvergeOpenAI",
                "ConvergeStore", "ConvergeRun", "ConvergeReport", "ConvergeAnalysis", "ConvergeAtlas", "ConvergeExperiment",
                "ConvergeView",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ConvergeCoreTests", dependencies: ["ConvergeCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ConvergeMetricsTests",
            dependencies: ["ConvergeMetrics", "ConvergeStatistics", "ConvergeDetection"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ConvergeTSNETests",
            dependencies: ["ConvergeTSNE"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ConvergeLlamaTests",
            dependencies: ["ConvergeLlama", "ConvergeCore", "ConvergeGGUF", "CLlama"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ConvergeOpenAITests",
            dependencies: ["ConvergeOpenAI", "ConvergeRun", "ConvergeStore", "ConvergeCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ConvergeGGUFTests", dependencies: ["ConvergeGGUF", "ConvergeCore"], swiftSettings: swiftSettings),
        .testTarget(name: "ConvergeStoreTests", dependencies: ["ConvergeStore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ConvergeReportTests", dependencies: ["ConvergeReport", "ConvergeStatistics", "ConvergeDetection"], swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ConvergeAnalysisTests",
            dependencies: [
                "ConvergeAnalysis", "ConvergeCore", "ConvergeMetrics", "ConvergeStatistics", "ConvergeDetection", "ConvergeReport",
                "ConvergeStore",
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ConvergeExperimentTests",
            dependencies: [
                "ConvergeExperiment", "ConvergeCore", "ConvergeStatistics", "ConvergeDetection", "ConvergeRun", "ConvergeStore",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ConvergeCLITests",
            dependencies: ["ConvergeCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ConvergeAtlasTests",
            dependencies: ["ConvergeAtlas"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ConvergeViewTests", dependencies: ["ConvergeView"], swiftSettings: swiftSettings),
    ]
)
