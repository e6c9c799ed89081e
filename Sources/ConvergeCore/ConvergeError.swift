/// An error a user can act on: `description` is one line naming the cause and the offending value.
/// In the style of swift-subprocess's `SubprocessError`: a code from a closed set decides the exit
/// status, the offending value or path is kept apart from the prose, and so is the underlying error.
public struct ConvergeError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What kind of failure this is. The set is closed, so that every code has a documented exit
    /// status (README, "Exit status"); match with `==`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        /// The process exit status a command that fails with this code returns.
        public let exitStatus: Int32

        private init(_ rawValue: String, exit: Int32) {
            self.rawValue = rawValue
            exitStatus = exit
        }

        public var description: String { rawValue }

        /// An option, setting or model spec is out of range or malformed.
        public static let invalidParameter = Code("invalid-parameter", exit: ExitStatus.badInput)
        /// A seed file is missing, empty or unreadable.
        public static let seeds = Code("seeds", exit: ExitStatus.badInput)
        /// A model file is missing or structurally invalid.
        public static let modelFile = Code("model-file", exit: ExitStatus.badInput)
        /// A transcript or other input file is malformed.
        public static let transcript = Code("transcript", exit: ExitStatus.badInput)
        /// A row of a JSON Lines input (`score`, `embed`, `tsne`) is malformed or lacks a field.
        public static let input = Code("input", exit: ExitStatus.badInput)
        /// `--resume` cannot continue this directory as asked.
        public static let resume = Code("resume", exit: ExitStatus.badInput)
        /// An inference server could not be used.
        public static let backend = Code("backend", exit: ExitStatus.unavailable)
        /// A file or directory could not be read or written.
        public static let io = Code("io", exit: ExitStatus.ioError)
        /// Another process is writing the same run directory.
        public static let lockHeld = Code("lock-held", exit: ExitStatus.lockHeld)
    }

    public let code: Code
    /// One line a user can act on.
    public let message: String
    /// The offending value or path, when there is one, for callers that match on it.
    public let value: String?
    /// What failed underneath (a POSIX or decoding error), kept rather than flattened into text.
    public let underlying: (any Error)?

    public init(_ code: Code, _ message: String, value: String? = nil, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.value = value
        self.underlying = underlying
    }

    public var description: String { message }

    public static func == (lhs: ConvergeError, rhs: ConvergeError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message && lhs.value == rhs.value
    }
}
