import Foundation

extension EndpointClient {
    /// Asks each endpoint's `/v1/models` in turn who serves it (`owned_by`); plain OpenAI when none
    /// answers, which sends only the standard fields and warns about the rest.
    func detectDialect() async -> ServerDialect {
        if configuration.api == .ollama { return .ollama }
        for endpoint in configuration.endpoints {
            var request = HTTPTransport.Request(url: endpoint.appendingPathComponent("/v1/models"))
            authorize(&request)
            guard let response = try? await transport.send(request, firstByteTimeout: 10, timeout: 10),
                response.status == 200,
                let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any],
                let models = object["data"] as? [[String: Any]]
            else { continue }
            return ServerDialect.detect(ownedBy: models.first?["owned_by"] as? String ?? "")
        }
        return .openai
    }
}
