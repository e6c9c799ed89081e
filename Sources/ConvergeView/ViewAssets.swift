/// The viewer's stylesheet and its one script, served from `/static/` so the pages need no inline
/// script. The script inserts model text only through `textContent`, never as markup; redrawn
/// charts arrive as escaped SVG that it parses as XML (`image/svg+xml`), which runs nothing, and
/// anything but an `<svg>` root (a parse error, say) is dropped.
enum ViewAssets {
    static let css = """
        body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #fafafa; }
        header { background: #fff; border-bottom: 1px solid #ddd; padding: 10px 24px; }
        header h1 { margin: 4px 0; font-size: 20px; }
        main { padding: 12px 24px 40px; }
        .crumbs { margin: 0; font-size: 12px; } a { color: #0b57d0; }
        table { border-collapse: collapse; background: #fff; margin: 8px 0 16px; }
        th, td { border: 1px solid #e0e0e0; padding: 5px 9px; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; font-weight: 600; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .sub { color: #666; } code { background: #eee; padding: 0 3px; border-radius: 3px; }
        .state { padding: 1px 7px; border-radius: 9px; font-size: 12px; font-weight: 600; }
        .state.running { background: #d7f0dd; color: #146c2e; } .state.finished { background: #e3e8f4; color: #23408e; }
        .state.interrupted { background: #fde2d8; color: #8a2c0d; }
        .tag { font-size: 11px; padding: 1px 6px; border-radius: 8px; margin-left: 6px; font-weight: 500; }
        .tag.yes { background: #fde2d8; color: #8a2c0d; }
        .toolbar button { margin-left: 6px; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); gap: 14px; }
        .card { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 8px 12px; min-width: 0; }
        .card h3 { margin: 4px 0; font-size: 15px; } .seed { color: #555; margin: 2px 0 6px; overflow-wrap: anywhere; }
        figure { margin: 4px 0; } figure svg { max-width: 100%; height: auto; }
        figure.wide svg { max-width: 900px; }
        ol.transcript { list-style: none; padding: 0; margin: 6px 0; }
        .turn { border-left: 4px solid #999; margin: 4px 0; padding: 3px 8px; background: #f7f7f7; }
        .turn.a { border-color: #1f77b4; } .turn.b { border-color: #ff7f0e; margin-left: 24px; }
        .turn.loop { background: #fff1ec; } .turn.fresh { outline: 2px solid #2ca02c; }
        .who { font-size: 11px; color: #555; } .text { white-space: pre-wrap; overflow-wrap: anywhere; }
        """

    static let script = """
        (function () {
          "use strict";
          var cards = document.getElementById("cards");
          function number(el, key) { return Number(el.getAttribute("data-" + key)); }
          function sortBy(key) {
            if (!cards) { return; }
            var list = Array.prototype.slice.call(cards.children);
            list.sort(function (a, b) { return (number(a, key) - number(b, key)) || (number(a, "order") - number(b, "order")); });
            list.forEach(function (card) { cards.appendChild(card); });
          }
          Array.prototype.slice.call(document.querySelectorAll("[data-sort]")).forEach(function (button) {
            button.addEventListener("click", function () { sortBy(button.getAttribute("data-sort")); });
          });
          var live = document.getElementById("live");
          if (!live || !cards) { return; }
          var done = Number(live.getAttribute("data-turns"));
          var run = live.getAttribute("data-run");
          function element(tag, className, text) {
            var el = document.createElement(tag);
            if (className) { el.className = className; }
            if (text !== undefined) { el.textContent = text; }
            return el;
          }
          function transcriptFor(id) {
            var lists = document.querySelectorAll("ol.transcript");
            for (var i = 0; i < lists.length; i++) { if (lists[i].getAttribute("data-conversation") === id) { return lists[i]; } }
            var card = element("section", "card");
            card.setAttribute("data-order", String(cards.children.length));
            card.setAttribute("data-onset", "1000000");
            card.appendChild(element("h3", "", "#" + id));
            var details = element("details");
            details.open = true;
            details.appendChild(element("summary", "", "transcript"));
            var list = element("ol", "transcript");
            list.setAttribute("data-conversation", id);
            details.appendChild(list);
            card.appendChild(details);
            cards.appendChild(card);
            return list;
          }
          var svgNamespace = "http://www.w3.org/2000/svg";
          function redraw(chart) {
            var list = transcriptFor(chart.conversation);
            var card = list.parentNode.parentNode;
            var figure = Array.prototype.filter.call(card.querySelectorAll("figure[data-chart]"), function (el) {
              return el.getAttribute("data-chart") === chart.name;
            })[0];
            if (!figure) {
              figure = element("figure");
              figure.setAttribute("data-chart", chart.name);
              card.insertBefore(figure, list.parentNode);
            }
            var svg = new DOMParser().parseFromString(chart.svg, "image/svg+xml").documentElement;
            if (svg.namespaceURI !== svgNamespace || svg.localName !== "svg") { return; }
            figure.replaceChildren(document.importNode(svg, true));
            figure.setAttribute("data-turns", String(chart.turns));
            figure.setAttribute("data-redraws", String(Number(figure.getAttribute("data-redraws") || 0) + 1));
          }
          function append(turn) {
            var item = element("li", "turn fresh " + (turn.agent === "A" ? "a" : "b"));
            item.appendChild(element("div", "who", "Turn " + turn.turn + " · " + turn.agent + " · " + turn.model + " · " + turn.tokens + " tokens"));
            item.appendChild(element("div", "text", turn.text));
            var list = transcriptFor(turn.conversation);
            list.appendChild(item);
            list.parentNode.open = true;
          }
          function poll() {
            var delay = 1000;
            fetch("/api/turns?run=" + encodeURIComponent(run) + "&after=" + done + "&wait=10", { cache: "no-store" })
              .then(function (response) { return response.json(); })
              .then(function (data) {
                data.turns.forEach(append);
                data.charts.forEach(redraw);
                done += data.turns.length;
                document.getElementById("turns-done").textContent = data.turns_planned === null || data.turns_planned === undefined
                  ? String(done) : done + "/" + data.turns_planned;
                var state = document.getElementById("state");
                state.textContent = data.state;
                state.className = "state " + data.state;
                live.setAttribute("data-turns", String(done));
                // The server holds the request until a turn is written, so a running run is asked again at once.
                if (data.state === "running") { delay = 0; }
              })
              .catch(function () {})
              .then(function () { setTimeout(poll, delay); });
          }
          poll();
        })();
        """
}
