/// Settings laid over a resolved configuration, each by its key path into `RunConfiguration`, so a
/// setting is declared once (there) and a front end only maps its own names onto it.
public struct RunSettings: Sendable {
    private var edits: [@Sendable (inout RunConfiguration) -> Void] = []

    public init() {}

    /// Sets one configuration value; nil (an option not given) leaves it as it is.
    public mutating func set<Value: Sendable>(_ path: any WritableKeyPath<RunConfiguration, Value> & Sendable, _ value: Value?) {
        guard let value else { return }
        edits.append { $0[keyPath: path] = value }
    }

    /// Whether any setting was given.
    public var isEmpty: Bool { edits.isEmpty }

    /// `configuration` with every setting applied, in the order they were set.
    public func applied(to configuration: RunConfiguration) -> RunConfiguration {
        edits.reduce(into: configuration) { result, edit in edit(&result) }
    }
}
