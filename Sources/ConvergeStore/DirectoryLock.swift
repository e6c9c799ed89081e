import ConvergeCore
public import Foundation

/// An exclusive lock on a run or experiment directory, so that two writers (`run`, `run --resume`,
/// `experiment`, `merge --out`) can never interleave lines in one transcript.
///
/// It is a `flock` on `DIR/.converge.lock`: the kernel releases it when the holder's descriptor
/// closes, including on SIGKILL, so a crashed run never leaves a stale lock behind. The file also
/// names the holder, for the refusal the second writer prints.
///
/// `Sendable`: the descriptor is set once in `init` and closed only in `deinit`.
public final class DirectoryLock: Sendable {
    /// The lock file's name inside the directory.
    public static let fileName = ".converge.lock"

    /// Who holds a lock, as recorded in the lock file.
    public struct Holder: Codable, Sendable, Equatable {
        public var pid: Int32
        public var host: String
        public var started: Date

        public static func current() -> Holder {
            Holder(pid: getpid(), host: ProcessInfo.processInfo.hostName, started: Date())
        }

        /// "pid 123 on host since 2026-11-30T16:00:00Z".
        public var description: String {
            "pid \(pid) on \(host) since \(ISO8601DateFormatter().string(from: started))"
        }
    }

    private let descriptor: Int32
    public let url: URL

    /// Takes the lock on `directory`, which must exist, or fails at once.
    /// - Throws: `ConvergeError` `.lockHeld` naming the holder when another process has it;
    ///   `.io` when the lock file cannot be opened.
    public init(_ directory: URL) throws {
        url = directory.appendingPathComponent(Self.fileName)
        descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let cause = POSIXError.from(errno)
            throw ConvergeError(.io, "cannot open the lock file \(url.path): \(cause.localizedDescription)", value: url.path, underlying: cause)
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let cause = POSIXError.from(errno)
            close(descriptor)
            guard cause.code == .EWOULDBLOCK else {
                throw ConvergeError(.io, "cannot lock \(url.path): \(cause.localizedDescription)", value: url.path, underlying: cause)
            }
            // The holder writes its record just after taking the lock, so give it a moment.
            var holder = Self.readHolder(url)
            for _ in 0..<25 where holder == nil {
                usleep(20_000)
                holder = Self.readHolder(url)
            }
            throw ConvergeError(
                .lockHeld,
                "\(directory.path) is in use by \(holder?.description ?? "another process"); wait for it to finish or stop it, or choose another --out",
                value: directory.path)
        }
        record(.current())
    }

    deinit { close(descriptor) }

    /// Creates `directory` if it is missing, then locks it: an output directory is claimed before
    /// anything in it is read, so a second writer is refused instead of racing the first.
    /// - Throws: `ConvergeError` `.io` when the directory cannot be created; as `init(_:)`.
    public static func claim(_ directory: URL) throws -> DirectoryLock {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ConvergeError(
                .io, "cannot create output directory \(directory.path): \(error.localizedDescription)", value: directory.path, underlying: error)
        }
        return try DirectoryLock(directory)
    }

    /// Whether some process holds the lock on `directory` right now (`converge view` shows it as
    /// running).
    public static func isHeld(in directory: URL) -> Bool {
        let fd = open(directory.appendingPathComponent(fileName).path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard flock(fd, LOCK_SH | LOCK_NB) == 0 else { return true }
        flock(fd, LOCK_UN)
        return false
    }

    /// Replaces the file's content with `holder`. Best effort: the lock itself is the `flock`, and a
    /// holder line that cannot be written only makes a refusal less specific.
    private func record(_ holder: Holder) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(holder) else { return }
        _ = ftruncate(descriptor, 0)
        _ = data.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// The holder recorded in a lock file, if it can be read.
    public static func readHolder(_ url: URL) -> Holder? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return (try? Data(contentsOf: url)).flatMap { try? decoder.decode(Holder.self, from: $0) }
    }
}

extension POSIXError {
    /// The error for an `errno` value.
    static func from(_ number: Int32) -> POSIXError {
        POSIXError(POSIXErrorCode(rawValue: number) ?? .EIO)
    }
}

extension RunManifest {
    /// Reads the `run.json` of a run to resume, after checking that no process is writing the run:
    /// a run still loading its models has no `run.json` yet, and "cannot read run.json" would hide
    /// who holds it.
    /// - Returns: nil for a run that was killed while it started: its lock file is there but neither
    ///   `run.json` nor a transcript, so nothing of it was recorded and resuming it means starting it.
    /// - Throws: `ConvergeError` `.lockHeld` naming the holder, or `.resume` as `read(from:)`.
    public static func readForResume(_ directory: URL) throws -> RunManifest? {
        let files = FileManager.default
        // Only a directory some run has locked can be held; probing another would leave a lock
        // file that makes it look like a run that died while starting.
        let locked = files.fileExists(atPath: directory.appendingPathComponent(DirectoryLock.fileName).path)
        if locked { _ = try DirectoryLock(directory) }
        let manifest = directory.appendingPathComponent("run.json")
        if locked, !files.fileExists(atPath: manifest.path),
            !files.fileExists(atPath: directory.appendingPathComponent("transcript.jsonl").path)
        {
            return nil
        }
        return try read(from: manifest)
    }
}
