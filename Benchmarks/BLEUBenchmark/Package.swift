// swift-tools-version: 6.1
import PackageDescription

// Times ConvergeMetrics' BLEU in a release build; driven by scripts/bench_bleu.sh, which runs
// sacrebleu on the same pairs in turn. Its own package, like Benchmarks/TSNEBenchmark, so the
// main build stays light and the benchmark builds no llama.cpp module.
let package = Package(
    name: "BLEUBenchmark",
    platforms: [.macOS(.v15)],
    // `name:` pins the identity, which would otherwise be the folder's name (unknown in a fresh clone).
    dependencies: [.package(name: "converge", path: "../..")],
    targets: [
        .executableTarget(
            name: "BLEUBenchmark",
            dependencies: [.product(name: "ConvergeMetrics", package: "converge")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        )
    ]
)
