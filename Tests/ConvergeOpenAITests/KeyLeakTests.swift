import ConvergeCore
import Foundation
import Testing

@testable import ConvergeOpenAI

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

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

    @Test func redirectToAnotherOriginDropsTheAuthorization() throws {
        var request = URLRequest(url: try #require(URL(string: "http://elsewhere:8000/v1/completions")))
        request.setValue("Bearer sk-SECRET", forHTTPHeaderField: "Authorization")
        let original = URL(string: "http://server:8000/v1/completions")
        #expect(HTTPTransport.redirect(request, from: original).value(forHTTPHeaderField: "Authorization") == nil)
        var same = request
        same.url = URL(string: "http://server:8000/v2/completions")
        #expect(HTTPTransport.redirect(same, from: original).value(forHTTPHeaderField: "Authorization") == "Bearer sk-SECRET")
        same.url = URL(string: "https://server:8000/v1/completions")
        #expect(HTTPTransport.redirect(same, from: original).value(forHTTPHeaderField: "Authorization") == nil)
    }
}
