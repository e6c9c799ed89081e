import ConvergeCore
import ConvergeStore
import Foundation

/// Whether two runs were made the same way, for `converge merge`.
enum ProvenanceComparison {
    /// The first thing that differs, as a phrase; nil when the runs can be joined.
    static func difference(_ a: RunManifest, _ b: RunManifest) -> String? {
        if a.toolVersion != b.toolVersion { return "tool version \(a.toolVersion) vs \(b.toolVersion)" }
        if a.llamaCppCommit != b.llamaCppCommit { return "llama.cpp \(a.llamaCppCommit) vs \(b.llamaCppCommit)" }
        let modelsA = a.models.map { "\($0.role): \($0.name) sha256 \($0.sha256)" }
        let modelsB = b.models.map { "\($0.role): \($0.name) sha256 \($0.sha256)" }
        if let (x, y) = zip(modelsA, modelsB).first(where: { $0 != $1 }) { return "models differ (\(x) vs \(y))" }
        if modelsA.count != modelsB.count { return "different numbers of models" }
        let configA = comparable(a.configuration)
        let configB = comparable(b.configuration)
        if configA == configB { return nil }
        let key = Set(configA.keys).union(configB.keys).sorted().first { configA[$0] != configB[$0] } ?? "?"
        return "configuration differs in '\(key)' (\(configA[key] ?? "absent") vs \(configB[key] ?? "absent"))"
    }

    /// The configuration as key → JSON text, without the model specs: they hold machine-specific
    /// paths and URLs, and the models themselves are compared by name and sha256 instead.
    private static func comparable(_ configuration: RunConfiguration) -> [String: String] {
        var copy = configuration
        copy.modelA = ""
        copy.modelB = ""
        return copy.flattened()
    }
}
