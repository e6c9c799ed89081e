#!/usr/bin/env bash
# Times Swift t-SNE (ConvergeTSNE, release build) next to scikit-learn and openTSNE on the same
# 384-D data, and prints a Markdown table. Usage: scripts/bench_tsne.sh [--sizes 1000,5000,10000]
# The reference venv is made on first use (PyPI: scikit-learn, openTSNE); TSNE_REF_VENV moves it.
# TSNE_BENCH_PARENT builds against another package providing ConvergeTSNE (see Benchmarks/TSNEBenchmark).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${TSNE_REF_VENV:-/tmp/tsne-ref}
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q scikit-learn openTSNE
fi
build=(swift build -c release --package-path Benchmarks/TSNEBenchmark --scratch-path .build-tsne-bench -j 2)
"${build[@]}" >&2
binary="$("${build[@]}" --show-bin-path)/TSNEBenchmark"
exec "$venv/bin/python" scripts/bench_tsne.py --swift "$binary" "$@"
