import ConvergeCore
import Foundation
import Yams

/// Turns an experiment file's YAML into run configurations, with every error naming its line.
struct ExperimentParser {
    let source: String
    let root: Node

    func fail(_ path: [String], _ message: String) -> ConvergeError {
        ConvergeErrorLine.make(source, YAMLTree.line(of: path, in: root), message)
    }

    /// An optional top-level string.
    func string(_ key: String) throws -> String? {
        guard let node = YAMLTree.node(at: [key], in: root) else { return nil }
        guard case .scalar(let scalar) = node else { throw fail([key], "'\(key)' must be a text") }
        return scalar.string
    }

    /// The preset's configuration with the chosen seeds: the starting point of every condition,
    /// resolved by the same `RunConfigurationRequest` as `converge run`, each key checked on its own
    /// so that an error names its line.
    func baseConfiguration(directory: URL) throws -> RunConfiguration {
        var request = RunConfigurationRequest(preset: try string("preset"))
        do { _ = try request.base() } catch let error as ConvergeError { throw fail(["preset"], "key 'preset': \(error.message)") }
        if let file = try string("seed_file") {
            request.seedFile = URL(fileURLWithPath: file, relativeTo: directory)
            do { _ = try request.base() } catch let error as ConvergeError { throw fail(["seed_file"], "key 'seed_file': \(error.message)") }
        }
        if let node = YAMLTree.node(at: ["seed_count"], in: root) {
            guard let value = YAMLTree.value(node) as? Int, value >= 1 else { throw fail(["seed_count"], "key 'seed_count' must be a whole number ≥ 1") }
            request.seedCount = value
            do { return try request.resolve() } catch let error as ConvergeError { throw fail(["seed_count"], "key 'seed_count': \(error.message)") }
        }
        return try request.resolve()
    }

    /// Every cell: each named condition (or the base alone) crossed with every grid combination.
    func expand(base: RunConfiguration) throws -> [ExperimentCondition] {
        let baseObject = try jsonObject(base)
        var layered = baseObject
        if let node = YAMLTree.node(at: ["base"], in: root) {
            try checkKeys(node, at: ["base"], configurationPath: [])
            layered = Self.merged(layered, with: YAMLTree.value(node) as? [String: Any] ?? [:])
        }
        let axes = try gridAxes()
        var named: [(name: String, index: Int?, object: [String: Any], branch: ExperimentCondition.Branch?)] = [("", nil, [:], nil)]
        if let node = YAMLTree.node(at: ["conditions"], in: root) {
            guard case .sequence(let sequence) = node, !sequence.isEmpty else {
                throw fail(["conditions"], "key 'conditions' must be a non-empty list of mappings, each with a name")
            }
            named = try sequence.indices.map { index in
                let path = ["conditions", String(index)]
                guard case .mapping = sequence[index], var object = YAMLTree.value(sequence[index]) as? [String: Any] else {
                    throw fail(path, "conditions[\(index)] must be a mapping with a name")
                }
                guard let name = object.removeValue(forKey: "name") as? String else { throw fail(path, "conditions[\(index)] needs a 'name'") }
                try checkKeys(sequence[index], at: path, configurationPath: [], skipping: ["name", "branch"])
                object.removeValue(forKey: "branch")
                return (name, index, object, try branch(at: path + ["branch"]))
            }
        }
        var cells: [ExperimentCondition] = []
        var seen: [String: Int?] = [:]
        for condition in named {
            for combination in Self.combinations(axes) {
                var object = Self.merged(layered, with: condition.object)
                var parts = condition.name.isEmpty ? [] : [condition.name]
                for (axis, value) in combination {
                    Self.set(&object, path: axis.path, value: value)
                    parts.append(axis.path.last! + "-" + Self.label(value))
                }
                let name = parts.isEmpty ? "base" : parts.joined(separator: "_")
                let path = condition.index.map { ["conditions", String($0), "name"] } ?? ["grid"]
                guard name.unicodeScalars.allSatisfy(Self.nameCharacters.contains) else {
                    throw fail(path, "condition name '\(name)' may hold only letters, digits, '.', '_' and '-'")
                }
                // Each condition is a directory under the experiment's, so these two would write
                // into the experiment directory itself or its parent.
                guard name != ".", name != ".." else {
                    throw fail(path, "condition name '\(name)' names a directory outside the condition's own; choose another")
                }
                if seen.updateValue(condition.index, forKey: name) != nil { throw fail(path, "two conditions are named '\(name)'") }
                let configuration = try decode(Self.applyingShorthands(object), condition: condition.index)
                if let problem = configuration.validationError() { throw fail(path, "condition '\(name)': \(problem)") }
                if let branch = condition.branch { try check(branch, of: name, turns: configuration.turns, after: cells, at: path) }
                cells.append(ExperimentCondition(name: name, configuration: configuration, branch: condition.branch))
            }
        }
        return cells
    }

    static let nameCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-"))

    struct Axis {
        var path: [String]
        var values: [Any]
    }

