import ConvergeCore

/// One collapsible block per conversation: the detectors' verdicts, its charts and its transcript.
func conversationsSection(_ input: ReportInput) -> Markup {
    let toolbar: Markup =
        #"<p class="toolbar"><button type="button" data-expand="all">Expand all</button><button type="button" data-expand="none">Collapse all</button></p>"#
    let blocks: [Markup] = input.conversations.map { conversationBlock($0, input: input) }
    return "<h2>Conversations</h2>\(toolbar)\(blocks)"
}

private func conversationBlock(_ conversation: ConversationReport, input: ReportInput) -> Markup {
    let tags: [Markup] = conversation.detections.map { detection in
        let verdict = detection.onset.map { "from turn \($0)" } ?? (detection.converged ? "converged" : "no loop")
        return #"<span class="tag \#(detection.converged ? "yes" : "no")">\#(detection.detector): \#(verdict)</span>"#
    }
    let charts: [Markup] = conversationCharts(conversation, input: input).map { Markup(trusted: $0.svg) }
    return """
        <details class="conversation" id="conv-\(conversation.id)"><summary><b>#\(conversation.label)</b> \
        <span class="excerpt">\(excerpt(conversation.seed, limit: 80))</span>\(tags)</summary>\
        <div class="charts">\(charts)</div>\(transcript(conversation))</details>
        """
}

/// Seed first, then every turn; interventions and detector onsets appear as markers just before
/// the turn they concern, and turns at or after an onset are highlighted as converged.
private func transcript(_ conversation: ConversationReport) -> Markup {
    var items: [Markup] = [
        #"<li class="turn seed"><div class="who"><b>Seed</b></div><div class="text">\#(conversation.seed)</div></li>"#
    ]
    for turn in conversation.turns {
        for intervention in conversation.interventions where intervention.turn == turn.turn {
            items.append(#"<li class="marker intervention">Intervention before turn \#(turn.turn): \#(intervention.description)</li>"#)
        }
        for detection in conversation.detections where detection.onset == turn.turn {
            items.append(#"<li class="marker onset">\#(detection.detector) detector: converged from turn \#(turn.turn)</li>"#)
        }
        let converged = conversation.detections.filter { onset in onset.onset.map { turn.turn >= $0 } ?? false }
        let side = turn.agent == .a ? "a" : "b"
        let state = converged.isEmpty ? "" : " converged"
        let tags: [Markup] = converged.map { #"<span class="tag yes">\#($0.detector): converged</span>"# }
        let meta = "\(turn.model) · \(turn.tokens) tokens · \(turn.finishReason.rawValue)"
        items.append(
            """
            <li class="turn \(side)\(state)" id="conv-\(conversation.id)-turn-\(turn.turn)">\
            <div class="who"><b>Turn \(turn.turn) · \(turn.agent.rawValue)</b> · \(meta)\(tags)</div>\
            <div class="text">\(turn.text)</div></li>
            """)
    }
    // Interventions after the last turn would otherwise vanish.
    let lastTurn = conversation.turns.last?.turn ?? 0
    for intervention in conversation.interventions where intervention.turn > lastTurn {
        items.append(#"<li class="marker intervention">Intervention at turn \#(intervention.turn): \#(intervention.description)</li>"#)
    }
    return #"<ol class="transcript">\#(items)</ol>"#
}
