import ConvergeCore
import ConvergeLlama
import Foundation
import Testing

/// MiniLM through llama.cpp against sentence-transformers' vectors (Fixtures/minilm_reference.json).
struct MiniLMReference: Decodable {
    struct Text: Decodable {
        let text: String
        let embedding: [Float]
        let wordPieces: Int
        enum CodingKeys: String, CodingKey {
            case text, embedding
            case wordPieces = "word_pieces"
        }
    }
    let dimension: Int
    let maxSeqLength: Int
    let texts: [Text]
    let paraphrasePairs: [[Int]]
    let unrelatedPairs: [[Int]]
    enum CodingKeys: String, CodingKey {
        case dimension, texts
        case maxSeqLength = "max_seq_length"
        case paraphrasePairs = "paraphrase_pairs"
        case unrelatedPairs = "unrelated_pairs"
    }

    static func load() throws -> MiniLMReference {
        let url = try #require(Bundle.module.url(forResource: "minilm_reference", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(MiniLMReference.self, from: Data(contentsOf: url))
    }
}

func cosine(_ a: [Float], _ b: [Float]) -> Double {
    var dot = 0.0, na = 0.0, nb = 0.0
    for (x, y) in zip(a, b) {
        dot += Double(x) * Double(y)
        na += Double(x) * Double(x)
        nb += Double(y) * Double(y)
    }
    return dot / (na * nb).squareRoot()
}

extension RealModels {
    @Suite(.serialized, .timeLimit(.minutes(3))) struct EmbeddingTests {
        @Test func vectorsAgreeWithSentenceTransformers() async throws {
            let reference = try MiniLMReference.load()
            let embedder = try TestModels.embedder.get()
            let vectors = try await embedder.embed(reference.texts.map(\.text))
            #expect(vectors.count == reference.texts.count)
            var cosines: [Double] = []
            for (item, vector) in zip(reference.texts, vectors) {
                #expect(vector.count == reference.dimension)
                let norm = vector.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
                #expect(abs(norm - 1) < 1e-3, "norm \(norm) for \(item.text.prefix(40).debugDescription)")
                let c = cosine(vector, item.embedding)
                cosines.append(c)
                #expect(c >= 0.99, "cosine \(c) for \(item.text.prefix(60).debugDescription)")
            }
            let mean = cosines.reduce(0, +) / Double(cosines.count)
            #expect(mean >= 0.999, "mean cosine \(mean)")
        }

        @Test func wordPiecesMatchTheReferenceTokenizer() async throws {
            let reference = try MiniLMReference.load()
            let embedder = try TestModels.embedder.get()
            for item in reference.texts {
                let pieces = await embedder.wordPieces(item.text)
                #expect(pieces.count == min(item.wordPieces, reference.maxSeqLength), "\(item.text.prefix(60).debugDescription)")
                if item.wordPieces > reference.maxSeqLength {
                    // Truncated texts keep [CLS] ... [SEP].
                    let full = await embedder.wordPieces(String(item.text.prefix(20)))
                    #expect(pieces.first == full.first && pieces.last == full.last)
                }
            }
        }

        @Test func paraphrasesAreCloserThanUnrelatedTexts() async throws {
            let reference = try MiniLMReference.load()
            let embedder = try TestModels.embedder.get()
            let vectors = try await embedder.embed(reference.texts.map(\.text))
            let paraphrase = reference.paraphrasePairs.map { cosine(vectors[$0[0]], vectors[$0[1]]) }
            let unrelated = reference.unrelatedPairs.map { cosine(vectors[$0[0]], vectors[$0[1]]) }
            #expect(!paraphrase.isEmpty && !unrelated.isEmpty)
            #expect(paraphrase.min()! > unrelated.max()!, "paraphrase \(paraphrase) unrelated \(unrelated)")
        }

        @Test func embeddingIsIndependentOfBatchComposition() async throws {
            let embedder = try TestModels.embedder.get()
            let alone = try await embedder.embed(["The cat is sleeping on the warm windowsill."])[0]
            let inBatch = try await embedder.embed(["Something else entirely.", "The cat is sleeping on the warm windowsill.", ""])[1]
            #expect(alone == inBatch, "a text's vector changed with the batch it was embedded in")
        }

        @Test func aGenerationModelIsNotAnEmbedder() throws {
            let smol = try TestModels.smol.get()
            #expect {
                try LlamaEmbedder(model: smol, threads: 1)
            } throws: { ($0 as? ConvergeError)?.code == .modelFile }
        }
    }
}
