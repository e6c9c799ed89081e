import ConvergeCore
public import Foundation

extension HTTPBackendConfiguration {
    /// The longest `timeout` or `ttfb` a spec may set: one week, in seconds.
    static let longestTimeout: Double = 7 * 24 * 3600

    /// The schemes this module serves in a model spec.
    public static let schemes = ["openai", "ollama"]

    /// Parses `openai:MODEL@URL[,URL…][#OPTION&OPTION…]` or the same after `ollama:`.
    ///
    /// Options: `key=ENV` (API key from that environment variable), `server=auto|openai|vllm|llama.cpp`,
    /// `concurrency=N` (per endpoint), `timeout=S`, `ttfb=S` (seconds to first byte), `retries=N`.
    /// - Throws: `ConvergeError` naming the part of the spec that is wrong.
    public init(parsing text: String) throws {
        // Every message shows the spec with credentials masked: an error line ends up in logs.
        let spec = Self.redacted(text)
        guard let colon = text.firstIndex(of: ":"), let api = API(rawValue: String(text[..<colon])) else {
            throw ConvergeError(.invalidParameter, "model spec '\(spec)' does not start with openai: or ollama:")
        }
        var rest = String(text[text.index(after: colon)...])
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
        let endpoints = try rest[rest.index(after: at.lowerBound)...].split(separator: ",").map { endpoint in
            guard let url = URL(string: String(endpoint)), url.host != nil, url.scheme == "http" || url.scheme == "https" else {
                throw ConvergeError(.invalidParameter, "model spec '\(spec)': '\(Self.redacted(String(endpoint)))' is not an http(s) URL")
            }
            guard url.user == nil, url.password == nil, !Self.holdsKey(url) else {
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
        // Bounded on both sides: a huge or infinite value would trap where it becomes an Int or a
        // Duration, long after parsing, with the models already loaded.
        func number(_ range: ClosedRange<Double>, whole: Bool = false) throws -> Double {
            guard let x = Double(value), range.contains(x), !whole || x == x.rounded() else {
                let kind = whole ? "a whole number" : "a number"
                throw ConvergeError(
                    .invalidParameter,
                    "model spec '\(spec)': \(name) must be \(kind) in \(String(format: "%g", range.lowerBound))...\(String(format: "%g", range.upperBound)) (got '\(value)')",
                    value: value)
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
        case "concurrency": concurrency = Int(try number(1...1024, whole: true))
        case "timeout": requestTimeout = try number(0.001...Self.longestTimeout)
        case "ttfb": firstByteTimeout = try number(0.001...Self.longestTimeout)
        case "retries": maxAttempts = Int(try number(0...1000, whole: true)) + 1
        default:
            throw ConvergeError(.invalidParameter, "model spec '\(spec)': unknown option '\(name)' (known: key, server, concurrency, timeout, ttfb, retries)")
        }
    }

    /// The spec with the user information and query values of its URLs masked, for messages.
    static func redacted(_ spec: String) -> String {
        let (urls, options) = spec.firstIndex(of: "#").map { (String(spec[..<$0]), String(spec[$0...])) } ?? (spec, "")
        var masked = urls.replacingOccurrences(of: #"://[^/@,]*@"#, with: "://***@", options: .regularExpression)
        masked = masked.replacingOccurrences(of: #"([?&][^=&,]*=)[^&,]*"#, with: "$1***", options: .regularExpression)
        return masked + options
    }

    /// Whether a URL's query carries what looks like a secret (`?api_key=…`, `?token=…`), which
    /// would otherwise be written to `run.json` and every log line that names the endpoint.
    static func holdsKey(_ url: URL) -> Bool {
        let names = (URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []).map { $0.name.lowercased() }
        return names.contains { name in ["key", "token", "secret", "password", "auth", "sig"].contains { name.contains($0) } }
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
