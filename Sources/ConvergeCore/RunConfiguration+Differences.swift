import Foundation

extension RunConfiguration {
    /// The dotted `run.json` keys (`turns`, `sampler.top_p`) whose values differ from `other`'s,
    /// sorted. Read from the encodings, so no list of names can drift from the coding keys.
    public func differences(from other: RunConfiguration) -> [String] {
        let mine = Self.leaves(of: self), theirs = Self.leaves(of: other)
        return Set(mine.keys).union(theirs.keys).filter { mine[$0] != theirs[$0] }.sorted()
    }

    /// Every leaf value as JSON text, keyed by its dotted path.
    private static func leaves(of configuration: RunConfiguration) -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(configuration),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        var leaves: [String: String] = [:]
        func walk(_ value: Any, _ path: String) {
            if let object = value as? [String: Any] {
                for (key, inner) in object { walk(inner, path.isEmpty ? key : path + "." + key) }
            } else if let text = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]) {
                leaves[path] = String(decoding: text, as: UTF8.self)
            }
        }
        walk(object, "")
        return leaves
    }
}
