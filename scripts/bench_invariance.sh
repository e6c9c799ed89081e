#!/usr/bin/env bash
# What batch invariance costs, end to end: this checkout (batch-invariant arithmetic with llamafile's
# kernels patched to serve every batch size, docs/INVARIANCE.md) against the last commit before
# invariance (b25223e: llamafile's kernels from two tokens on, one unified KV cache, flash
# attention, repacked weights) and against this checkout on the first invariant recipe (llamafile
# left out, CONVERGE_LLAMA_SGEMM=OFF, loaded through LD_LIBRARY_PATH), on the same seeds and
# settings, at each --parallel width, the runs alternating so drift in the machine's speed hits all
# alike. This checkout runs --schedule lockstep, the only schedule b25223e has, so the rows differ
# in arithmetic alone. Also counts, per build, how many transcripts are identical to its own run at
# the narrowest width.
#
#   scripts/bench_invariance.sh [--seeds 50] [--turns 2] [--max-tokens 50] [--widths "1 8 50"] [--threads 2] [--repeats 1]
#
# The first run builds llama.cpp upstream and without llamafile beside the default build (about 20
# minutes each on 2 cores, once) and the older converge against the upstream one, in $CONVERGE_CACHE.
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
ROWDOT_LIB="$(CONVERGE_LLAMA_SGEMM=OFF "$REPO/scripts/setup.sh" | sed -n "s/^export CONVERGE_LLAMA_PREFIX='\(.*\)'$/\1/p")/lib"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# run NAME WIDTH REPEAT: prints "wall tokens".
run() {
  local out="$WORK/$1-p$2-$3"
  local command
  case "$1" in
    before) command=("$BEFORE_BIN" run) ;;
    rowdot) command=(env LD_LIBRARY_PATH="$ROWDOT_LIB" "$AFTER_BIN" run --schedule lockstep) ;;
    after) command=("$AFTER_BIN" run --schedule lockstep) ;;
  esac
  local start end
  start=$(date +%s.%N)
  "${command[@]}" --seed-count "$SEEDS" --turns "$TURNS" --max-tokens "$MAX_TOKENS" --parallel "$2" \
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
printf '| --parallel | build | wall s | tok/s | tok/s ÷ before | same texts as --parallel %s |\n|---:|---|---:|---:|---:|---:|\n' "${WIDTHS%% *}"
for width in $WIDTHS; do
  for ((r = 1; r <= REPEATS; r++)); do
    before_rate=""
    for build in before rowdot after; do
      read -r wall tokens < <(run "$build" "$width" "$r")
      rate=$(python3 -c "print(f'{$tokens/$wall:.1f}')")
      before_rate=${before_rate:-$rate}
      ratio=$(python3 -c "print(f'{$rate/$before_rate:.2f}')")
      case "$build" in
        before) label="before ($BEFORE, batch-dependent)" ;;
        rowdot) label="invariant, no llamafile (CONVERGE_LLAMA_SGEMM=OFF)" ;;
        after) label="invariant, llamafile at every batch size (default)" ;;
      esac
      printf '| %s | %s | %s | %s | %s | %s |\n' "$width" "$label" "$wall" "$rate" "$ratio" "$(same "$build" "$width")"
    done
  done
done
