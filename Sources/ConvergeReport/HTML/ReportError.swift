public import Foundation

/// Why writing the report failed, with the path involved and the error underneath.
public struct ReportError: LocalizedError, Sendable, CustomStringConvertible {
    /// What went wrong; a closed set, matched with `==`.
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
    /// The directory or file that could not be written.
    public var path: String
    /// The file-system error underneath.
    public var underlying: (any Error)?

    public var description: String { message }

    /// The ``message``, so that generic error reporting (`localizedDescription`) shows it.
    public var errorDescription: String? { message }
}
