import ConvergeCore
import Yams

/// An experiment condition's `branch:` (docs/ATLAS.md, "Persistence"), read and checked with
/// errors that name their line.
extension ExperimentParser {
    /// A condition's `branch:` mapping, checked key by key; nil when it has none.
    func branch(at path: [String]) throws -> ExperimentCondition.Branch? {
        guard let node = YAMLTree.node(at: path, in: root) else { return nil }
        guard case .mapping = node else { throw fail(path, "key 'branch' must be a mapping with 'from' and 'looping_at_turn'") }
        for (key, line, _) in YAMLTree.keys(of: node) where !["from", "looping_at_turn"].contains(key) {
            throw ConvergeErrorLine.make(source, line, "unknown key 'branch.\(key)' (a branch takes 'from' and 'looping_at_turn')")
        }
        let value = YAMLTree.value(node) as? [String: Any] ?? [:]
        guard let from = value["from"] as? String else { throw fail(path, "key 'branch.from' must name an earlier condition") }
        guard let turn = value["looping_at_turn"] as? Int, turn >= 1 else {
            throw fail(path, "key 'branch.looping_at_turn' must be a whole number ≥ 1")
        }
        return ExperimentCondition.Branch(from: from, loopingAtTurn: turn)
    }

    /// A branch must come from an earlier condition that is not a branch itself, and leave turns to generate.
    func check(_ branch: ExperimentCondition.Branch, of name: String, turns: Int, after cells: [ExperimentCondition], at path: [String]) throws {
        guard let parent = cells.first(where: { $0.name == branch.from }) else {
            throw fail(path, "condition '\(name)': branch.from '\(branch.from)' must name an earlier condition")
        }
        guard parent.branch == nil else { throw fail(path, "condition '\(name)': branch.from '\(branch.from)' is itself a branch") }
        guard branch.loopingAtTurn < turns else {
            throw fail(path, "condition '\(name)': branch.looping_at_turn \(branch.loopingAtTurn) leaves nothing to generate in \(turns) turns")
        }
    }
}
