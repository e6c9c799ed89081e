public import Foundation

/// `DIR/run.lock`, held with `flock` while a run writes into DIR, so a viewer can tell a running run
/// from an interrupted one. The kernel drops the lock when the process ends, even on `kill -9`, so
/// a stale file never reads as running.
public final class RunLock {
    private let descriptor: Int32

    /// Takes the lock; nil when the file cannot be opened or another process holds it (a run must
    /// not fail only because its viewer signal is missing).
    public init?(directory: URL) {
        let fd = open(Self.url(in: directory).path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    public static func url(in directory: URL) -> URL { directory.appendingPathComponent("run.lock") }

    /// Whether some process holds the lock of the run in `directory` right now.
    public static func isHeld(in directory: URL) -> Bool {
        let fd = open(url(in: directory).path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard flock(fd, LOCK_SH | LOCK_NB) == 0 else { return true }
        flock(fd, LOCK_UN)
        return false
    }
}
