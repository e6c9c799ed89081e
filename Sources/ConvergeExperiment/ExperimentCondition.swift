public import ConvergeCore

/// One cell of an experiment's grid: a name (its subdirectory) and the whole run configuration.
public struct ExperimentCondition: Codable, Sendable, Equatable {
    /// Letters, digits, `.`, `_` and `-` only, so it is a safe directory name.
    public var name: String
    public var configuration: RunConfiguration

    /// - Parameters:
    ///   - name: the condition's name and directory.
    ///   - configuration: its run configuration.
    public init(name: String, configuration: RunConfiguration) {
        self.name = name
        self.configuration = configuration
    }
}
