import ConvergeAnalysis
import ConvergeDetection
import ConvergeStatistics

/// How two conditions' conversations line up: by (seed index, replicate), when both conditions ran
/// exactly the same set of them.
struct PairMatch: Sendable {
    /// Index pairs into the two conditions' conversations, in the first condition's order; empty
    /// when not paired.
    var indices: [(Int, Int)]
    var paired: Bool { !indices.isEmpty }
    /// One line saying which design and why.
    var reason: String
}

extension Comparison {
    static func match(_ a: ConditionInput, _ b: ConditionInput) -> PairMatch {
        func keys(_ input: ConditionInput) -> [SeedKey]? {
            let keys = input.conversations.map { conversation in
                conversation.seedIndex.flatMap { seed in conversation.replicate.map { SeedKey(seed: seed, replicate: $0) } }
            }
            guard keys.allSatisfy({ $0 != nil }) else { return nil }
            let present = keys.map { $0! }
            return Set(present).count == present.count ? present : nil
        }
        guard let first = keys(a), let second = keys(b) else {
            return PairMatch(indices: [], reason: "unpaired: seed indices and replicates are unknown or repeated")
        }
        guard Set(first) == Set(second), !first.isEmpty else {
            let shared = Set(first).intersection(second).count
            return PairMatch(
                indices: [], reason: "unpaired: \(a.name) and \(b.name) ran different seeds (\(shared) shared of \(first.count) and \(second.count))")
        }
        let position = Dictionary(uniqueKeysWithValues: second.enumerated().map { ($1, $0) })
        let seeds = Set(first.map(\.seed)).count, replicates = Set(first.map(\.replicate)).count
        return PairMatch(
            indices: first.enumerated().map { ($0, position[$1]!) },
            reason: "paired: conditions share \(seeds) seed\(seeds == 1 ? "" : "s") × \(replicates) replicate\(replicates == 1 ? "" : "s")")
    }

    static func describeDesign(_ selected: [(ConditionInput, ConditionInput)], _ matches: [PairMatch]) -> String {
        let reasons = matches.map(\.reason).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        guard !reasons.isEmpty else { return "one condition: no pairwise tests" }
        if reasons.count == 1 { return reasons[0] + (matches[0].paired ? ", so paired tests run next to the unpaired ones" : "") }
        return zip(selected, matches).map { "\($0.0.name) vs \($0.1.name): \($1.reason)" }.joined(separator: "; ")
    }

    static func pairedTests(_ a: ConditionInput, _ b: ConditionInput, _ match: PairMatch, _ detector: String) -> PairedTests {
        // "Never looped" ranks after every onset, and equally in both conditions: one value past the
        // longest conversation of the two, so conversations of different lengths (an intervention
        // that stops early) do not differ merely by length.
        let never = (a.conversations + b.conversations).map(\.turns).max().map { $0 + 1 } ?? 1
        func verdict(_ input: ConditionInput, _ index: Int) -> (converged: Bool, time: Int) {
            let verdict = input.conversations[index].verdicts[detector]
            if verdict?.converged == true, let onset = verdict?.onset { return (true, onset) }
            return (false, never)
        }
        let first = match.indices.map { verdict(a, $0.0) }, second = match.indices.map { verdict(b, $0.1) }
        return PairedTests(
            pairs: match.indices.count, mcnemar: McNemar(first.map(\.converged), second.map(\.converged)), mcnemarAdjusted: 1,
            onsetWilcoxon: WilcoxonSignedRank(first.map(\.time), second.map(\.time)), onsetWilcoxonAdjusted: nil)
    }

    static func selfBLEUTests(_ selected: [(ConditionInput, ConditionInput)], _ matches: [PairMatch]) -> [PairedMetricTest] {
        var tests: [PairedMetricTest] = zip(selected, matches).compactMap { pair, match in
            guard match.paired else { return nil }
            let values = match.indices.compactMap { i, j in
                pair.0.conversations[i].selfBLEU.flatMap { x in pair.1.conversations[j].selfBLEU.map { (x, $0) } }
            }
            guard !values.isEmpty else { return nil }
            return PairedMetricTest(
                metric: "self_bleu", first: pair.0.name, second: pair.1.name, pairs: values.count,
                wilcoxon: WilcoxonSignedRank(values.map(\.0), values.map(\.1)), wilcoxonAdjusted: nil)
        }
        let adjusted = Holm.adjust(tests.map { $0.wilcoxon?.pValue })
        for k in tests.indices { tests[k].wilcoxonAdjusted = adjusted[k] }
        return tests
    }
}

private struct SeedKey: Hashable {
    var seed: Int
    var replicate: Int
}
