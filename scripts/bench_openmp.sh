#!/usr/bin/env bash
# OpenMP decision (issue 5): the default llama.cpp build, the same build with
# OMP_WAIT_POLICY=PASSIVE, and a build without OpenMP (CONVERGE_LLAMA_OPENMP=OFF scripts/setup.sh,
# built on first use, 10-20 minutes), each at 1 and 2 threads, on an idle machine and with one
# core kept busy by a spinning shell loop. The same converge binary runs against each build's
# libraries. Prints a Markdown table of `converge bench` overall tok/s and MiniLM texts/s.
#
#   scripts/bench_openmp.sh [--tokens 48] [--embeddings 100]
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
TOKENS=48 EMBEDDINGS=100
while (($#)); do
  case "$1" in
    --tokens) TOKENS=$2; shift 2 ;;
    --embeddings) EMBEDDINGS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done
NO_OPENMP_LIB="$(CONVERGE_LLAMA_OPENMP=OFF "$REPO/scripts/setup.sh" | sed -n "s/^export CONVERGE_LLAMA_PREFIX='\(.*\)'$/\1/p")/lib"
swift build -c release --product converge "${SWIFT_LINK_FLAGS[@]}" >&2
BIN="$(swift build -c release --show-bin-path)/converge"

# bench THREADS [ENV...]: one row's cells, "gemma×1 | gemma×16 | smol×1 | smol×16 | minilm".
bench() {
  local threads=$1; shift
  env "$@" "$BIN" bench --parallel 1,16 --tokens "$TOKENS" --threads "$threads" --embeddings "$EMBEDDINGS" | awk -F'|' '
    /gemma|SmolLM2/ { gsub(/ /, ""); cells[++n] = $9 }
    match($0, /[0-9.]+ texts\/s/) { cells[++n] = substr($0, RSTART, RLENGTH - 8) }
    END { for (i = 1; i <= n; i++) printf "%s%s", cells[i], (i < n ? " | " : "\n") }'
}

echo "$(date -u +%Y-%m-%d) · $(nproc) cores · $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) · $TOKENS tokens per sequence"
echo
echo "| build | threads | machine | Gemma ×1 | Gemma ×16 | SmolLM2 ×1 | SmolLM2 ×16 | MiniLM texts/s |"
echo "|---|---:|---|---:|---:|---:|---:|---:|"
spinner=""
# A failed bench must not leave the spinning loop behind.
trap '[[ -n $spinner ]] && kill "$spinner"' EXIT
for machine in idle "one core busy"; do
  if [[ $machine != idle ]]; then
    bash -c 'while :; do :; done' &
    spinner=$!
  fi
  for threads in 1 2; do
    echo "| OpenMP | $threads | $machine | $(bench "$threads") |"
    echo "| OpenMP, OMP_WAIT_POLICY=PASSIVE | $threads | $machine | $(bench "$threads" OMP_WAIT_POLICY=PASSIVE) |"
    echo "| no OpenMP | $threads | $machine | $(bench "$threads" LD_LIBRARY_PATH="$NO_OPENMP_LIB") |"
  done
done
