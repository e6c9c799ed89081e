import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// An experiment directory is one row of the index, and its page lists each condition and the
/// `converge compare` table, escaped like everything else.
@Suite("converge view: experiments", .timeLimit(.minutes(1)))
struct ExperimentPageTests {
    @Test func experimentPageListsConditionsAndTheComparisonTable() async throws {
        let root = try ViewerHarness.temporaryRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let experiment = root.appendingPathComponent("sweep")
        _ = try ViewerHarness.writeRun("control", in: experiment, turns: 2)
        _ = try ViewerHarness.writeRun("hot", in: experiment, turns: 2)
        try Data("name: sweep\n".utf8).write(to: experiment.appendingPathComponent("experiment.yaml"))
        let csv = "detector,first,second,fisher_p\nstudy,control,hot,0.0866873\nstudy,<b>x</b>,hot,1\n"
        try Data(csv.utf8).write(to: experiment.appendingPathComponent("comparison.csv"))
        try await ViewerHarness.serving(root) { base in
            let index = try await ViewerHarness.get(base).body
            #expect(index.contains(#"href="/run/sweep""#) && !index.contains(#"href="/run/control""#))
            let page = try await ViewerHarness.get(base.appendingPathComponent("run/sweep")).body
            #expect(page.contains(#"href="/run/sweep/control""#) && page.contains(#"href="/run/sweep/hot""#))
            #expect(page.contains("<th>fisher_p</th>") && page.contains("<td>0.08669</td>"))
            #expect(page.contains("&lt;b&gt;x&lt;/b&gt;") && !page.contains("<b>x</b>"))
            let condition = try await ViewerHarness.get(base.appendingPathComponent("run/sweep/hot"))
            #expect(condition.response.statusCode == 200 && condition.body.contains("<svg"))
        }
    }
}
