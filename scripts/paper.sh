#!/usr/bin/env bash
# The first README command: set up everything, then run the study's protocol (the `paper` preset:
# 50 seeds × 25 turns) on the embedded default models, analyse it and write the report.
# Extra arguments go to `converge run`, for example: scripts/paper.sh --preset quick --out runs/taste
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
echo "[paper] building converge (release)" >&2
swift build -c release --product converge "${SWIFT_LINK_FLAGS[@]}" 2>&1 | grep -E "error|warning: unre|Compiling converge|Build complete" >&2 || true
BIN="$(swift build -c release --show-bin-path)/converge"
[[ -x "$BIN" ]] || { echo "[paper] build failed; run: swift build -c release" >&2; exit 1; }
OUT="runs/paper-$(date +%Y%m%d-%H%M%S)"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do [[ "${args[i]}" == "--out" ]] && OUT="${args[i + 1]}"; done
[[ " ${args[*]-} " == *" --out "* ]] || args+=(--out "$OUT")
"$BIN" run "${args[@]}"
for step in analyze report; do
  if "$BIN" help "$step" >/dev/null 2>&1; then "$BIN" "$step" "$OUT"; fi
done
echo "[paper] results in $OUT" >&2
