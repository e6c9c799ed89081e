public import ConvergeCore
public import Foundation

/// `run.json`: the provenance of a run, enough to reproduce it. API keys never appear here: the
/// configuration holds only the names of the environment variables that carry them.
public struct RunManifest: Codable, Sendable {
    /// A model file used by the run.
    public struct ModelFile: Codable, Sendable, Equatable {
        public var role: String
        public var name: String
        public var path: String
        public var sha256: String
        public var bytes: Int64
        public var description: String

        public init(role: String, name: String, path: String, sha256: String, bytes: Int64, description: String) {
            self.role = role
            self.name = name
            self.path = path
            self.sha256 = sha256
            self.bytes = bytes
            self.description = description
        }
    }

    /// Where the run happened.
    public struct Machine: Codable, Sendable {
        public var hostname: String
        public var operatingSystem: String
        public var cpu: String
        public var cores: Int
        public var memoryBytes: UInt64

        enum CodingKeys: String, CodingKey {
            case hostname, cpu, cores
            case operatingSystem = "operating_system"
            case memoryBytes = "memory_bytes"
        }

        /// Describes this machine.
        public static func current() -> Machine {
            let info = ProcessInfo.processInfo
            let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
            let cpu =
                cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
                .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? "unknown"
            return Machine(
                hostname: info.hostName, operatingSystem: info.operatingSystemVersionString, cpu: cpu,
                cores: info.activeProcessorCount, memoryBytes: info.physicalMemory
            )
        }
    }

    /// One `--resume` of the run: when, by what command, with which versions, on which machine.
    public struct Resume: Codable, Sendable, Equatable {
        public var at: Date
        public var command: [String]
        public var toolVersion: String
        public var llamaCppCommit: String
        public var hostname: String

        public init(at: Date, command: [String], toolVersion: String, llamaCppCommit: String, hostname: String) {
            self.at = at
            self.command = command
            self.toolVersion = toolVersion
            self.llamaCppCommit = llamaCppCommit
            self.hostname = hostname
        }

        enum CodingKeys: String, CodingKey {
            case at, command, hostname
            case toolVersion = "tool_version"
            case llamaCppCommit = "llama_cpp_commit"
        }
    }

    public var toolVersion: String
    public var llamaCppCommit: String
    public var createdAt: Date
    public var command: [String]
    public var configuration: RunConfiguration
    public var models: [ModelFile]
    /// Backend settings that do not change the text's distribution, such as thread counts.
    public var backend: [String: String]
    public var machine: Machine
    /// The part of the run this directory holds; nil for a whole run (or a merged one).
    public var shard: Shard?
    /// Every `--resume` so far, oldest first; nil for a run never resumed.
    public var resumes: [Resume]?
    /// The run this one branched from; nil for a run that started from its seeds.
    public var branch: RunBranch?

    public init(
        toolVersion: String, llamaCppCommit: String, createdAt: Date, command: [String],
        configuration: RunConfiguration, models: [ModelFile], backend: [String: String], machine: Machine,
        shard: Shard? = nil
    ) {
        self.toolVersion = toolVersion
        self.llamaCppCommit = llamaCppCommit
        self.createdAt = createdAt
        self.command = command
        self.configuration = configuration
        self.models = models
        self.backend = backend
        self.machine = machine
        self.shard = shard
    }

    enum CodingKeys: String, CodingKey {
        case command, configuration, models, backend, machine, shard, resumes, branch
        case toolVersion = "tool_version"
        case llamaCppCommit = "llama_cpp_commit"
        case createdAt = "created_at"
    }

    /// Writes `run.json` atomically.
    /// - Throws: `ConvergeError` with code `.io`.
    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            try encoder.encode(self).write(to: url, options: .atomic)
        } catch {
            throw ConvergeError(.io, "cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    /// Reads a `run.json`.
    /// - Throws: `ConvergeError` with code `.resume` when it is missing or unreadable.
    public static func read(from url: URL) throws -> RunManifest {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(RunManifest.self, from: Data(contentsOf: url))
        } catch {
            throw ConvergeError(.resume, "cannot read \(url.path): \(error.localizedDescription)")
        }
    }
}
