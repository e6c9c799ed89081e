/// Why a file's bytes are not a GGUF file that llama.cpp can safely parse.
public struct GGUFFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, naming the field and its value.
    public let reason: String
    /// The byte offset in the file where the problem was found.
    public let offset: Int

    init(_ reason: String, offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String { "\(reason) (byte \(offset))" }
}
