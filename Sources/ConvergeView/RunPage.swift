import ConvergeAnalysis
import ConvergeCore
import ConvergeDetection
import ConvergeMetrics
import ConvergeReport
import Foundation

/// A run's page: headline verdicts, one card per conversation (metric chart, turn × turn heatmap,
/// transcript with the loop span marked), and the t-SNE map. The script keeps it live: it asks
/// `/api/turns` for turns written since the page was made and appends them as text nodes.
enum RunPage {
    static func render(_ entry: ViewerEntry, data: RunPageData) -> String {
        let charts = Dictionary(reportCharts(data.input).map { ($0.name, $0.svg) }) { first, _ in first }
        let cards: [Markup] = data.input.conversations.enumerated().map { order, conversation in
            card(conversation, order: order, data: data, charts: charts)
        }
        let tsne: Markup = charts["tsne-map"].map { #"<h2>t-SNE map</h2><figure class="wide">\#(Markup(trusted: $0))</figure>"# } ?? .empty
        let turns = entry.turnsPlanned.map { "\(entry.turnsDone)/\($0)" } ?? String(entry.turnsDone)
        let note: Markup =
            data.analysed
            ? "Charts: distances to the previous turn from <code>metrics.csv</code>; heatmap: cosine similarity; shading from the onset of the <b>\(data.defaultVerdict ?? "")</b> verdict."
            : "Not analysed yet: charts show the word-set (Jaccard) distance to the previous turn and Jaccard similarity, computed from the transcript and redrawn as turns are written; shading from the onset of the <b>\(data.defaultVerdict ?? "")</b> verdict of the text-only loop detector. Run <code>converge analyze</code> for every metric and every verdict."
        let body: Markup = """
            <p class="status" id="live" data-run="\(entry.path)" data-turns="\(entry.turnsDone)">\
            <span class="state \(entry.state.rawValue)" id="state">\(entry.state.rawValue)</span> · turns <b id="turns-done">\(turns)</b> · \
            \(entry.preset) · \(entry.models.joined(separator: " · "))</p>
            \(AtlasPage.link(entry.url, path: entry.path))<h2>Verdicts</h2>\(verdicts(entry))
            <h2>Conversations</h2><p class="sub">\(note)</p>
            <p class="toolbar">Order: <button type="button" data-sort="order">conversation</button>\
            <button type="button" data-sort="onset">onset</button></p>
            <div class="cards" id="cards">\(cards)</div>\(tsne)
            """
        return PageShell.page(title: entry.path, heading: "\(entry.path)", body: body, script: true)
    }

    private static func verdicts(_ entry: ViewerEntry) -> Markup {
        guard let summary = entry.summary else { return "<p class=\"sub\">No <code>summary.json</code> yet.</p>" }
        let rows: [Markup] = summary.verdicts.keys.sorted { $0.rawValue < $1.rawValue }.compactMap { name in
            guard let result = summary.verdicts[name] else { return nil }
            let mark: Markup = name == summary.defaultVerdict ? " <span class=\"tag yes\">default</span>" : .empty
            return
                "<tr><td>\(name.title)\(mark)</td><td class=\"num\">\(result.converged)/\(result.total)</td><td class=\"num\">\(IndexPage.percentRange(result))</td><td>\(result.description)</td></tr>"
        }
        return
            "<table class=\"verdicts\"><thead><tr><th>verdict</th><th>converged</th><th>rate [95% CI]</th><th>rule</th></tr></thead><tbody>\(rows)</tbody></table>"
    }

    /// A card's charts in page order; the live endpoint redraws the same ones.
    static let chartKinds = ["metrics", "similarity"]

    /// `reportCharts`' name for one conversation's chart, also its figure's `data-chart`.
    static func chartName(_ conversation: ConversationReport, kind: String) -> String {
        "conversation-\(conversation.id)-\(kind)"
    }

    private static func card(_ conversation: ConversationReport, order: Int, data: RunPageData, charts: [String: String]) -> Markup {
        let onset = data.onset(conversation)
        let figures: [Markup] = chartKinds.compactMap { kind in
            let name = chartName(conversation, kind: kind)
            return charts[name].map {
                "<figure data-chart=\"\(name)\" data-turns=\"\(conversation.turns.count)\">\(Markup(trusted: $0))</figure>"
            }
        }
        let tags: [Markup] = conversation.detections.filter(\.converged).map { "<span class=\"tag yes\">\($0.detector) from turn \($0.onset ?? 0)</span>" }
        let items: [Markup] = conversation.turns.map { turn in
            let looping = onset.map { turn.turn >= $0 } ?? false
            return """
                <li class="turn \(turn.agent == .a ? "a" : "b")\(looping ? " loop" : "")"><div class="who">Turn \(turn.turn) · \
                \(turn.agent.rawValue) · \(turn.model) · \(turn.tokens) tokens\(looping ? " · in loop" : "")</div>\
                <div class="text">\(turn.text)</div></li>
                """
        }
        return """
            <section class="card" data-order="\(order)" data-onset="\(onset ?? 1_000_000)">\
            <h3>#\(conversation.label) \(tags)</h3><p class="seed">seed: \(conversation.seed)</p>\(figures)\
            <details><summary>transcript</summary><ol class="transcript" data-conversation="\(conversation.label)">\(items)</ol></details></section>
            """
    }
}
