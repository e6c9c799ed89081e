/// The page stylesheet. Agent A is blue and sits left, B is vermillion and indented right, so the two
/// differ by position and label as well as colour; converged turns get a warm background and a tag.
enum ReportStyle {
    static let css = """
        :root{--ink:#1f2328;--muted:#59636e;--line:#d8dee4;--soft:#f6f8fa;--a:\(Palette.agentA);--b:\(Palette.agentB);\
        --conv:#fff3cd;--conv-edge:#b58105}
        *{box-sizing:border-box}
        body{margin:0;color:var(--ink);background:#fff;font:15px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,\
        "Liberation Sans","DejaVu Sans",sans-serif}
        header,main{max-width:1160px;margin:0 auto;padding:0 24px}
        header{padding-top:20px;border-bottom:1px solid var(--line)}
        h1{font-size:24px;margin:0 0 4px}
        h2{font-size:19px;margin:28px 0 10px}
        h3{font-size:16px;margin:18px 0 8px}
        .sub{color:var(--muted);margin:0 0 12px}
        nav{display:flex;gap:4px;margin-top:8px}
        nav button{font:inherit;border:1px solid var(--line);border-bottom:none;background:var(--soft);\
        padding:6px 16px;border-radius:6px 6px 0 0;cursor:pointer;color:var(--ink)}
        nav button[aria-selected=true]{background:#fff;font-weight:600;position:relative;top:1px}
        html:not(.js) nav{display:none}
        .cards{display:flex;flex-wrap:wrap;gap:16px}
        .card{flex:1 1 280px;border:1px solid var(--line);border-radius:8px;padding:14px 16px}
        .card .big{font-size:32px;font-weight:600;line-height:1.1}
        .card .name{font-weight:600;text-transform:uppercase;letter-spacing:.04em;font-size:13px;color:var(--muted)}
        table{border-collapse:collapse;width:100%;font-size:14px}
        th,td{text-align:left;vertical-align:top;padding:4px 10px 4px 0;border-bottom:1px solid var(--line)}
        th{width:30%;font-weight:600}
        td{overflow-wrap:anywhere}
        code,pre{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:13px}
        pre{background:var(--soft);padding:10px;border-radius:6px;overflow:auto;white-space:pre-wrap;overflow-wrap:anywhere}
        figure{margin:0}
        svg.cv-chart{display:block;width:100%;height:auto}
        .plots{display:grid;grid-template-columns:repeat(auto-fill,minmax(480px,1fr));gap:20px;align-items:start}
        #plot-tsne-map{grid-column:1/-1;max-width:760px}
        .charts{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:16px;align-items:start;margin:8px 0}
        @media (max-width:900px){.charts{grid-template-columns:minmax(0,1fr)}}
        details.conversation{border:1px solid var(--line);border-radius:8px;margin:8px 0;padding:0 12px}
        details.conversation>summary{cursor:pointer;padding:8px 0;list-style-position:outside}
        .tag{display:inline-block;font-size:12px;border-radius:10px;padding:0 8px;margin-left:6px;border:1px solid var(--line)}
        .tag.yes{background:var(--conv);border-color:var(--conv-edge)}
        .excerpt{color:var(--muted)}
        ol.transcript{list-style:none;padding:0;margin:12px 0}
        .turn{margin:8px 0;padding:8px 12px;border-left:4px solid var(--line);border-radius:4px;background:#fff}
        .turn.a{border-left-color:var(--a);margin-right:12%}
        .turn.b{border-left-color:var(--b);margin-left:12%}
        .turn.seed{border-left-color:var(--ink);background:var(--soft)}
        .turn.converged{background:var(--conv)}
        .who{font-size:12px;color:var(--muted)}
        .who b{color:var(--ink)}
        .turn.a .who b{color:var(--a)}
        .turn.b .who b{color:var(--b)}
        .text{white-space:pre-wrap;overflow-wrap:anywhere;margin-top:2px}
        .marker{font-size:13px;margin:10px 0;padding:4px 10px;border:1px dashed var(--conv-edge);border-radius:4px}
        .marker.intervention{border-color:var(--ink);background:var(--soft)}
        .toolbar button{font:inherit;font-size:13px;margin-right:6px}
        @media print{nav,.toolbar{display:none}.panel{display:block!important}details.conversation{break-inside:avoid}}
        """
}
