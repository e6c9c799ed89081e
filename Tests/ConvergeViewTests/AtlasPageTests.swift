import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// An atlas that `converge atlas` wrote is linked from the page of its directory and served as it
/// is, under its own policy; a directory without one is a 404.
@Suite("converge view: atlas", .timeLimit(.minutes(1)))
struct AtlasPageTests {
    @Test func atlasIsLinkedAndServedUnderItsOwnPolicy() async throws {
        let root = try ViewerHarness.temporaryRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let experiment = root.appendingPathComponent("pairs")
        _ = try ViewerHarness.writeRun("a-b", in: experiment, turns: 2)
        let bare = try ViewerHarness.writeRun("bare", in: root, turns: 2)
        try Data("name: pairs\n".utf8).write(to: experiment.appendingPathComponent("experiment.yaml"))
        let atlas = "<!DOCTYPE html><title>atlas</title><p>marker-of-the-atlas</p>"
        try Data(atlas.utf8).write(to: experiment.appendingPathComponent("atlas.html"))
        try Data(atlas.utf8).write(to: root.appendingPathComponent("atlas.html"))
        try await ViewerHarness.serving(root) { base in
            let index = try await ViewerHarness.get(base).body
            #expect(index.contains(#"href="/atlas""#))
            let page = try await ViewerHarness.get(base.appendingPathComponent("run/pairs")).body
            #expect(page.contains(#"href="/atlas/pairs""#))
            let served = try await ViewerHarness.get(base.appendingPathComponent("atlas/pairs"))
            #expect(served.response.statusCode == 200 && served.body == atlas)
            let policy = served.response.value(forHTTPHeaderField: "Content-Security-Policy") ?? ""
            #expect(policy.hasPrefix("default-src 'none'") && !policy.contains("script-src"))
            #expect(try await ViewerHarness.get(base.appendingPathComponent("atlas")).body == atlas)
            let runPage = try await ViewerHarness.get(base.appendingPathComponent("run/\(bare.lastPathComponent)")).body
            #expect(!runPage.contains("/atlas/"))
            let missing = try await ViewerHarness.get(base.appendingPathComponent("atlas/\(bare.lastPathComponent)"))
            #expect(missing.response.statusCode == 404)
        }
    }
}
