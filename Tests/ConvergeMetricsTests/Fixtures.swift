import Foundation
import Testing

/// Loads the JSON fixtures written by scripts/fixtures/make_text_fixtures.py.
enum Fixtures {
    static func load<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(T.self, from: Data(contentsOf: url))
    }

    struct Meta: Decodable {
        var sacrebleu: String
        var signature: String
        var zlib: String
    }

    struct TextPairs: Decodable {
        var meta: Meta
        var cases: [TextPair]
    }

    struct TextPair: Decodable, CustomTestStringConvertible {
        var hypothesis: String
        var reference: String
        var bleu: Double
        var matches: [Int]
        var totals: [Int]
        var hypothesisLength: Int
        var referenceLength: Int
        var hypothesisTokens: [String]
        var jaccardDistance: Double
        var hypothesisWords: [String]

        var testDescription: String {
            "\(String(hypothesis.prefix(40)).debugDescription) vs \(String(reference.prefix(40)).debugDescription)"
        }
    }

    struct Repetition: Decodable {
        var meta: Meta
        var cases: [RepetitionCase]
        var selfBleu: [SelfBLEUCase]
    }

    struct RepetitionCase: Decodable {
        var text: String
        var compressionRatio: Double
        var distinct1: Double?
        var distinct2: Double?
        var distinct3: Double?
        var distinct4: Double?
        var rep1: Double?
        var rep2: Double?
        var rep3: Double?
        var rep4: Double?
    }

    struct SelfBLEUCase: Decodable {
        var texts: [String]
        var selfBleu: Double?
    }

    struct PythonUnicode: Decodable {
        var unicodeVersion: String
        var alnumRanges: [[UInt32]]
        var lower: [String: [UInt32]]
    }
}

/// Equal within a relative tolerance, for floating-point values computed by two implementations.
func isClose(_ a: Double, _ b: Double, relative: Double = 1e-12) -> Bool {
    a == b || abs(a - b) <= relative * max(abs(a), abs(b), 1e-300)
}
