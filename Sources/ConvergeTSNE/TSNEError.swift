public import Foundation

/// A t-SNE failure: a stable ``code`` to match on and a one-line ``message`` naming the cause.
public struct TSNEError: LocalizedError, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong. New codes may be added; match with `==`, not an exhaustive switch.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code's name, as it appears in messages.
        public let rawValue: String
        /// Fewer than two points were given.
        public static let tooFewPoints = Code(rawValue: "tooFewPoints")
        /// Rows of different lengths, or rows with no values.
        public static let raggedInput = Code(rawValue: "raggedInput")
        /// A value is NaN or infinite.
        public static let nonFiniteValue = Code(rawValue: "nonFiniteValue")
        /// A configuration value is out of range.
        public static let invalidConfiguration = Code(rawValue: "invalidConfiguration")
        /// `k` is out of range for trustworthiness, or the two point sets differ in size.
        public static let invalidNeighbourCount = Code(rawValue: "invalidNeighbourCount")
        /// A file could not be read or written.
        public static let io = Code(rawValue: "io")
        /// A line of the input is not a JSON object with an `embedding` array of numbers: the
        /// user's data is wrong, not the file system, so it exits as bad input.
        public static let malformedInput = Code(rawValue: "malformedInput")
        /// The surrounding task was cancelled.
        public static let cancelled = Code(rawValue: "cancelled")

        public var description: String { rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// One line that names the cause and the offending value.
    public let message: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: what went wrong.
    ///   - message: one line naming the cause and the offending value.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "t-SNE: \(message)" }

    /// The ``message``, so that generic error reporting (`localizedDescription`) shows it.
    public var errorDescription: String? { message }
}
