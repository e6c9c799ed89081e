import ConvergeCore
import Foundation

/// The key paths a run configuration accepts (`sampler.top_p`, `intervention.action`, …), read
/// from its own encoding so the list cannot drift from `RunConfiguration`'s coding keys.
enum ConfigurationKeys {
    /// Extra keys an experiment file accepts in a configuration: `models: [A, B]` sets both agents.
    static let shorthands: Set<String> = ["models"]

    static let known: Set<String> = {
        var sample = RunConfiguration()
        sample.relayDirectory = ""
        var policy = InterventionPolicy(action: .stop)
        policy.detectorFile = ""
        sample.intervention = policy
        guard let data = try? JSONEncoder().encode(sample),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [] }
        return Set(paths(object, prefix: [])).union(shorthands)
    }()

    private static func paths(_ object: [String: Any], prefix: [String]) -> [String] {
        object.flatMap { key, value -> [String] in
            let path = prefix + [key]
            let here = path.joined(separator: ".")
            if let inner = value as? [String: Any] { return [here] + paths(inner, prefix: path) }
            return [here]
        }
    }

    /// Whether `path` (dotted) names a configuration key or a mapping of them.
    static func isKnown(_ path: String) -> Bool { known.contains(path) }
}
