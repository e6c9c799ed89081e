#!/usr/bin/env bash
# Generation throughput of `converge run` at several --parallel values, next to llama.cpp's own
# ceiling (llama-batched-bench, same build, same models, same batch sizes) measured in the same run.
#
#   scripts/bench_generation.sh [--seeds N] [--turns T] [--max-tokens M] [--parallel "1 4 8 16 50"] [--threads K]
#
# Defaults are the paper preset (50 seeds × 25 turns × 50 tokens). Prints a Markdown table.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
SEEDS=50 TURNS=25 MAX_TOKENS=50 PARALLEL="1 4 8 16 50" THREADS=1
while (($#)); do
  case "$1" in
    --seeds) SEEDS=$2; shift 2 ;;
    --turns) TURNS=$2; shift 2 ;;
    --max-tokens) MAX_TOKENS=$2; shift 2 ;;
    --parallel) PARALLEL=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done
swift build -c release --product converge "${SWIFT_LINK_FLAGS[@]}" >&2
BIN="$(swift build -c release --show-bin-path)/converge"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# measure DIR ARGS...: runs a command, prints "wall_seconds peak_rss_mib".
measure() {
  python3 - "$@" <<'PY'
import resource, subprocess, sys, time
start = time.monotonic()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wall = time.monotonic() - start
print(f"{wall:.1f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f}")
PY
}

echo "## Generation: converge run vs llama-batched-bench"
echo
echo "$(date -u +%Y-%m-%d) · $(nproc) cores · $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) · threads $THREADS · $SEEDS seeds × $TURNS turns × $MAX_TOKENS tokens"
echo
# Two ceilings from llama-batched-bench with 50-token prompts: its text-generation speed alone
# (speed_tg), and its generated tokens over prompt plus generation time, which is the work a turn
# does (each turn ingests the other agent's output as its prompt).
echo "| parallel | wall s | turns/s | tok/s (aggregate) | peak RSS MiB | llama.cpp TG tok/s Gemma / SmolLM2 | TG ceiling | converge / TG | prompt+TG ceiling | converge / prompt+TG |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
models=("$CONVERGE_CACHE/models/gemma-3-270m-q4_k_m-a5fd3b62.gguf" "$CONVERGE_CACHE/models/SmolLM2-135M-Instruct.Q4_1-b179c952.gguf")
for p in $PARALLEL; do
  out="$WORK/p$p"
  read -r wall rss < <(measure "$BIN" run --preset paper --seed-count "$SEEDS" --turns "$TURNS" --max-tokens "$MAX_TOKENS" \
    --parallel "$p" --threads "$THREADS" --rng-seed 1 --out "$out")
  read -r turns tokens tokens_a < <(python3 -c "
import json,sys
rows=[json.loads(l) for l in open('$out/transcript.jsonl')]
print(len(rows), sum(r['tokens'] for r in rows), sum(r['tokens'] for r in rows if r['agent'] == 'A'))")
  tg=() all=()
  for model in "${models[@]}"; do
    read -r speed_tg speed_all < <(llama-batched-bench -m "$model" -c $((p * (MAX_TOKENS + 110) + 256)) -b 2048 -ub 512 -npp 50 \
      -ntg "$MAX_TOKENS" -npl "$p" -t "$THREADS" --output-format jsonl 2>/dev/null \
      | python3 -c "import json,sys; r=[json.loads(l) for l in sys.stdin if l.startswith('{')][-1]; print(round(r['speed_tg'],1), round(r['pl']*r['tg']/r['t'],1))")
    tg+=("$speed_tg") all+=("$speed_all")
  done
  # A ceiling for a run is the time llama.cpp alone would need for the same tokens of each model.
  python3 -c "
share_a = $tokens_a / $tokens
def ceiling(a, b): return 1 / (share_a / a + (1 - share_a) / b)
tg, both = ceiling(${tg[0]}, ${tg[1]}), ceiling(${all[0]}, ${all[1]})
rate = $tokens / $wall
print(f'| $p | $wall | {$turns/$wall:.2f} | {rate:.1f} | $rss | ${tg[0]} / ${tg[1]} | {tg:.1f} | {rate / tg:.0%} | {both:.1f} | {rate / both:.0%} |')"
done
first=$(set -- $PARALLEL; echo "$1")
for p in $PARALLEL; do
  [[ $p == "$first" ]] && continue
  python3 - "$WORK/p$first/transcript.jsonl" "$WORK/p$p/transcript.jsonl" "$first" "$p" <<'PY'
import json, sys
def texts(path):
    rows = {}
    for line in open(path):
        r = json.loads(line)
        rows.setdefault(r["conversation"], {})[r["turn"]] = r["text"]
    return rows
a, b = texts(sys.argv[1]), texts(sys.argv[2])
same = sum(a[c] == b.get(c) for c in a)
print(f"\nTranscripts identical between --parallel {sys.argv[3]} and --parallel {sys.argv[4]}: {same}/{len(a)}")
PY
done