    private func gridAxes() throws -> [Axis] {
        guard let node = YAMLTree.node(at: ["grid"], in: root) else { return [] }
        guard case .mapping = node else { throw fail(["grid"], "key 'grid' must map configuration keys to lists of values") }
        return try YAMLTree.keys(of: node).map { key, line, value in
            guard ConfigurationKeys.isKnown(key) else {
                throw ConvergeErrorLine.make(source, line, "unknown configuration key 'grid.\(key)'")
            }
            guard case .sequence(let sequence) = value, !sequence.isEmpty else {
                throw ConvergeErrorLine.make(source, line, "key 'grid.\(key)' must be a non-empty list of values")
            }
            // A value may itself be a mapping (an intervention); its keys are checked like any other.
            let configurationPath = key.split(separator: ".").map(String.init)
            for element in sequence {
                if case .mapping = element { try checkKeys(element, at: ["grid", key], configurationPath: configurationPath) }
            }
            return Axis(path: key.split(separator: ".").map(String.init), values: sequence.map(YAMLTree.value))
        }
    }

    /// Rejects keys a run configuration does not have, so a typo cannot silently do nothing.
    private func checkKeys(_ node: Node, at path: [String], configurationPath: [String], skipping: Set<String> = []) throws {
        guard case .mapping = node else { throw fail(path, "key '\(path.joined(separator: "."))' must be a mapping") }
        for (key, line, value) in YAMLTree.keys(of: node) where !skipping.contains(key) {
            let dotted = (configurationPath + [key]).joined(separator: ".")
            guard ConfigurationKeys.isKnown(dotted) else {
                throw ConvergeErrorLine.make(source, line, "unknown configuration key '\(dotted)'")
            }
            if case .mapping = value { try checkKeys(value, at: path + [key], configurationPath: configurationPath + [key]) }
        }
    }

    private func decode(_ object: [String: Any], condition: Int?) throws -> RunConfiguration {
        do {
            let data = try JSONSerialization.data(withJSONObject: object)
            return try JSONDecoder().decode(RunConfiguration.self, from: data)
        } catch let error as DecodingError {
            let (path, message) = Self.describe(error)
            let candidates = (condition.map { [["conditions", String($0)] + path] } ?? []) + [["grid", path.joined(separator: ".")], ["base"] + path]
            let line = candidates.lazy.compactMap { YAMLTree.line(of: $0, in: root) }.first
            throw ConvergeErrorLine.make(source, line, "key '\(path.joined(separator: "."))': \(message)")
        }
    }

    private static func describe(_ error: DecodingError) -> ([String], String) {
        switch error {
        case .typeMismatch(let type, let context): (context.codingPath.map(\.stringValue), "expected \(typeName(type))")
        case .valueNotFound(let type, let context): (context.codingPath.map(\.stringValue), "expected \(typeName(type))")
        case .keyNotFound(let key, let context): (context.codingPath.map(\.stringValue) + [key.stringValue], "missing")
        case .dataCorrupted(let context): (context.codingPath.map(\.stringValue), context.debugDescription)
        @unknown default: ([], "\(error)")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type: "a number"
        case is Int.Type, is UInt64.Type: "a whole number"
        case is String.Type: "a text"
        case is Bool.Type: "true or false"
        default: "\(type)".contains("Array") ? "a list" : "a \(type)"
        }
    }

    private func jsonObject(_ configuration: RunConfiguration) throws -> [String: Any] {
        let data = try JSONEncoder().encode(configuration)
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    static func merged(_ base: [String: Any], with override: [String: Any]) -> [String: Any] {
        var result = base
        for (key, value) in override {
            if let inner = value as? [String: Any], let existing = result[key] as? [String: Any] {
                result[key] = merged(existing, with: inner)
            } else {
                result[key] = value
            }
        }
        return result
    }

    static func set(_ object: inout [String: Any], path: [String], value: Any) {
        guard let first = path.first else { return }
        if path.count == 1 {
            object[first] = value
            return
        }
        var inner = object[first] as? [String: Any] ?? [:]
        set(&inner, path: Array(path.dropFirst()), value: value)
        object[first] = inner
    }

    /// `models: [A, B]` sets `model_a` and `model_b`; a single text sets both (a self-pair).
    static func applyingShorthands(_ object: [String: Any]) -> [String: Any] {
        var result = object
        guard let models = result.removeValue(forKey: "models") else { return result }
        if let pair = models as? [Any], pair.count == 2 {
            result["model_a"] = pair[0]
            result["model_b"] = pair[1]
        } else {
            result["model_a"] = models
            result["model_b"] = models
        }
        return result
    }

    static func combinations(_ axes: [Axis]) -> [[(Axis, Any)]] {
        axes.reduce([[]]) { partial, axis in partial.flatMap { prefix in axis.values.map { prefix + [(axis, $0)] } } }
    }

    /// A value as it appears in a condition name.
    static func label(_ value: Any) -> String {
        let text: String
        switch value {
        case let list as [Any]: text = list.map(label).joined(separator: "-")
        case let object as [String: Any]: text = object.keys.sorted().map { "\($0)-\(label(object[$0]!))" }.joined(separator: "-")
        case let double as Double: text = String(double)
        default: text = "\(value)"
        }
        return String(text.unicodeScalars.map { nameCharacters.contains($0) ? Character($0) : "-" })
    }
}
