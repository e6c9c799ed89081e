/// Carries a turn's text to the next model. The engine stays free of I/O: the store supplies the
/// study's file relay (`FileRelay`), which writes the text to a file and reads it back.
public protocol TurnRelay: Sendable {
    /// - Returns: the text the next model sees.
    /// - Throws: when the text cannot be carried; the run stops.
    func relay(_ text: String, conversation: Int, turn: Int) throws -> String
}
