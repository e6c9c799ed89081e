import ConvergeCore
import ConvergeStore
import Foundation
import Testing

@Suite struct RunManifestTests {
    @Test func writesAndReadsBackWithProvenanceKeys() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = RunConfiguration()
        configuration.seeds = ["a seed"]
        configuration.sampler.topK = 3
        let manifest = RunManifest(
            toolVersion: "9.9", llamaCppCommit: "abc1234", createdAt: Date(timeIntervalSince1970: 1_700_000_000),
            command: ["converge", "run"], configuration: configuration,
            models: [.init(role: "agent A", name: "m", path: "/m.gguf", sha256: String(repeating: "0", count: 64), bytes: 12, description: "d")],
            backend: ["threads": "1"], machine: .current()
        )
        let url = directory.appendingPathComponent("run.json")
        try manifest.write(to: url)
        let read = try RunManifest.read(from: url)
        #expect(read.configuration == configuration)
        #expect(read.models == manifest.models)
        #expect(read.createdAt == manifest.createdAt)
        let object = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        for key in ["tool_version", "llama_cpp_commit", "created_at", "command", "configuration", "models", "backend", "machine"] {
            #expect(object[key] != nil, "run.json lacks \(key)")
        }
        let machine = try #require(object["machine"] as? [String: Any])
        #expect((machine["cores"] as? Int ?? 0) >= 1)
    }

    @Test func missingManifestIsAResumeError() {
        #expect {
            try RunManifest.read(from: URL(fileURLWithPath: "/nonexistent/run.json"))
        } throws: { error in
            let error = error as? ConvergeError
            return error?.code == .resume && error?.message.contains("\n") == false
        }
    }

    @Test func fileDigestIsSHA256() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases: [(Data, String)] = [
            (Data("abc".utf8), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (Data(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            (Data(repeating: 0x61, count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
        ]
        for (n, (data, digest)) in cases.enumerated() {
            let url = directory.appendingPathComponent("f\(n)")
            try data.write(to: url)
            #expect(try FileDigest.sha256(of: url) == digest)
            #expect(try FileDigest.sha256(of: url) == digest)  // again, from the cache
        }
    }
}
