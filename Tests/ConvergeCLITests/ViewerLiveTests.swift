import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension CLIRuns {
    /// `converge view` over a directory holding a finished run and a real `converge run` still being
    /// written, checked over plain HTTP and in headless Chromium (`apt-get install -y chromium`;
    /// CONVERGE_SKIP_BROWSER_CHECK=1 skips the browser part). One seed is an XSS payload.
    @Suite("converge view, live", .timeLimit(.minutes(6)))
    struct ViewerLiveTests {
        static let payload = "<script>alert(1)</script> a payload seed"

        @Test func viewerFollowsARealRunAndKeepsModelTextInert() async throws {
            let root = try temporaryDirectory("view")
            defer { try? FileManager.default.removeItem(at: root) }
            try FileManager.default.copyItem(at: try await QuickRun.reference.value, to: root.appendingPathComponent("finished-run"))
            let seeds = root.appendingPathComponent("seeds.txt")
            try Data((Self.payload + "\nThe lighthouse keeper counted the ships.\n").utf8).write(to: seeds)
            let viewer = try ConvergeProcess(["view", root.path, "--port", "0"])
            let base = try await Self.address(of: viewer)
            let live = root.appendingPathComponent("live-run")
            let run = try ConvergeProcess([
                "run", "--preset", "quick", "--seeds", seeds.path, "--seed-count", "2", "--turns", "6", "--max-tokens", "12",
                "--threads", "1", "--parallel", "1", "--out", live.path,
            ])
            let transcript = live.appendingPathComponent("transcript.jsonl")
            try await Self.wait(timeout: 120) { Self.lines(transcript) >= 1 }
            let browse = ProcessInfo.processInfo.environment["CONVERGE_SKIP_BROWSER_CHECK"] != "1"
            async let whileWriting = browse ? Self.chromiumDOM(base.appendingPathComponent("run/live-run")) : ""

            let index = try await Self.get(base)
            #expect(index.contains(#"href="/run/finished-run""#) && index.contains(#"href="/run/live-run""#))
            #expect(index.contains("running") || Self.lines(transcript) == 12, "the live run is listed as running")

            let first = try await Self.get(base, "api/turns?run=live-run&after=0")
            let seen = first.components(separatedBy: #""turn":"#).count - 1
            try await Self.wait(timeout: 120) { Self.lines(transcript) > seen }
            let next = try await Self.get(base, "api/turns?run=live-run&after=\(seen)")
            #expect(next.contains(#""turn":"#), "a turn written after the first poll comes back on the next")
            let later = try await Self.get(base)
            #expect(Self.turnsDone(later) > Self.turnsDone(index), "the server-rendered index shows progress")

            let finished = try await run.finish(timeout: 240)
            #expect(finished.stderr.contains("done: 12 turns in") && finished.stderr.contains("tok/s · results in \(live.path)"))
            let manifest = try String(contentsOf: live.appendingPathComponent("run.json"), encoding: .utf8)
            #expect(manifest.contains(#""threads_reason" : "--threads""#) || manifest.contains(#""threads_reason":"--threads""#))
            let page = try await Self.get(base, "run/live-run")
            #expect(page.contains("<svg") && page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.contains("<script>alert"))
            // The SVG namespace is a name, not a fetch; any other absolute URL would leave 127.0.0.1.
            let addresses = page.replacingOccurrences(of: #"xmlns="http://www.w3.org/2000/svg""#, with: "")
            #expect(!addresses.contains("https://") && !addresses.contains("http://"))
            let liveDOM = try await whileWriting
            if browse {
                // Opened while the run was writing; the page's long polls kept it open until the end.
                let charts = Self.metricCharts(in: liveDOM)
                #expect(charts.count == 2 && charts.allSatisfy { $0.turns == 6 }, "every turn is drawn: \(charts)")
                #expect(charts.contains { $0.redraws > 0 }, "a chart was redrawn from polled turns: \(charts)")
                // The live chart is the Jaccard distance to the previous text, the seed for turn 1 (as in
                // metrics.csv): one dot per turn.
                #expect(charts.allSatisfy { $0.dots == $0.turns }, "the redrawn SVG holds the new points: \(charts)")
                let dom = try await Self.chromiumDOM(base.appendingPathComponent("run/live-run"))
                #expect(dom.contains("<svg"), "the run page shows its charts")
                #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !dom.contains("<script>alert"))
                #expect(dom.contains(#"id="state">finished"#), "the page script polled the live endpoint")
            }
            viewer.signal(SIGINT)
            _ = try await viewer.finish(timeout: 20)
        }

        static func address(of viewer: ConvergeProcess) async throws -> URL {
            var found: URL?
            try await wait(timeout: 30) {
                let text = viewer.stdoutSoFar
                found = text.split(separator: " ").last.flatMap { URL(string: $0.trimmingCharacters(in: .whitespacesAndNewlines)) }
                return text.contains("http://127.0.0.1:")
            }
            return try #require(found)
        }

        /// Each per-conversation metrics chart in a page's DOM: turns covered, times the script
        /// redrew it, and its data points.
        static func metricCharts(in dom: String) -> [(turns: Int, redraws: Int, dots: Int)] {
            dom.components(separatedBy: "<figure ").dropFirst().compactMap { figure in
                let tag = figure.prefix { $0 != ">" }
                guard tag.contains(#"data-chart="conversation-"#), tag.contains(#"-metrics""#) else { return nil }
                func attribute(_ name: String) -> Int {
                    guard let range = tag.range(of: name + #"="\d+""#, options: .regularExpression) else { return 0 }
                    return Int(tag[range].dropFirst(name.count + 2).dropLast()) ?? 0
                }
                let body = figure.components(separatedBy: "</figure>")[0]
                return (attribute("data-turns"), attribute("data-redraws"), body.components(separatedBy: "<circle").count - 1)
            }
        }

        /// The live run's "done/planned" cell in the index.
        static func turnsDone(_ index: String) -> Int {
            guard let row = index.range(of: #"data-run="live-run""#),
                let cell = index[row.upperBound...].range(of: #"class="num">\d+/"#, options: .regularExpression)
            else { return -1 }
            return Int(index[cell].dropFirst(#"class="num">"#.count).dropLast()) ?? -1
        }

        static func lines(_ url: URL) -> Int {
            ((try? Data(contentsOf: url)) ?? Data()).reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        }

        static func wait(timeout: TimeInterval, until done: () throws -> Bool) async throws {
            let deadline = Date().addingTimeInterval(timeout)
            while try !done() {
                guard Date() < deadline else { throw CancellationError() }
                try await Task.sleep(for: .milliseconds(100))
            }
        }

        static func get(_ base: URL, _ path: String = "") async throws -> String {
            let url = try #require(URL(string: base.absoluteString + path))
            let (data, response) = try await URLSession.shared.data(from: url)
            let http = try #require(response as? HTTPURLResponse)
            #expect(http.value(forHTTPHeaderField: "Content-Security-Policy")?.contains("default-src 'self'") == true)
            return String(decoding: data, as: UTF8.self)
        }

        /// The page's DOM after its script has run for a few (virtual) seconds. Virtual time stands
        /// still while a request is pending, so the viewer's long polls keep the page open, in real
        /// time, for as long as the run keeps writing.
        static func chromiumDOM(_ url: URL) async throws -> String {
            let profile = try temporaryDirectory("chromium")
            defer { try? FileManager.default.removeItem(at: profile) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=\(profile.path)", "--virtual-time-budget=4000", "--dump-dom", url.absoluteString,
            ]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Read off the cooperative pool: a page opened on a running run stays open until it ends.
            let dom = await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(returning: String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
                }
            }
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "chromium failed; install it with apt-get install -y chromium")
            return dom
        }
    }
}
