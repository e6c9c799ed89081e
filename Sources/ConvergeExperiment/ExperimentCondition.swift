public import ConvergeCore

/// One cell of an experiment's grid: a name (its subdirectory) and the whole run configuration.
public struct ExperimentCondition: Codable, Sendable, Equatable {
    /// A condition that branches another instead of starting from its seeds (docs/ATLAS.md,
    /// "Persistence"): every conversation of `from` that loops at turn `loopingAtTurn` is replayed
    /// to that turn and continued under this condition's settings, `replicates` times.
    public struct Branch: Codable, Sendable, Equatable {
        /// The name of an earlier condition of the same experiment.
        public var from: String
        public var loopingAtTurn: Int

        public init(from: String, loopingAtTurn: Int) {
            self.from = from
            self.loopingAtTurn = loopingAtTurn
        }

        enum CodingKeys: String, CodingKey {
            case from
            case loopingAtTurn = "looping_at_turn"
        }
    }

    /// Letters, digits, `.`, `_` and `-` only, so it is a safe directory name.
    public var name: String
    public var configuration: RunConfiguration
    /// Set for a branch condition; nil for one that starts from its seeds.
    public var branch: Branch?

    /// - Parameters:
    ///   - name: the condition's name and directory.
    ///   - configuration: its run configuration.
    ///   - branch: what it branches, if anything.
    public init(name: String, configuration: RunConfiguration, branch: Branch? = nil) {
        self.name = name
        self.configuration = configuration
        self.branch = branch
    }
}
