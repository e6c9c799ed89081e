import ConvergeCore
import ConvergeStore
import Foundation
import Testing

/// A deterministic stand-in for MiniLM: a hashed bag of lower-cased words, L2-normalised. These
/// tests are about files and wiring, not model quality; the real embedder is tested in ConvergeLlamaTests.
struct HashingEmbedder: Embedder {
    var name: String { "hashing-test-embedder" }

    func embed(_ texts: [String]) async throws -> [[Float]] {
        texts.map { text in
            var vector = [Float](repeating: 0, count: 64)
            for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
                var hash: UInt32 = 2_166_136_261
                for byte in word.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
                vector[Int(hash % 64)] += 1
            }
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return norm > 0 ? vector.map { $0 / norm } : vector
        }
    }
}

/// Synthetic conversations with known shapes, written as a run directory.
enum SyntheticRun {
    static let turns = 10
    static let seeds = ["The lighthouse keeper waited.", "A map, folded twice, \"in\" her coat.", "Why do rivers bend?"]
    static let loop = "the cat sat on the mat and the cat sat on the mat and the cat sat on the mat"

    /// Which turns of each conversation repeat `loop`: 0 loops from turn 3 to the end, 2 from turn 5,
    /// 4 from turn 3 to 6 and then escapes; 1, 3 and 5 are ordinary prose.
    static let loopTurns: [Int: ClosedRange<Int>] = [0: 3...turns, 2: 5...turns, 4: 3...6]

    static let vocabulary: [String] = {
        let syllables = ["ka", "lo", "mi", "ru", "te", "vo", "sa", "ne", "pi", "du", "ge", "fo", "bi", "za"]
        return syllables.flatMap { a in syllables.map { b in a + b } }
    }()

    /// Ordinary prose: two sentences of words no other turn uses.
    static func prose(_ conversation: Int, _ turn: Int) -> String {
        let start = ((conversation * turns + turn) * 8) % (vocabulary.count - 8)
        let words = vocabulary[start..<(start + 8)]
        return words.prefix(4).joined(separator: " ") + ". " + words.suffix(4).joined(separator: " ") + "."
    }

    static func records(conversations: Int = 6, model: (Agent) -> String = { "model-\($0.rawValue.lowercased())" }, seedField: Bool = false) -> [TurnRecord] {
        (0..<conversations).flatMap { conversation in
            (1...turns).map { turn in
                let looping = loopTurns[conversation]?.contains(turn) ?? false
                let agent = Agent.speaking(onTurn: turn)
                return TurnRecord(
                    conversation: conversation, seedIndex: conversation % seeds.count, replicate: conversation / seeds.count,
                    turn: turn, agent: agent, model: model(agent), text: looping ? loop : prose(conversation, turn),
                    promptTokens: 20, tokens: looping ? 18 : 10, finishReason: looping ? .length : .eos,
                    seed: seedField ? seeds[conversation % seeds.count] : nil)
            }
        }
    }

    /// A run directory with a transcript (records in reverse, so loading must sort them) and,
    /// optionally, a run.json.
    static func write(_ records: [TurnRecord], manifest: Bool = true) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("converge-analysis-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try TranscriptFile.rewrite(directory.appendingPathComponent("transcript.jsonl"), with: records.reversed())
        if manifest {
            var configuration = RunConfiguration()
            configuration.seeds = seeds
            configuration.replicates = 2
            configuration.turns = turns
            try RunManifest(
                toolVersion: "test", llamaCppCommit: "0c1e570", createdAt: Date(timeIntervalSince1970: 0), command: ["test"],
                configuration: configuration, models: [], backend: [:], machine: .current()
            ).write(to: directory.appendingPathComponent("run.json"))
        }
        return directory
    }
}

func jsonObject(at url: URL) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
}
