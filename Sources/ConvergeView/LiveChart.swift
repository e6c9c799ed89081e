import ConvergeReport
import Foundation

/// A conversation's charts drawn again for the live endpoint, so a run page's charts grow with its
/// transcript. They come from the same renderer and data as the page itself (`RunPageData`,
/// `reportCharts`), so a redrawn chart is the one a reload would show.
struct LiveChart: Encodable {
    /// The conversation's label, as `data-conversation` on the page.
    var conversation: String
    /// The chart's name, as `data-chart` on its figure: `conversation-ID-metrics` or `-similarity`.
    var name: String
    /// The conversation's turns the chart covers.
    var turns: Int
    /// Escaped SVG; the page parses it as XML, never as HTML.
    var svg: String

    /// The charts of the conversations named, as they stand on disk now.
    static func charts(of labels: Set<String>, in entry: ViewerEntry) -> [LiveChart] {
        guard !labels.isEmpty, let data = try? RunPageData.load(entry.url, only: labels) else { return [] }
        let drawn = Dictionary(reportCharts(data.input).map { ($0.name, $0.svg) }) { first, _ in first }
        return data.input.conversations.flatMap { conversation in
            RunPage.chartKinds.compactMap { kind -> LiveChart? in
                let name = RunPage.chartName(conversation, kind: kind)
                return drawn[name].map {
                    LiveChart(conversation: conversation.label, name: name, turns: conversation.turns.count, svg: $0)
                }
            }
        }
    }
}
