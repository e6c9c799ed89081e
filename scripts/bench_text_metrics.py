#!/usr/bin/env python3
"""Reference speed of the pairwise text metrics in Python, to set beside the Swift figure.

    /tmp/ref/bin/python scripts/bench_text_metrics.py [Tests/ConvergeMetricsTests/Fixtures/text_pairs.json]

Times sacrebleu 2.6.0 `sentence_bleu` and the Jaccard definition of docs/METRICS.md over the
fixture pairs, repeated for about two seconds of CPU time, and prints pairs per second of wall
time and of CPU time. The
13a tokenizer memoises lines (lru_cache), so each round uses a fresh BLEU object to measure
tokenizing as well as scoring.
"""

import json
import re
import sys
import time

import sacrebleu
from sacrebleu.metrics import BLEU

WORD = re.compile(r"[^\W_]+")


def jaccard_distance(a, b):
    wa = {t.lower() for t in WORD.findall(a)}
    wb = {t.lower() for t in WORD.findall(b)}
    union = wa | wb
    return 1 - len(wa & wb) / len(union) if union else 0.0


def rate(label, fn, pairs, seconds=2.0):
    """Runs for `seconds` of this process's CPU time, so a busy machine gives as many rounds as an
    idle one; pairs per CPU second is the figure to compare on a shared machine."""
    done, start, cpu = 0, time.perf_counter(), time.process_time()
    while time.process_time() - cpu < seconds:
        fn(pairs)
        done += len(pairs)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{label}: {done / elapsed:,.0f} pairs/s ({done} pairs in {elapsed:.2f} s; {done / cpu:,.0f} pairs per CPU second)")


def bleu_round(pairs):
    metric = BLEU(effective_order=True)
    for case in pairs:
        metric.sentence_score(case["hypothesis"], [case["reference"]])


def jaccard_round(pairs):
    for case in pairs:
        jaccard_distance(case["hypothesis"], case["reference"])


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "Tests/ConvergeMetricsTests/Fixtures/text_pairs.json"
    pairs = json.load(open(path))["cases"]
    print(f"sacrebleu {sacrebleu.__version__}, Python {sys.version.split()[0]}, {len(pairs)} pairs")
    rate("sentence_bleu", bleu_round, pairs)
    rate("jaccard_distance", jaccard_round, pairs)


if __name__ == "__main__":
    main()
