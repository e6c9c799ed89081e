#!/usr/bin/env bash
# converge's BLEU (release build, Benchmarks/BLEUBenchmark) and sacrebleu 2.6.0 `sentence_bleu` on the
# same 358 golden pairs, in alternating rounds; prints each round and the median ratio of pairs per
# CPU second (each side runs for 2 s of its own CPU time, so other work on a shared machine changes
# the wall-clock rates far more than this ratio). Usage: scripts/bench_bleu.sh [ROUNDS]   (default 5)
# The sacrebleu venv is made on first use; BLEU_REF_VENV moves it.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
venv=${BLEU_REF_VENV:-/tmp/bleu-ref}
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q 'sacrebleu==2.6.0'
fi
build=(swift build -c release --package-path Benchmarks/BLEUBenchmark --scratch-path .build-bleu-bench -j 2)
"${build[@]}" >&2
binary="$("${build[@]}" --show-bin-path)/BLEUBenchmark"
pairs=Tests/ConvergeMetricsTests/Fixtures/text_pairs.json
echo "$(date -u +%Y-%m-%dT%H:%MZ) · $(nproc) cores · $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) · load $(cut -d' ' -f1-3 /proc/loadavg)"
ratios=()
for round in $(seq "$rounds"); do
    swift_line=$("$binary" "$pairs")
    python_line=$("$venv/bin/python" scripts/bench_text_metrics.py "$pairs" | grep '^sentence_bleu')
    swift_rate=$(sed -E 's/.*; ([0-9,]+) pairs per CPU second.*/\1/' <<<"$swift_line" | tr -d ,)
    python_rate=$(sed -E 's/.*; ([0-9,]+) pairs per CPU second.*/\1/' <<<"$python_line" | tr -d ,)
    ratio=$(awk -v s="$swift_rate" -v p="$python_rate" 'BEGIN { printf "%.1f", s / p }')
    ratios+=("$ratio")
    echo "round $round: $swift_line | sacrebleu 2.6.0 $python_line | ${ratio}×"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
echo "median ratio of pairs per CPU second over $rounds rounds: ${median}×"
