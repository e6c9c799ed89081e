public import ConvergeCore
public import ConvergeStore
import Foundation

/// Whether two runs were made the same way: for `converge merge`, and for `--resume`, which must
/// continue a run with what started it.
public enum ProvenanceComparison {
    /// Every difference that would make the runs' texts incomparable, each as a phrase naming the
    /// field and both values; empty when they match. The machine and model paths may differ.
    /// - Parameter allowing: settings that may differ, such as `parallel` on resume.
    public static func differences(_ a: RunManifest, _ b: RunManifest, allowing: Set<String> = []) -> [String] {
        var found: [String] = []
        if a.toolVersion != b.toolVersion { found.append("tool version \(a.toolVersion) vs \(b.toolVersion)") }
        if a.llamaCppCommit != b.llamaCppCommit { found.append("llama.cpp \(a.llamaCppCommit) vs \(b.llamaCppCommit)") }
        // Runs from before the arithmetic was recorded have none to compare.
        if let x = a.backend["arithmetic"], let y = b.backend["arithmetic"], x != y {
            found.append("llama.cpp arithmetic '\(x)' vs '\(y)' (docs/INVARIANCE.md says how to build each)")
        }
        // The description names an HTTP model's API and server dialect, so a server that now speaks
        // another dialect counts as another model.
        let modelsA = a.models.map { "\($0.role): \($0.name) sha256 \($0.sha256) (\($0.description))" }
        let modelsB = b.models.map { "\($0.role): \($0.name) sha256 \($0.sha256) (\($0.description))" }
        for (x, y) in zip(modelsA, modelsB) where x != y { found.append("models differ (\(x) vs \(y))") }
        if modelsA.count != modelsB.count { found.append("different numbers of models") }
        return found + configurationDifferences(a.configuration, b.configuration, comparingModelSpecs: false, allowing: allowing)
    }

    /// Every setting that differs, as "configuration differs in 'key' (a vs b)", with nested keys dotted (`sampler.temperature`).
    /// - Parameters:
    ///   - comparingModelSpecs: false leaves out the model specs, which hold machine-specific
    ///     paths and URLs; the models are then compared by name and sha256 instead.
    ///   - allowing: settings that may differ.
    public static func configurationDifferences(
        _ a: RunConfiguration, _ b: RunConfiguration, comparingModelSpecs: Bool, allowing: Set<String> = []
    ) -> [String] {
        let configA = comparable(a, comparingModelSpecs)
        let configB = comparable(b, comparingModelSpecs)
        return Set(configA.keys).union(configB.keys).subtracting(allowing).sorted().filter { configA[$0] != configB[$0] }
            .map { "configuration differs in '\($0)' (\(shortened(configA[$0])) vs \(shortened(configB[$0])))" }
    }

    /// A value short enough for a one-line message: a list of 50 seeds would otherwise fill a screen.
    private static func shortened(_ value: String?) -> String {
        guard let value else { return "absent" }
        return value.count <= 80 ? value : value.prefix(77) + "…"
    }

    /// The configuration as key → JSON text.
    private static func comparable(_ configuration: RunConfiguration, _ comparingModelSpecs: Bool) -> [String: String] {
        var copy = configuration
        if !comparingModelSpecs {
            copy.modelA = ""
            copy.modelB = ""
        }
        return copy.flattened()
    }
}
