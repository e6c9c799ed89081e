#!/usr/bin/env bash
# Opens a rendered report.html in headless Chromium and fails when the page misbehaves:
#   - any console message (our page logs nothing, so one means an exception or a CSP violation),
#   - the page script did not run (<html data-ready="true"> missing from the live DOM),
#   - an <img> element exists (the report has none; one would be injected model text).
# Leaves report.png (1280×2000 screenshot), dom.html (the DOM after scripts) and console.log in OUTDIR.
#
# Usage: scripts/check_report_browser.sh REPORT.html OUTDIR
# Needs Chromium: apt-get install -y chromium   (exit 2 when it is missing)
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 REPORT.html OUTDIR" >&2
    exit 64
fi
report=$(realpath "$1")
out=$2
mkdir -p "$out"
out=$(realpath "$out")

browser=""
for candidate in chromium chromium-browser google-chrome-stable google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then
        browser=$(command -v "$candidate")
        break
    fi
done
if [ -z "$browser" ]; then
    echo "chromium not found on PATH: install it with 'apt-get install -y chromium' (Debian) to run the browser check" >&2
    exit 2
fi

# A throwaway profile keeps runs independent of each other and of any user profile.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --no-default-browser-check
    --hide-scrollbars --user-data-dir="$profile" --enable-logging=stderr --v=0)
url="file://$report"

rm -f "$out/report.png" "$out/dom.html" "$out/console.log"
if ! timeout 120 "$browser" "${flags[@]}" --window-size=1280,2000 --screenshot="$out/report.png" "$url" \
    >/dev/null 2>"$out/console.log"; then
    echo "chromium failed to take the screenshot; last log lines:" >&2
    tail -n 20 "$out/console.log" >&2
    exit 1
fi
if ! timeout 120 "$browser" "${flags[@]}" --dump-dom "$url" >"$out/dom.html" 2>>"$out/console.log"; then
    echo "chromium failed to dump the DOM; last log lines:" >&2
    tail -n 20 "$out/console.log" >&2
    exit 1
fi

failed=0
if grep -E "CONSOLE|Uncaught|Refused to" "$out/console.log" >&2; then
    echo "FAIL: the page wrote to the console (see above)" >&2
    failed=1
fi
if ! grep -q 'data-ready="true"' "$out/dom.html"; then
    echo "FAIL: the page script did not run (blocked by CSP, or an exception)" >&2
    failed=1
fi
if grep -q '<img' "$out/dom.html"; then
    echo "FAIL: an <img> element is in the DOM: model text was interpreted as markup" >&2
    failed=1
fi
if [ ! -s "$out/report.png" ]; then
    echo "FAIL: no screenshot was written" >&2
    failed=1
fi
[ $failed -eq 0 ] && echo "ok: $report renders without console errors; screenshot at $out/report.png"
exit $failed
