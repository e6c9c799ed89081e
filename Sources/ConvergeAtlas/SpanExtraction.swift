import ConvergeAnalysis
import ConvergeCore
import ConvergeDetection
import ConvergeMetrics

/// Finds the looping spans of a conversation under each verdict (docs/ATLAS.md, "Spans").
enum SpanExtraction {
    /// Turns of each verdict's loop. The loop detector's verdicts give their episode's looping turns
    /// (`ever_looped`: the first episode; `looping_at_end` and `dominant_loop`: from the onset to the
    /// end of the last episode that counts); the study-form rules give only an onset, so their span
    /// runs from the onset to the last turn.
    static func ranges(_ series: [TurnMetrics], detectors: ConvergenceDetectors) -> [VerdictName: ClosedRange<Int>] {
        var tracker = detectors.loop.makeTracker()
        for row in series { tracker.append(row) }
        let lastTurn = series.last?.turn ?? 0
        let episodes = tracker.history.loops(minimumTurns: detectors.loop.minimumLoopTurns)
        var ranges: [VerdictName: ClosedRange<Int>] = [:]
        if let first = episodes.first { ranges[.everLooped] = first.start...first.end }
        for name in [VerdictName.loopingAtEnd, .dominantLoop] {
            guard let onset = tracker.verdict(name)?.onset, let last = episodes.last(where: { $0.start >= onset }) else { continue }
            ranges[name] = onset...max(onset, last.end)
        }
        for (name, rule) in [(VerdictName.studyRule, detectors.study), (.fittedRule, detectors.fitted)] {
            if let onset = rule.detect(series).onset, onset <= lastTurn { ranges[name] = onset...lastTurn }
        }
        return ranges
    }

    /// Every distinct span of one conversation, each with the verdicts that share it.
    static func candidates(
        _ metrics: ConversationMetrics, run: String, detectors: ConvergenceDetectors
    ) -> [SpanCandidate] {
        let conversation = metrics.conversation
        let byRange = Dictionary(grouping: ranges(metrics.series, detectors: detectors), by: \.value)
        let pair = Self.modelPair(conversation)
        return byRange.keys.sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }.map { range in
            let texts = range.map { conversation.turns[$0 - 1].text }
            let verdicts = byRange[range]!.map(\.key).sorted { VerdictName.allCases.firstIndex(of: $0)! < VerdictName.allCases.firstIndex(of: $1)! }
            let span = LoopSpan(
                run: run, modelPair: pair, conversation: conversation.identifier, start: range.lowerBound,
                end: range.upperBound, verdicts: verdicts, form: LoopForm.classify(texts), cluster: 0,
                excerpt: String(texts[0].prefix(300)))
            return SpanCandidate(span: span, texts: texts, embedding: meanEmbedding(metrics.embeddings, range))
        }
    }

    static func modelPair(_ conversation: ConversationTranscript) -> String {
        let a = conversation.turns.first { $0.agent == .a }?.model ?? "?"
        let b = conversation.turns.first { $0.agent == .b }?.model ?? "?"
        return "\(a) + \(b)"
    }

    /// The normalised mean of turns `range`'s embeddings (`embeddings[t]` is turn t's).
    static func meanEmbedding(_ embeddings: [[Float]], _ range: ClosedRange<Int>) -> [Float] {
        let rows = range.filter { embeddings.indices.contains($0) }.map { embeddings[$0] }
        guard let width = rows.first?.count else { return [] }
        var sum = [Float](repeating: 0, count: width)
        for row in rows { for index in 0..<width { sum[index] += row[index] } }
        let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? sum.map { $0 / norm } : sum
    }
}
