/// An error a user can act on: `description` is one line naming the cause and the offending value.
/// Codes are extensible, in the style of swift-subprocess's `SubprocessError`.
public struct ConvergeError: Error, Sendable, CustomStringConvertible, Equatable {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let invalidParameter = Code("invalid-parameter")
        public static let seeds = Code("seeds")
        public static let modelFile = Code("model-file")
        public static let backend = Code("backend")
        public static let io = Code("io")
        public static let transcript = Code("transcript")
        public static let resume = Code("resume")
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
