import ConvergeCore
import Foundation
import Yams

/// A parsed YAML document as JSON-compatible values, with the source line of every key, so an
/// experiment file's errors can name the key and the line.
struct YAMLTree {
    let root: Node

    /// - Throws: `ConvergeError` with the file and Yams' own line and column for a syntax error.
    init(text: String, source: String) throws {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ConvergeErrorLine.make(source, nil, "is empty")
            }
            root = node
        } catch let error as YamlError {
            throw ConvergeErrorLine.make(source, nil, "is not valid YAML: \(String(describing: error).split(separator: "\n").joined(separator: " "))")
        }
    }

    /// The value of a node as Foundation JSON objects: mappings become dictionaries with string
    /// keys; plain scalars become null, Bool, Int or Double where YAML's core schema says so.
    static func value(_ node: Node) -> Any {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain else { return scalar.string }
            if node.null != nil { return NSNull() }
            if let bool = node.bool { return bool }
            if let int = node.int { return int }
            if let double = node.float { return double }
            return scalar.string
        case .sequence(let sequence):
            return sequence.map(value)
        case .mapping(let mapping):
            var object: [String: Any] = [:]
            for (key, child) in mapping { object[key.string ?? ""] = value(child) }
            return object
        }
    }

    /// The node at a path of mapping keys and sequence indices, or nil.
    static func node(at path: [String], in node: Node) -> Node? {
        guard let first = path.first else { return node }
        switch node {
        case .mapping(let mapping):
            guard let child = mapping.first(where: { $0.key.string == first })?.value else { return nil }
            return Self.node(at: Array(path.dropFirst()), in: child)
        case .sequence(let sequence):
            guard let index = Int(first), sequence.indices.contains(index) else { return nil }
            return Self.node(at: Array(path.dropFirst()), in: sequence[index])
        case .scalar:
            return nil
        }
    }

    /// The line of the key at `path` (of the value when the last step is an index), or nil.
    static func line(of path: [String], in node: Node) -> Int? {
        guard !path.isEmpty else { return node.mark?.line }
        guard let parent = Self.node(at: Array(path.dropLast()), in: node) else { return nil }
        if case .mapping(let mapping) = parent, let key = mapping.keys.first(where: { $0.string == path.last }) {
            return key.mark?.line
        }
        return Self.node(at: path, in: node)?.mark?.line
    }

    /// Every key of a mapping with its line, in file order.
    static func keys(of node: Node) -> [(key: String, line: Int?, value: Node)] {
        guard case .mapping(let mapping) = node else { return [] }
        return mapping.map { ($0.key.string ?? "", $0.key.mark?.line, $0.value) }
    }
}

/// One-line errors that name the file, the line and the key.
enum ConvergeErrorLine {
    static func make(_ source: String, _ line: Int?, _ message: String) -> ConvergeError {
        ConvergeError(.invalidParameter, "\(source)\(line.map { ":\($0)" } ?? ""): \(message)")
    }
}
