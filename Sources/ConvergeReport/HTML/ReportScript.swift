import Crypto
import Foundation

/// The page's only script: tabs, and expand/collapse for the transcripts. It never inserts markup
/// (no `innerHTML`), so it cannot turn escaped model text back into elements. Without JavaScript every
/// panel simply shows, one after another.
enum ReportScript {
    static let source = """
        (function () {
          "use strict";
          var root = document.documentElement;
          root.classList.add("js");
          var tabs = Array.prototype.slice.call(document.querySelectorAll("[data-tab]"));
          var panels = Array.prototype.slice.call(document.querySelectorAll(".panel"));
          function show(name) {
            if (!panels.some(function (p) { return p.id === name; })) { name = panels.length ? panels[0].id : ""; }
            tabs.forEach(function (t) { t.setAttribute("aria-selected", String(t.getAttribute("data-tab") === name)); });
            panels.forEach(function (p) { p.hidden = p.id !== name; });
          }
          function follow() {
            var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
            var panel = target ? target.closest(".panel") : null;
            show(panel ? panel.id : "overview");
            var details = target ? target.closest("details") : null;
            if (details) { details.open = true; }
            if (target) { target.scrollIntoView(); }
          }
          tabs.forEach(function (t) { t.addEventListener("click", function () { show(t.getAttribute("data-tab")); }); });
          Array.prototype.slice.call(document.querySelectorAll("[data-expand]")).forEach(function (button) {
            button.addEventListener("click", function () {
              var open = button.getAttribute("data-expand") === "all";
              Array.prototype.slice.call(document.querySelectorAll("details.conversation")).forEach(function (d) { d.open = open; });
            });
          });
          window.addEventListener("hashchange", follow);
          follow();
          root.setAttribute("data-ready", "true");
        })();
        """

    /// The CSP source expression that allows exactly this script: injected scripts and inline
    /// event handlers (`onerror=`) stay blocked even if escaping ever failed.
    static let cspHash = "'sha256-" + Data(SHA256.hash(data: Data(source.utf8))).base64EncodedString() + "'"
}
