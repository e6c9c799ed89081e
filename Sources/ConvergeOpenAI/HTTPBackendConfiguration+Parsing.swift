import ConvergeCore
public import Foundation

extension HTTPBackendConfiguration {
    /// The schemes this module serves in a model spec.
    public static let schemes = ["openai", "ollama"]

    /// Parses `openai:MODEL@URL[,URL…][#OPTION&OPTION…]` or the same after `ollama:`.
    ///
    /// Options: `key=ENV` (API key from that environment variable), `server=auto|openai|vllm|llama.cpp`,
    /// `concurrency=N` (per endpoint), `timeout=S`, `ttfb=S` (seconds to first byte), `retries=N`.
    /// - Throws: `ConvergeError` naming the part of the spec that is wrong.
    public init(parsing spec: String) throws {
        guard let colon = spec.firstIndex(of: ":"), let api = API(rawValue: String(spec[..<colon])) else {
            throw ConvergeError(.invalidParameter, "model spec '\(spec)' does not start with openai: or ollama:")
        }
        var rest = String(spec[spec.index(after: colon)...])
        var options: Substring = ""
        if let hash = rest.lastIndex(of: "#") {
            options = rest[rest.index(after: hash)...]
            rest = String(rest[..<hash])
        }
        // The model name may itself hold '@' (a revision), so split at the '@' that starts a URL.
        guard let at = rest.range(of: "@http://") ?? rest.range(of: "@https://") else {
            throw ConvergeError(.invalidParameter, "model spec '\(spec)' needs MODEL@URL, for example \(api.rawValue):my-model@http://127.0.0.1:8000")
        }
        let model = String(rest[..<at.lowerBound])
        guard !model.isEmpty else { throw ConvergeError(.invalidParameter, "model spec '\(spec)' names no model before '@'") }
        let endpoints = try rest[rest.index(after: at.lowerBound)...].split(separator: ",").map { text in
            guard let url = URL(string: String(text)), url.host != nil, url.scheme == "http" || url.scheme == "https" else {
                throw ConvergeError(.invalidParameter, "model spec '\(spec)': '\(text)' is not an http(s) URL")
            }
            guard url.user == nil, url.password == nil else {
                throw ConvergeError(.invalidParameter, "model spec '\(spec)': put credentials in an environment variable (#key=ENV), not in the URL")
            }
            return Self.baseURL(url)
        }
        self.init(api: api, model: model, endpoints: endpoints)
        if api == .ollama { dialect = .ollama }
        for option in options.split(separator: "&") { try apply(option: option, spec: spec) }
    }

    private mutating func apply(option: Substring, spec: String) throws {
        let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty else {
            throw ConvergeError(.invalidParameter, "model spec '\(spec)': option '\(option)' is not NAME=VALUE")
        }
        let (name, value) = (parts[0], parts[1])
        func number(_ minimum: Double) throws -> Double {
            guard let x = Double(value), x >= minimum else {
                throw ConvergeError(.invalidParameter, "model spec '\(spec)': \(name) must be a number ≥ \(minimum) (got '\(value)')")
            }
            return x
        }
        switch name {
        case "key": keyVariable = value
        case "server":
            if value == "auto" { dialect = nil; return }
            guard let parsed = ServerDialect(rawValue: value), api == .openai, parsed != .ollama else {
                throw ConvergeError(.invalidParameter, "model spec '\(spec)': server must be auto, openai, vllm or llama.cpp (got '\(value)')")
            }
            dialect = parsed
        case "concurrency": concurrency = Int(try number(1))
        case "timeout": requestTimeout = try number(0.001)
        case "ttfb": firstByteTimeout = try number(0.001)
        case "retries": maxAttempts = Int(try number(0)) + 1
        default:
            throw ConvergeError(.invalidParameter, "model spec '\(spec)': unknown option '\(name)' (known: key, server, concurrency, timeout, ttfb, retries)")
        }
    }

    /// The server root: a trailing `/v1` (as OpenAI documents its base URL) and slashes are dropped,
    /// because request paths are appended whole.
    static func baseURL(_ url: URL) -> URL {
        var text = url.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        if text.hasSuffix("/v1") { text.removeLast(3) }
        return URL(string: text) ?? url
    }

    /// The API key from the environment.
    /// - Throws: `ConvergeError` when a key variable is named but not set.
    public func apiKey(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
        guard let keyVariable else { return nil }
        guard let key = environment[keyVariable], !key.isEmpty else {
            throw ConvergeError(.invalidParameter, "environment variable \(keyVariable) (named by #key= for \(model)) is not set")
        }
        return key
    }
}

extension HTTPBackendConfiguration: CustomStringConvertible {
    /// The spec in the syntax `init(parsing:)` reads, with only the options that differ from the
    /// defaults. It names the key's variable, never the key.
    public var description: String {
        var options: [String] = []
        let defaults = HTTPBackendConfiguration(api: api, model: model, endpoints: endpoints)
        if let keyVariable { options.append("key=\(keyVariable)") }
        if let dialect, api == .openai { options.append("server=\(dialect.rawValue)") }
        if concurrency != defaults.concurrency { options.append("concurrency=\(concurrency)") }
        if requestTimeout != defaults.requestTimeout { options.append("timeout=\(requestTimeout)") }
        if firstByteTimeout != defaults.firstByteTimeout { options.append("ttfb=\(firstByteTimeout)") }
        if maxAttempts != defaults.maxAttempts { options.append("retries=\(maxAttempts - 1)") }
        let urls = endpoints.map(\.absoluteString).joined(separator: ",")
        return "\(api.rawValue):\(model)@\(urls)" + (options.isEmpty ? "" : "#" + options.joined(separator: "&"))
    }
}
