import Foundation

extension RunConfiguration {
    /// The dotted `run.json` keys (`turns`, `sampler.top_p`) whose values differ from `other`'s,
    /// sorted. Read from the encodings, so no list of names can drift from the coding keys.
    public func differences(from other: RunConfiguration) -> [String] {
        let mine = flattened(), theirs = other.flattened()
        return Set(mine.keys).union(theirs.keys).filter { mine[$0] != theirs[$0] }.sorted()
    }

    /// Every leaf value as JSON text, keyed by its dotted path (`sampler.temperature`).
    public func flattened() -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        var leaves: [String: String] = [:]
        func walk(_ value: Any, _ path: String) {
            if let object = value as? [String: Any] {
                for (key, inner) in object { walk(inner, path.isEmpty ? key : path + "." + key) }
            } else if let text = try? JSONSerialization.data(
                withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes])
            {
                leaves[path] = String(decoding: text, as: UTF8.self)
            }
        }
        walk(object, "")
        return leaves
    }
}
