/// Why writing the report failed, with the path involved.
public struct ReportError: Error, Sendable, CustomStringConvertible {
    /// What went wrong; extensible without breaking callers.
    public struct Code: Hashable, Sendable {
        let name: String
        /// The output directory could not be created.
        public static let cannotCreateDirectory = Code(name: "cannotCreateDirectory")
        /// A file could not be written.
        public static let cannotWrite = Code(name: "cannotWrite")
    }

    public var code: Code
    /// One line a user can act on, naming the path and the cause.
    public var message: String

    public var description: String { message }
}
