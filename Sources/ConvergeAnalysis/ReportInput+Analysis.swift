import ConvergeCore
import ConvergeDetection
import ConvergeMetrics
public import ConvergeReport
import ConvergeStatistics

extension ReportInput {
    /// The report of an analysed run. Every number comes from the analysis as written to
    /// `metrics.csv`, `summary.json`, `similarity.json` and `tsne.csv`; only the per-turn bands
    /// and the Kaplan–Meier curves of each verdict are derived here, from the series and the verdicts.
    /// - Parameter analysis: the analysis, computed or read back.
    public init(_ analysis: RunAnalysis) {
        let summary = analysis.summary
        let settings = summary.detectorSettings
        let thresholds = Dictionary(
            uniqueKeysWithValues: (settings.loop.signals.merging(settings.study.thresholds) { first, _ in first }).map { ($0.key.rawValue, $0.value) })
        let similarity = Dictionary(analysis.similarity.map { ($0.conversation, $0) }) { first, _ in first }
        let results = Dictionary(summary.conversations.map { ($0.conversation, $0) }) { first, _ in first }
        let conversations = analysis.metrics.map { entry in
            let id = entry.conversation.id
            let result = results[entry.conversation.identifier]
            let matrix = similarity[entry.conversation.identifier].map {
                SimilarityMatrix(label: "cosine similarity", values: $0.values, firstTurn: $0.firstTurn, domain: 0...1)
            }
            return ConversationReport(
                id: id, seed: entry.conversation.seed, turns: entry.conversation.turns,
                series: Dictionary(uniqueKeysWithValues: TurnMetric.allCases.map { metric in (metric.rawValue, entry.series.map { $0[metric] }) }),
                thresholds: thresholds,
                detections: VerdictName.allCases.map { name in
                    Detection(detector: name.rawValue, converged: result?[name].converged ?? false, onset: result?[name].onset)
                },
                similarity: matrix,
                interventions: entry.conversation.turns.compactMap { turn in
                    turn.intervention.map { Intervention(turn: turn.turn, description: "\($0.action.rawValue): \($0.detail)") }
                },
                name: entry.conversation.name)
        }
        self.init(
            title: analysis.run.name,
            provenance: Self.provenance(analysis),
            runJSON: analysis.run.manifestText,
            parameters: Self.parameters(analysis),
            metricDefinitions: MetricDefinitions(
                text: Self.definitions,
                signatures: summary.signatures.keys.sorted().map { ReportField($0, summary.signatures[$0]!) }),
            detectors: VerdictName.allCases.map { summary[$0] },
            survival: VerdictName.allCases.compactMap { name in summary[name].kaplanMeier.map { SurvivalCurve(label: name.rawValue, $0) } },
            conversations: conversations,
            aggregates: PerTurnBands.compute(analysis.metrics),
            tsnePoints: Self.tsnePoints(analysis),
            tsneKLDivergence: summary.tsne?.klDivergence)
    }

    static let definitions = """
        Pairs: prev = output vs the previous output (the seed for turn 1); self = output vs the same model's \
        output two turns back; seed = output vs the seed. The later text is always the hypothesis.
        BLEU: sacrebleu sentence_bleu, 13a, exp smoothing, effective order; bleu_distance = 1 − BLEU/100.
        Jaccard distance: 1 − |W(a) ∩ W(b)| / |W(a) ∪ W(b)| over lower-cased runs of letters and digits.
        Cosine distance: 1 − cos of all-MiniLM-L6-v2 embeddings (mean pooling, 256 word pieces, L2-normalised).
        Coherence: mean cosine of adjacent sentence embeddings; undefined below two sentences.
        coherence_distinct: the same over the distinct sentences (exact repeats dropped), so repetition cannot raise it.
        rep_4 / rep_4_window: 1 − unique 4-grams / 4-grams, of the output / of the previous and current output joined.
        compression_ratio(_window): UTF-8 bytes / zlib level-9 bytes.
        Verdicts: looping_at_end = a loop of the loop detector lasts to the last turn; dominant_loop (the default) = \
        that, or at least m of the last w turns loop; ever_looped = a loop of k turns happened; study_rule = cosine, \
        Jaccard, BLEU distance and coherence difference between consecutive outputs all below for 3 turns; \
        fitted_rule = a rule of that form fitted to labels. recurrence_4: share of an output's digit-normalised 4-grams \
        already seen in the two previous outputs or itself.
        Converged fraction: Wilson 95% score interval. Per-turn bands: mean ± 1.96·s/√n over conversations.
        Full definitions: docs/METRICS.md in the converge sources.
        """

    private static func tsnePoints(_ analysis: RunAnalysis) -> [TSNEPoint] {
        // tsne.csv holds ids as text, so match on the text: a string id "7" and the number 7 read alike.
        let conversations = Dictionary(analysis.metrics.map { ($0.conversation.identifier.description, $0.conversation) }) { first, _ in first }
        return analysis.tsne.map { row in
            let conversation = conversations[row.conversation.description]
            let texts = conversation.map { [$0.seed] + $0.outputs } ?? []
            let text = texts.indices.contains(row.turn) ? texts[row.turn] : ""
            return TSNEPoint(
                x: row.x, y: row.y, conversation: conversation?.id ?? -1, turn: row.turn, agent: row.agent, isSeed: row.turn == 0,
                label: String(text.prefix(120)))
        }
    }
}
