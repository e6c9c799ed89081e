import Foundation
import Testing

/// A conversation's text depends only on its identity (models, parameters, run seed, seed index,
/// replicate): not on `--parallel`, on which other seeds run, on the shard, or on where a resume
/// happened (docs/INVARIANCE.md). Each test compares whole runs of the real default models.
extension CLIRuns {
    @Suite(.serialized, .timeLimit(.minutes(12))) struct InvarianceRunTests {
        /// One thread in lockstep, or pipelined with one thread per model: never more threads than
        /// cores, whatever else the machine runs.
        static func arguments(seeds: Int, turns: Int = 4, maxTokens: Int = 16, parallel: Int, pipelined: Bool = false, out: URL) -> [String] {
            [
                "run", "--preset", "quick", "--seed-count", "\(seeds)", "--turns", "\(turns)", "--max-tokens", "\(maxTokens)",
                "--rng-seed", "11", "--parallel", "\(parallel)", "--out", out.path,
            ] + (pipelined ? ["--threads", "2", "--schedule", "pipelined"] : ["--threads", "1", "--schedule", "lockstep"])
        }

        static func texts(_ arguments: [String]) async throws -> [[Int]: String] {
            let result = try await converge(arguments, timeout: 400)
            #expect(result.status == 0, "\(result.stderr)")
            let out = URL(fileURLWithPath: arguments[arguments.firstIndex(of: "--out")! + 1])
            return Transcript.texts(try Transcript.read(out))
        }

        /// The paper preset's width: all 50 seeds in one batch, against 7 with the two models
        /// pipelined, and one at a time.
        @Test func fiftySeedsGiveTheSameTextsAtParallelOneSevenAndFifty() async throws {
            let root = try temporaryDirectory("width")
            defer { try? FileManager.default.removeItem(at: root) }
            var runs: [Int: [[Int]: String]] = [:]
            for parallel in [50, 7, 1] {
                let out = root.appendingPathComponent("p\(parallel)")
                runs[parallel] = try await Self.texts(
                    Self.arguments(seeds: 50, turns: 2, maxTokens: 8, parallel: parallel, pipelined: parallel == 7, out: out))
            }
            #expect(runs[50]!.count == 100)
            #expect(runs[7] == runs[50], "--parallel 7 changed \(differing(runs[7]!, runs[50]!)) turns")
            #expect(runs[1] == runs[50], "--parallel 1 changed \(differing(runs[1]!, runs[50]!)) turns")
        }

        /// Fewer seeds, shards merged, and a kill with a resume at another width all reproduce the
        /// full run's texts.
        @Test func subsetsShardsAndResumesReproduceTheFullRun() async throws {
            let root = try temporaryDirectory("identity")
            defer { try? FileManager.default.removeItem(at: root) }
            let full = try await Self.texts(Self.arguments(seeds: 6, parallel: 6, out: root.appendingPathComponent("full")))
            #expect(full.count == 24)

            let three = try await Self.texts(Self.arguments(seeds: 3, parallel: 3, pipelined: true, out: root.appendingPathComponent("three")))
            #expect(three == full.filter { $0.key[0] < 3 })

            var shards: [String] = []
            for index in 0..<2 {
                let out = root.appendingPathComponent("shard\(index)")
                _ = try await Self.texts(Self.arguments(seeds: 6, parallel: 2, out: out) + ["--shard", "\(index)/2"])
                shards.append(out.path)
            }
            let merged = root.appendingPathComponent("merged")
            let merge = try await converge(["merge"] + shards + ["--out", merged.path])
            #expect(merge.status == 0, "\(merge.stderr)")
            #expect(Transcript.texts(try Transcript.read(merged)) == full)

            let resumed = root.appendingPathComponent("resumed")
            let process = try ConvergeProcess(Self.arguments(seeds: 6, parallel: 2, out: resumed))
            let deadline = Date().addingTimeInterval(200)
            while Transcript.lineCount(resumed) < 5, process.process.isRunning, Date() < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
            process.signal(SIGKILL)
            _ = try await process.finish()
            #expect(Transcript.lineCount(resumed) < 24, "the run finished before it could be killed")
            let finish = try await converge(
                ["run", "--resume", "--parallel", "5", "--threads", "2", "--schedule", "pipelined", "--out", resumed.path], timeout: 400)
            #expect(finish.status == 0, "\(finish.stderr)")
            #expect(Transcript.texts(try Transcript.read(resumed)) == full)
        }
    }
}

private func differing(_ a: [[Int]: String], _ b: [[Int]: String]) -> Int {
    Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.count
}
