import ConvergeTSNE
import Foundation

// Usage: TSNEBenchmark FILE.f32 N D METHOD [THREADS]
// Reads N×D little-endian float32 values, runs t-SNE with the paper preset and METHOD
// (automatic, exact or barnesHut), and prints one JSON object: seconds, kl_divergence, method,
// iterations and the coordinates (for the caller to score).
let arguments = CommandLine.arguments
guard arguments.count >= 5, let n = Int(arguments[2]), let d = Int(arguments[3]),
    let method = TSNEConfiguration.Method(rawValue: arguments[4])
else {
    FileHandle.standardError.write(Data("usage: TSNEBenchmark FILE.f32 N D automatic|exact|barnesHut [THREADS]\n".utf8))
    exit(64)
}
let bytes = try Data(contentsOf: URL(fileURLWithPath: arguments[1]))
precondition(bytes.count == n * d * 4, "expected \(n * d * 4) bytes, got \(bytes.count)")
let points: [[Float]] = bytes.withUnsafeBytes { raw in
    (0..<n).map { i in
        (0..<d).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: (i * d + $0) * 4, as: UInt32.self))) }
    }
}
var configuration = TSNEConfiguration(method: method)
configuration.threads = arguments.count > 5 ? Int(arguments[5]) : nil
let clock = ContinuousClock()
let start = clock.now
let result = try tsne(points, configuration: configuration)
let elapsed = clock.now - start
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
let output: [String: Any] = [
    "seconds": seconds,
    "kl_divergence": result.klDivergence,
    "method": result.method.rawValue,
    "iterations": result.iterations,
    "coordinates": result.coordinates,
]
print(String(decoding: try JSONSerialization.data(withJSONObject: output), as: UTF8.self))
