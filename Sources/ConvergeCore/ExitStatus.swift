/// The exit statuses of `converge`, one per outcome a script or scheduler must tell apart. The
/// README's "Exit status" table documents the same numbers; values follow BSD `sysexits.h` where
/// one fits, so they do not collide with a signal's 128 + n.
public enum ExitStatus {
    /// Everything asked for was done.
    public static let complete: Int32 = 0
    /// A failure with no more specific status.
    public static let failure: Int32 = 1
    /// The run finished, but some conversations failed for good; `--resume` retries them.
    public static let failedConversations: Int32 = 3
    /// An option, file or model is invalid (`EX_USAGE`).
    public static let badInput: Int32 = 64
    /// An inference server could not be reached or kept failing (`EX_UNAVAILABLE`).
    public static let unavailable: Int32 = 69
    /// A file could not be read or written (`EX_IOERR`).
    public static let ioError: Int32 = 74
    /// Another process holds the run directory's lock; try again when it ends (`EX_TEMPFAIL`).
    public static let lockHeld: Int32 = 75
    /// Interrupted by SIGINT or SIGTERM after saving every finished turn (128 + SIGINT).
    public static let interrupted: Int32 = 130
}
