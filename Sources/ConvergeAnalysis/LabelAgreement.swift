import ConvergeCore
public import ConvergeStatistics
public import Foundation

/// Agreement between two label files in `converge label`'s format (docs/METRICS.md, "Agreement"):
/// Cohen's κ with its bootstrap 95% CI, PABAK and raw agreement on the converged flag, over the
/// conversations both files label. Labels are matched by run and conversation; a later line for
/// the same conversation supersedes an earlier one, as in calibration.
public struct LabelAgreement: Codable, Sendable, Equatable {
    /// Conversations labelled in both files.
    public var matched: Int
    /// Conversations labelled in one file only, left out.
    public var onlyFirst: Int
    public var onlySecond: Int
    /// Who made each file's labels, as the files name them.
    public var labellersFirst: [String]
    public var labellersSecond: [String]
    /// Converged in both, in the first only, in the second only, in neither.
    public var table: [Int]
    public var agreement: CohenKappa

    /// Matches and compares two label lists.
    /// - Parameters:
    ///   - first: the first file's labels, in file order.
    ///   - second: the second file's labels, in file order.
    ///   - resamples: bootstrap resamples for κ's CI.
    ///   - seed: the bootstrap's random seed.
    /// - Throws: `ConvergeError` (code `.invalidParameter`) when no conversation is labelled in both.
    public init(first: [ConversationLabel], second: [ConversationLabel], resamples: Int = 2000, seed: UInt64 = 20_261_130) throws {
        let a = Self.latest(first), b = Self.latest(second)
        let keys = a.keys.filter { b[$0] != nil }.sorted()
        guard !keys.isEmpty else {
            throw ConvergeError(.invalidParameter, "the two label files share no conversation (labels match by run and conversation)")
        }
        let x = keys.map { a[$0]!.converged }, y = keys.map { b[$0]!.converged }
        matched = keys.count
        onlyFirst = a.count - keys.count
        onlySecond = b.count - keys.count
        labellersFirst = Set(first.map(\.labeller)).sorted()
        labellersSecond = Set(second.map(\.labeller)).sorted()
        let pairs = zip(x, y)
        table = [pairs.count { $0 && $1 }, pairs.count { $0 && !$1 }, pairs.count { !$0 && $1 }, pairs.count { !$0 && !$1 }]
        agreement = CohenKappa(x, y, resamples: resamples, seed: seed)!
    }

    /// Reads two label files and compares them.
    /// - Parameters:
    ///   - first: the first label file.
    ///   - second: the second label file.
    ///   - resamples: bootstrap resamples for κ's CI.
    ///   - seed: the bootstrap's random seed.
    /// - Throws: `ConvergeError` when a file is missing or unreadable, or they share no conversation.
    public static func read(_ first: URL, _ second: URL, resamples: Int = 2000, seed: UInt64 = 20_261_130) throws -> LabelAgreement {
        for url in [first, second] where !FileManager.default.fileExists(atPath: url.path) {
            throw ConvergeError(.io, "no label file at \(url.path)")
        }
        return try LabelAgreement(first: try LabelFile.read(first), second: try LabelFile.read(second), resamples: resamples, seed: seed)
    }

    /// The readable summary `converge agreement` prints.
    public var text: String {
        func number(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "undefined" }
        let k = agreement
        return """
            Conversations labelled in both: \(matched) (only in the first: \(onlyFirst), only in the second: \(onlySecond))
            Labellers: \(labellersFirst.joined(separator: ", ")) vs \(labellersSecond.joined(separator: ", "))
            Converged in both \(table[0]), first only \(table[1]), second only \(table[2]), neither \(table[3])
            Raw agreement  \(number(k.agreement))
            Cohen's kappa  \(number(k.kappa))  95% CI [\(number(k.ciLow)), \(number(k.ciHigh))] (percentile bootstrap, \(k.resamples) resamples, seed \(k.seed))
            PABAK          \(number(k.pabak))

            """
    }

    /// The last label of each conversation, keyed by run and conversation.
    private static func latest(_ labels: [ConversationLabel]) -> [String: ConversationLabel] {
        var latest: [String: ConversationLabel] = [:]
        for label in labels { latest["\(label.run ?? "")\u{1F}\(label.conversation)"] = label }
        return latest
    }

    enum CodingKeys: String, CodingKey {
        case matched, table, agreement
        case onlyFirst = "only_first"
        case onlySecond = "only_second"
        case labellersFirst = "labellers_first"
        case labellersSecond = "labellers_second"
    }
}
