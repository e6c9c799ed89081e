import ConvergeCore
import ConvergeDetection
import ConvergeMetrics
import ConvergeReport
import ConvergeStatistics
public import Foundation

extension Comparison {
    /// Writes `comparison.json` (everything), `comparison.csv` (one row per pairwise test),
    /// `conditions.csv` (one row per condition and detector), `persistence.csv` (one row per branch
    /// condition, when there are any) and `comparison.html` (the same as a
    /// page with rate charts) into the experiment directory.
    /// - Returns: the files written.
    /// - Throws: `ConvergeError` (code `.io`).
    @discardableResult
    public func write(to directory: URL) throws -> [URL] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let files: [(String, Data)] =
            [
                ("comparison.json", try encoder.encode(self)),
                ("comparison.csv", Data(pairsCSV.utf8)),
                ("conditions.csv", Data(conditionsCSV.utf8)),
            ] + (persistence.isEmpty ? [] : [("persistence.csv", Data(persistenceCSV.utf8))])
        var written = try files.map { name, data in
            let url = directory.appendingPathComponent(name)
            do { try data.write(to: url, options: .atomic) } catch {
                throw ConvergeError(.io, "cannot write \(url.path): \(error.localizedDescription)")
            }
            return url
        }
        do {
            written.append(try writeComparisonReport(reportInput, to: directory))
        } catch {
            throw ConvergeError(.io, error.message)
        }
        return written
    }

    /// Condition names are restricted to letters, digits, `.`, `_` and `-`, so no field needs quoting.
    var pairsCSV: String {
        var lines = [
            "detector,first,second,rate_difference,fisher_p,fisher_p_holm,odds_ratio,log_rank_chi2,log_rank_p,log_rank_p_holm,"
                + "mwu_converged_only_u,mwu_converged_only_method,mwu_converged_only_p,mwu_converged_only_p_holm,"
                + "paired_n,mcnemar_first_only,mcnemar_second_only,mcnemar_p,mcnemar_p_holm,onset_wilcoxon_statistic,"
                + "onset_wilcoxon_method,onset_wilcoxon_p,onset_wilcoxon_p_holm"
        ]
        for pair in pairs {
            let odds = pair.fisher.oddsRatioInfinite ? "inf" : Self.number(pair.fisher.oddsRatio)
            lines.append(
                [
                    pair.detector, pair.first, pair.second, Self.number(pair.rateDifference), Self.number(pair.fisher.pValue),
                    Self.number(pair.fisherAdjusted), odds, Self.number(pair.logRank?.statistic), Self.number(pair.logRank?.pValue),
                    Self.number(pair.logRankAdjusted), Self.number(pair.mannWhitney?.u), pair.mannWhitney?.method.rawValue ?? "",
                    Self.number(pair.mannWhitney?.pValue), Self.number(pair.mannWhitneyAdjusted),
                    pair.paired.map { String($0.pairs) } ?? "", pair.paired.map { String($0.mcnemar.firstOnly) } ?? "",
                    pair.paired.map { String($0.mcnemar.secondOnly) } ?? "", Self.number(pair.paired?.mcnemar.pValue),
                    Self.number(pair.paired?.mcnemarAdjusted), Self.number(pair.paired?.onsetWilcoxon?.statistic),
                    pair.paired?.onsetWilcoxon?.method.rawValue ?? "", Self.number(pair.paired?.onsetWilcoxon?.pValue),
                    Self.number(pair.paired?.onsetWilcoxonAdjusted),
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var conditionsCSV: String {
        var lines = ["detector,condition,converged,total,fraction,ci95_low,ci95_high,onset_n,onset_median,onset_q1,onset_q3,onset_mean,km_median"]
        for c in conditions {
            let s = c.onsetSummary
            lines.append(
                [
                    c.detector, c.condition, String(c.converged), String(c.total), Self.number(c.fraction), Self.number(c.ciLow),
                    Self.number(c.ciHigh), String(c.onsets.count), Self.number(s?.median), Self.number(s?.lowerQuartile),
                    Self.number(s?.upperQuartile), Self.number(s?.mean), Self.number(c.kaplanMeier?.median),
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var persistenceCSV: String {
        var lines = [
            "condition,parent,from_turn,within,branches,escaped,fraction,ci95_low,ci95_high,clusters,parent_total,parent_escaped,parent_fraction,parent_ci95_low,parent_ci95_high"
        ]
        for p in persistence {
            let b = p.branched
            let s = p.spontaneous
            lines.append(
                [
                    p.condition, p.parent ?? "", String(p.fromTurn), String(p.within), String(b.total), String(b.successes), Self.number(b.fraction),
                    Self.number(b.ciLow), Self.number(b.ciHigh), String(b.clusters), s.map { String($0.total) } ?? "",
                    s.map { String($0.converged) } ?? "", Self.number(s?.fraction), Self.number(s?.ciLow), Self.number(s?.ciHigh),
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Full precision, shortest round-trip form; empty for a missing value.
    static func number(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }
}
