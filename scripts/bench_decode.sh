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
echo "| parallel | converge Gemma | llama.cpp Gemma | ratio | converge SmolLM2 | llama.cpp SmolLM2 | ratio |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for p in $PARALLEL; do
  # converge bench prints one table row per model: | name | load | tok/s |
  mapfile -t ours < <("$BIN" bench --parallel "$p" --tokens "$TOKENS" --threads "$THREADS" --embeddings 1 \
    | awk -F'|' '/gemma|SmolLM2/ { gsub(/ /, "", $4); print $4 }')
  theirs=()
  for model in "${models[@]}"; do
    theirs+=("$(llama-batched-bench -m "$model" -c $((p * (TOKENS + 64) + 256)) -b 2048 -ub 512 -npp 16 -ntg "$TOKENS" -npl "$p" \
      -t "$THREADS" --output-format jsonl 2>/dev/null | python3 -c "import json,sys; print(round([json.loads(l) for l in sys.stdin if l.startswith('{')][-1]['speed_tg'],1))")")
  done
  python3 -c "print(f'| $p | ${ours[0]} | ${theirs[0]} | {${ours[0]}/${theirs[0]}:.0%} | ${ours[1]} | ${theirs[1]} | {${ours[1]}/${theirs[1]}:.0%} |')"
done
