import ConvergeCore
import ConvergeDetection
import ConvergeReport
import Foundation

/// Hostile strings that must only ever appear escaped. Each is paired with its escaped form.
enum Payload {
    static let all: [(raw: String, escaped: String)] = [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
        ("</textarea>", "&lt;/textarea&gt;"),
        ("&amp;", "&amp;amp;"),
        ("it's 'quoted'", "it&#39;s &#39;quoted&#39;"),
    ]

    /// Every payload on one line, as a model might emit them.
    static let combined = all.map(\.raw).joined(separator: " ")
}

/// A small but realistic run: conversations that drift and then loop, with payloads in every text
/// field a real run could carry (seeds, model outputs, model names, provenance, labels).
enum SampleReport {
    static func input(conversations count: Int = 6, turns: Int = 25) -> ReportInput {
        let conversations = (1...count).map { conversation(id: $0, turns: turns) }
        let studyVerdicts = conversations.map { ConvergenceVerdict(onset: $0.detections.first?.onset) }
        let toolVerdicts = conversations.map { ConvergenceVerdict(onset: $0.detections.last?.onset) }
        return ReportInput(
            title: "sample run " + Payload.combined,
            provenance: [
                ReportField("model A", "gemma-3-270m-q4_k_m.gguf " + Payload.all[1].raw),
                ReportField("sha256 A", "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818"),
                ReportField("llama.cpp", "0c1e570"),
                ReportField("homepage", "https://example.invalid/not-a-link"),
            ],
            runJSON: #"{"preset": "paper", "note": "\#(Payload.combined)"}"#,
            parameters: [ReportField("turns", String(turns)), ReportField("temperature", "0.7"), ReportField("top-p", "0.95")],
            metricDefinitions: MetricDefinitions(
                link: "docs/METRICS.md",
                text: "bleu_distance = 1 − BLEU/100 " + Payload.combined,
                signatures: [ReportField("BLEU", "nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.4.0")]
            ),
            detectors: [
                VerdictOutcome(
                    verdict: .studyRule, description: "consecutive distances below thresholds for k = 3 turns", verdicts: studyVerdicts),
                VerdictOutcome(
                    verdict: .dominantLoop, description: "windowed repetition that persists to the end " + Payload.all[0].raw,
                    verdicts: toolVerdicts),
            ],
            survival: [
                SurvivalCurve(label: "study", times: [0, 9, 14], survival: [1, 0.8, 0.6], lower: [1, 0.4, 0.25], upper: [1, 0.95, 0.85]),
                SurvivalCurve(
                    label: "tool " + Payload.all[0].raw, times: [0, 7, 8, 10], survival: [1, 0.83, 0.67, 0.5],
                    lower: [1, 0.3, 0.2, 0.1], upper: [1, 0.97, 0.9, 0.8]),
            ],
            conversations: conversations,
            aggregates: aggregates(turns: turns),
            tsnePoints: conversations.flatMap(tsnePoints),
            tsneKLDivergence: 0.8731
        )
    }

    static func conversation(id: Int, turns: Int) -> ConversationReport {
        let seed = id == 1 ? "Seed with payloads: " + Payload.combined : "The lighthouse keeper counted the ships at dawn, \(id)."
        let onset: Int? = id % 3 == 0 ? nil : 6 + id
        let records = (1...turns).map { turn -> TurnRecord in
            let looping = onset.map { turn >= $0 } ?? false
            var text =
                looping
                ? "and the sea said the same thing again, the same thing again, the same thing"
                : "Turn \(turn) wanders: the keeper wrote about gulls, tides and \(turn * 7 % 13) lanterns.\nA second line."
            if id == 1, turn % 4 == 1 { text += " " + Payload.combined }
            let agent = Agent.speaking(onTurn: turn)
            return TurnRecord(
                conversation: id, seedIndex: id - 1, replicate: 0, turn: turn, agent: agent,
                model: agent == .a ? "gemma-3-270m" : "SmolLM2-135M " + Payload.all[2].raw, text: text,
                promptTokens: 40, tokens: 50, finishReason: .length, seed: seed)
        }
        func curve(_ base: Double, _ wobble: Double) -> [Double?] {
            (1...turns).map { turn in
                if turn == 1 && base > 0.5 { return nil }
                let after = onset.map { turn >= $0 } ?? false
                return after ? 0.05 + wobble * 0.02 * Double(turn % 3) : base - 0.01 * Double(turn) + wobble * sin(Double(turn))
            }
        }
        let similarity = (0..<turns).map { i in
            (0..<turns).map { j -> Double in
                let loopI = onset.map { i + 1 >= $0 } ?? false
                let loopJ = onset.map { j + 1 >= $0 } ?? false
                return i == j ? 1 : (loopI && loopJ ? 0.92 : 0.25 + 0.2 * cos(Double(i - j)))
            }
        }
        return ConversationReport(
            id: id, seed: seed, turns: records,
            series: [
                "bleu_distance_prev": curve(0.95, 0.03), "jaccard_distance_prev": curve(0.8, 0.05),
                "cosine_distance_prev": curve(0.6, 0.04), "compression_ratio_window": curve(0.7, 0.02),
            ],
            thresholds: ["bleu_distance_prev": 0.3, "jaccard_distance_prev": 0.25, "cosine_distance_prev": 0.15],
            detections: [
                Detection(detector: "study", converged: onset != nil, onset: onset.map { $0 + 2 }),
                Detection(detector: "tool", converged: onset != nil, onset: onset),
            ],
            similarity: SimilarityMatrix(label: "cosine similarity", values: similarity),
            interventions: id == 2 ? [Intervention(turn: 10, description: "inject a new topic: " + Payload.all[0].raw)] : []
        )
    }

    static func aggregates(turns: Int) -> [AggregateSeries] {
        ["prev", "self", "seed"].flatMap { pair in
            [("bleu_distance", 0.9), ("jaccard_distance", 0.75), ("cosine_distance", 0.5)].map { metric, base in
                let mean = (1...turns).map { turn -> Double? in
                    pair == "self" && turn <= 2 ? nil : (pair == "prev" && turn == 1 ? nil : base * exp(-Double(turn) / 12))
                }
                return AggregateSeries(
                    metric: metric, pair: pair, mean: mean,
                    low: mean.map { $0.map { max(0, $0 - 0.08) } }, high: mean.map { $0.map { $0 + 0.08 } })
            }
        }
    }

    static func tsnePoints(_ conversation: ConversationReport) -> [TSNEPoint] {
        let angle = Double(conversation.id) * 1.1
        let seed = TSNEPoint(
            x: 40 * cos(angle), y: 40 * sin(angle), conversation: conversation.id, turn: 0, agent: nil, isSeed: true,
            label: conversation.seed)
        let outputs = conversation.turns.map { turn in
            let pull = 1 - exp(-Double(turn.turn) / 6)
            return TSNEPoint(
                x: 40 * cos(angle) * (1 - pull) + 8 * cos(Double(turn.turn)), y: 40 * sin(angle) * (1 - pull) + 5 * sin(Double(turn.turn)),
                conversation: conversation.id, turn: turn.turn, agent: turn.agent, isSeed: false, label: turn.text)
        }
        return [seed] + outputs
    }
}
