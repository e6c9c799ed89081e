public import Foundation

/// The one place a run's configuration is resolved, for `converge run`, `converge experiment` and
/// `--resume` alike: the preset, then a configuration file, then a seed file and a seed count, then
/// individual settings, each overriding what came before.
public struct RunConfigurationRequest: Sendable {
    /// nil: the `paper` preset, or the configuration file's own.
    public var preset: String?
    /// A configuration as JSON (see `ConfigurationFile`).
    public var configurationFile: String?
    public var seedFile: URL?
    public var seedCount: Int?
    public var settings = RunSettings()

    public init(preset: String? = nil, configurationFile: String? = nil, seedFile: URL? = nil, seedCount: Int? = nil, settings: RunSettings = RunSettings()) {
        self.preset = preset
        self.configurationFile = configurationFile
        self.seedFile = seedFile
        self.seedCount = seedCount
        self.settings = settings
    }

    /// Whether the request names where the configuration starts, rather than only changing settings.
    public var namesASource: Bool { preset != nil || configurationFile != nil || seedFile != nil || seedCount != nil }

    /// - Throws: `ConvergeError` naming an unknown preset, an unreadable file or a bad seed count.
    public func resolve() throws -> RunConfiguration {
        settings.applied(to: try base())
    }

    /// The configuration before individual settings: preset, file, seeds.
    public func base() throws -> RunConfiguration {
        let preset = try Preset.named(preset ?? Preset.paper.rawValue)
        var configuration: RunConfiguration
        var available: [String]
        if let configurationFile {
            configuration = try ConfigurationFile.load(configurationFile)
            available = configuration.seeds
        } else {
            available = try Self.seeds(from: nil)
            configuration = preset.configuration(seeds: available)
        }
        if let seedFile {
            available = try Self.seeds(from: seedFile)
            configuration.seeds = Array(available.prefix(preset.seedCount))
        }
        if let seedCount { configuration.seeds = try Self.first(seedCount, of: available) }
        return configuration
    }

    /// The seed sentences of a file, or the bundled ones.
    public static func seeds(from file: URL?) throws -> [String] {
        try file.map(SeedFile.load) ?? SeedFile.bundled()
    }

    /// The first `count` seeds.
    /// - Throws: `ConvergeError` when `count` is below 1 or above the seeds available.
    public static func first(_ count: Int, of seeds: [String]) throws -> [String] {
        guard count >= 1 else { throw ConvergeError(.invalidParameter, "seed count must be ≥ 1 (got \(count))") }
        guard count <= seeds.count else {
            throw ConvergeError(.invalidParameter, "seed count \(count) exceeds the \(seeds.count) seeds available")
        }
        return Array(seeds.prefix(count))
    }

    /// The recorded configuration of a run being resumed, once the request is checked against it.
    /// A request that names no source starts from the recorded configuration itself, so giving the
    /// original options again, or none, continues. `parallel` may change: it does not change the output.
    /// - Throws: `ConvergeError` naming every setting whose resolved value differs from the record.
    public func resume(_ recorded: RunConfiguration, recordedIn manifest: URL) throws -> RunConfiguration {
        let resolved = settings.applied(to: namesASource ? try base() : recorded)
        var continued = recorded
        continued.parallel = resolved.parallel
        let changed = resolved.differences(from: continued)
        guard changed.isEmpty else {
            throw ConvergeError(
                .invalidParameter,
                "--resume continues with the settings in \(manifest.path); these differ from them: \(changed.joined(separator: ", "))")
        }
        return continued
    }
}
