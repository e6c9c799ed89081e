import Foundation

/// A run configuration saved as JSON: the `configuration` object of a `run.json`, or that object
/// alone. Keys are those of `run.json`.
public enum ConfigurationFile {
    /// - Throws: `ConvergeError` naming the file and the bad key.
    public static func load(_ path: String) throws -> RunConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConvergeError(.invalidParameter, "cannot read config file \(path)")
        }
        let decoder = JSONDecoder()
        do {
            if let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                let inner = object["configuration"]
            {
                return try decoder.decode(RunConfiguration.self, from: JSONSerialization.data(withJSONObject: inner))
            }
            return try decoder.decode(RunConfiguration.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw ConvergeError(.invalidParameter, "config file \(path): missing key '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, context) {
            throw ConvergeError(.invalidParameter, "config file \(path): wrong type for '\(context.codingPath.map(\.stringValue).joined(separator: "."))'")
        } catch {
            throw ConvergeError(.invalidParameter, "config file \(path) is not a valid configuration: \(error.localizedDescription)")
        }
    }
}
