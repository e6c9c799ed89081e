import ConvergeCore
import Foundation
import Testing

@testable import ConvergeOpenAI

/// An API key must reach only the server it was configured for, and never a message or run.json.
@Suite struct KeyLeakTests {
    @Test(arguments: [
        "openai:m@http://user:sk-SECRET123@h:1",
        "openai:m@http://h:1/v1?api_key=sk-SECRET123",
        "openai:m@http://h:1,https://h2:2?token=sk-SECRET123#retries=2",
    ])
    func keyInTheURLIsRefusedWithoutPrintingIt(_ spec: String) {
        #expect {
            try HTTPBackendConfiguration(parsing: spec)
        } throws: { error in
            let message = "\(error)"
            return message.contains("environment variable") && !message.contains("SECRET123")
        }
    }

    @Test func otherMessagesMaskTheURLsToo() {
        #expect {
            try HTTPBackendConfiguration(parsing: "openai:m@http://h:1?api_key=sk-SECRET123#colour=red")
        } throws: { !"\($0)".contains("SECRET123") }
    }

    @Test func aQueryWithoutASecretIsAllowed() throws {
        let c = try HTTPBackendConfiguration(parsing: "openai:m@https://h:1?api-version=2024-06-01")
        #expect(c.endpoints.first?.query == "api-version=2024-06-01")
    }

    /// Real redirects between two servers on 127.0.0.1: another port is another origin.
    @Test func redirectToAnotherOriginDropsTheAuthorization() async throws {
        let elsewhere = try FaultProxy(upstream: 1, script: [.badRequest])
        defer { elsewhere.stop() }
        let server = try FaultProxy(
            upstream: 1, script: [.redirect(to: "/v2/completions"), .redirect(to: "\(elsewhere.url)/v1/completions")])
        defer { server.stop() }
        let transport = HTTPTransport(connectionsPerHost: 1)
        let request = HTTPTransport.Request(
            url: server.url.appendingPathComponent("/v1/completions"), headers: [(name: "Authorization", value: "Bearer sk-SECRET")],
            body: Data("{}".utf8))
        _ = try await transport.send(request, firstByteTimeout: 10, timeout: 10)
        let received = server.requests.map { $0.lowercased() }
        #expect(received.count == 2)
        #expect(received.allSatisfy { $0.contains("authorization: bearer sk-secret") })
        #expect(received.last?.hasPrefix("post /v2/completions") == true)
        let forwarded = try #require(elsewhere.requests.first).lowercased()
        #expect(forwarded.hasPrefix("post /v1/completions"))
        #expect(!forwarded.contains("sk-secret"))
    }
}
