#!/usr/bin/env bash
# Decode speed of converge's batched generation next to llama.cpp's own ceiling
# (llama-batched-bench, same build, same models, same batch sizes), measured in the same run.
#
#   scripts/bench_decode.sh [--parallel "1 4 8 16 50"] [--tokens 50] [--threads 1]
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
PARALLEL="1 4 8 16 50" TOKENS=50 THREADS=1
while (($#)); do
  case "$1" in
    --parallel) PARALLEL=$2; shift 2 ;;
    --tokens) TOKENS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done
swift build -c release --product converge "${SWIFT_LINK_FLAGS[@]}" >&2
BIN="$(swift build -c release --show-bin-path)/converge"
models=("$CONVERGE_CACHE/models/gemma-3-270m-q4_k_m-a5fd3b62.gguf" "$CONVERGE_CACHE/models/SmolLM2-135M-Instruct.Q4_1-b179c952.gguf")

echo "$(date -u +%Y-%m-%d) · $(nproc) cores · $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) · threads $THREADS · $TOKENS tokens per sequence · load $(cut -d' ' -f1 /proc/loadavg)"
echo
# Per batch size and model: converge's decode-phase tok/s, llama.cpp's text-generation speed
# (speed_tg, prompts excluded), converge's overall tok/s and llama.cpp's generated tokens over its
# whole time (prompts included), and the tokens per sequence converge generated.
rows=()
for p in $PARALLEL; do
  # converge bench prints one row per model and batch size:
  # | model | load s | parallel | tokens/seq | prompt s | decode s | decode tok/s | overall tok/s |
  mapfile -t ours < <("$BIN" bench --parallel "$p" --tokens "$TOKENS" --threads "$THREADS" --embeddings 1 \
    | awk -F'|' '/gemma|SmolLM2/ { gsub(/ /, ""); print $5, $8, $9 }')
  for i in 0 1; do
    theirs=$(llama-batched-bench -m "${models[$i]}" -c $((p * (TOKENS + 64) + 256)) -b 2048 -ub 512 -npp 16 -ntg "$TOKENS" -npl "$p" \
      -t "$THREADS" --output-format jsonl 2>/dev/null \
      | python3 -c "import json,sys; r=[json.loads(l) for l in sys.stdin if l.startswith('{')][-1]; print(r['speed_tg'], r['pl']*r['tg']/r['t'])")
    rows+=("$p ${ours[$i]} $theirs")
  done
done
printf '%s\n' "${rows[@]}" | python3 -c '
import sys
rows = [line.split() for line in sys.stdin]
def table(title, ours, theirs):
    print(title)
    print()
    print("| parallel | converge Gemma | llama.cpp Gemma | ratio | converge SmolLM2 | llama.cpp SmolLM2 | ratio | SmolLM2 tokens/seq |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for gemma, smol in zip(rows[0::2], rows[1::2]):
        cells = [gemma[0]]
        for r in (gemma, smol):
            a, b = float(r[ours]), float(r[theirs])
            cells += [f"{a:.1f}", f"{b:.1f}", f"{a / b:.0%}"]
        print("| " + " | ".join(cells + [smol[1]]) + " |")
    print()
table("Decode phase (prompts excluded): converge decode tok/s vs llama-batched-bench speed_tg", 2, 4)
table("Overall (prompts included): generated tokens over the whole call", 3, 5)
'
