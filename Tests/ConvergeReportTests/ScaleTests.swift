import Testing

@testable import ConvergeReport

@Suite("Paper-sized run")
struct ScaleTests {
    /// The paper preset (50 conversations × 25 turns) must stay a file a browser opens without effort
    /// (about 3.8 MB, rendered in 0.2 s in a debug build).
    @Test(.timeLimit(.minutes(1)))
    func fiftyConversationsStayReasonablySized() {
        let html = renderReport(SampleReport.input(conversations: 50, turns: 25))
        let megabytes = Double(html.utf8.count) / 1_000_000
        #expect(megabytes < 8)
        #expect(html.contains(#"id="conv-50""#))
    }
}
