// swift-tools-version: 6.1
import PackageDescription

// Times ConvergeTSNE in a release build; driven by scripts/bench_tsne.py. Its own package, as in
// SwiftNIO's Benchmarks/, so the main build stays light.
// TSNE_BENCH_PARENT points at another package that provides ConvergeTSNE (for example a checkout
// of only that module while the parent manifest is mid-edit); default: the repository root.
let parent = Context.environment["TSNE_BENCH_PARENT"] ?? "../.."

let package = Package(
    name: "TSNEBenchmark",
    platforms: [.macOS(.v15)],
    // `name:` pins the identity, which would otherwise be the folder's name (unknown in a fresh clone).
    dependencies: [.package(name: "converge", path: parent)],
    targets: [
        .executableTarget(
            name: "TSNEBenchmark",
            dependencies: [.product(name: "ConvergeTSNE", package: "converge")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        )
    ]
)
