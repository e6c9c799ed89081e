public import Foundation

/// Messages to the user on stderr.
public enum StandardError {
    /// Writes `text` to stderr. A write that fails (a closed pipe, a full disk) is dropped: there is
    /// nowhere left to report it, and Foundation's non-throwing `write(_:)` would crash instead.
    public static func write(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }

    /// Writes `line` and a newline to stderr, dropping a failed write as `write(_:)` does.
    public static func line(_ line: String) {
        write(line + "\n")
    }
}
