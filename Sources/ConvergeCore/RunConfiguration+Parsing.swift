extension HistoryWindow {
    /// Parses a window as a user types it.
    /// - Throws: `ConvergeError` naming the text and the accepted forms.
    public static func parsed(_ text: String) throws -> HistoryWindow {
        guard let window = HistoryWindow(parsing: text) else {
            throw ConvergeError(.invalidParameter, "unknown history window '\(text)' (use last, last-K or full)")
        }
        return window
    }
}

extension PromptMode {
    /// Parses a prompt mode as a user types it.
    /// - Throws: `ConvergeError` naming the text and the accepted modes.
    public static func parsed(_ text: String) throws -> PromptMode {
        guard let mode = PromptMode(rawValue: text) else {
            throw ConvergeError(.invalidParameter, "unknown prompt mode '\(text)' (use raw or chat)")
        }
        return mode
    }
}
