#!/usr/bin/env bash
# What batch invariance costs, end to end: this checkout (batch-invariant arithmetic, docs/INVARIANCE.md)
# against the last commit before it (b25223e: llamafile's kernels, one unified KV cache, flash
# attention, repacked weights), on the same seeds and settings, at each --parallel width, the two
# runs alternating so drift in the machine's speed hits both alike. Also counts, per build, how many
# transcripts are identical to its own run at the narrowest width.
#
#   scripts/bench_invariance.sh [--seeds 50] [--turns 2] [--max-tokens 50] [--widths "1 8 50"] [--threads 2] [--repeats 1]
#
# The first run builds llama.cpp with llamafile's kernels beside the default build (about 20 minutes
# on 2 cores, once) and the older converge against it, in $CONVERGE_CACHE.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
BEFORE=b25223e
SEEDS=50 TURNS=2 MAX_TOKENS=50 WIDTHS="1 8 50" THREADS=2 REPEATS=1
while (($#)); do
  case "$1" in
    --seeds) SEEDS="$2"; shift 2 ;;
    --turns) TURNS="$2"; shift 2 ;;
    --max-tokens) MAX_TOKENS="$2"; shift 2 ;;
    --widths) WIDTHS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --repeats) REPEATS="$2"; shift 2 ;;
    *) echo "bench_invariance: unknown option $1" >&2; exit 2 ;;
  esac
done

# Its own build folder, so a debug build or test run in .build does not hold this one up.
swift build -c release --scratch-path "$REPO/.build-release" "${SWIFT_LINK_FLAGS[@]}" >&2
AFTER_BIN="$REPO/.build-release/release/converge"

SGEMM_PREFIX="$(CONVERGE_LLAMA_SGEMM=ON "$REPO/scripts/setup.sh" | sed -n "s/^export CONVERGE_LLAMA_PREFIX='\(.*\)'$/\1/p")"
OLD="$CONVERGE_CACHE/bench-converge-$BEFORE"
if [[ ! -x "$OLD/.build/release/converge" ]]; then
  echo "[bench] building converge $BEFORE against $SGEMM_PREFIX" >&2
  rm -rf "$OLD" && mkdir -p "$OLD"
  git -C "$REPO" archive "$BEFORE" | tar -x -C "$OLD"
  (cd "$OLD" && PKG_CONFIG_PATH="$SGEMM_PREFIX/lib/pkgconfig" \
    swift build -c release -Xlinker -rpath -Xlinker "$SGEMM_PREFIX/lib" >&2)
fi
BEFORE_BIN="$OLD/.build/release/converge"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# run NAME BIN WIDTH: prints "wall tokens".
run() {
  local out="$WORK/$1-p$3-$4"
  local start end
  start=$(date +%s.%N)
  "$2" run --seed-count "$SEEDS" --turns "$TURNS" --max-tokens "$MAX_TOKENS" --parallel "$3" \
    --threads "$THREADS" --rng-seed 1 --out "$out" >/dev/null 2>"$out.log" || { cat "$out.log" >&2; exit 1; }
  end=$(date +%s.%N)
  local tokens; tokens=$(python3 -c "import json,sys; print(sum(json.loads(l)['tokens'] for l in open(sys.argv[1])))" "$out/transcript.jsonl")
  echo "$(python3 -c "print(f'{$end-$start:.1f}')") $tokens"
}

# same NAME WIDTH: how many conversations have the same texts as at the narrowest width.
same() {
  python3 - "$WORK/$1-p$2-1/transcript.jsonl" "$WORK/$1-p${WIDTHS%% *}-1/transcript.jsonl" <<'PY'
import json, sys
def texts(path):
    out = {}
    for line in open(path):
        row = json.loads(line)
        out.setdefault(row["conversation"], {})[row["turn"]] = row["text"]
    return out
a, b = texts(sys.argv[1]), texts(sys.argv[2])
print(f"{sum(a[c] == b.get(c) for c in a)}/{len(a)}")
PY
}

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; $(date -u +%F)"
echo "settings: $SEEDS seeds x $TURNS turns x $MAX_TOKENS tokens, paper sampler, --threads $THREADS"
printf '| --parallel | build | wall s | tok/s | after/before tok/s | same texts as --parallel %s |\n|---:|---|---:|---:|---:|---:|\n' "${WIDTHS%% *}"
for width in $WIDTHS; do
  for ((r = 1; r <= REPEATS; r++)); do
    read -r before_wall before_tokens < <(run before "$BEFORE_BIN" "$width" "$r")
    read -r after_wall after_tokens < <(run after "$AFTER_BIN" "$width" "$r")
    before_rate=$(python3 -c "print(f'{$before_tokens/$before_wall:.1f}')")
    after_rate=$(python3 -c "print(f'{$after_tokens/$after_wall:.1f}')")
    ratio=$(python3 -c "print(f'{$after_rate/$before_rate:.2f}')")
    printf '| %s | before (%s) | %s | %s | | %s |\n' "$width" "$BEFORE" "$before_wall" "$before_rate" "$(same before "$width")"
    printf '| %s | after (invariant) | %s | %s | %s | %s |\n' "$width" "$after_wall" "$after_rate" "$ratio" "$(same after "$width")"
  done
done
