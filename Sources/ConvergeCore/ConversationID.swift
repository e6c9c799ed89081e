/// A conversation's `conversation` field as a transcript gives it: converge numbers conversations,
/// other tools often use strings such as "conv_0042". Every output writes it back as it came.
public enum ConversationID: Hashable, Sendable, Codable, CustomStringConvertible {
    case number(Int)
    case name(String)

    /// Decodes a JSON number or string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .number(number)
        } else {
            self = .name(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number)
        case .name(let name): try container.encode(name)
        }
    }

    /// The id as text: the number in decimal, or the string itself.
    public var description: String {
        switch self {
        case .number(let number): String(number)
        case .name(let name): name
        }
    }

}
