#!/usr/bin/env python3
"""Reference speed of the pairwise text metrics in Python, to set beside the Swift figure.

    /tmp/ref/bin/python scripts/bench_text_metrics.py [Tests/ConvergeMetricsTests/Fixtures/text_pairs.json]

Times sacrebleu 2.6.0 `sentence_bleu` and the Jaccard definition of docs/METRICS.md over the
fixture pairs, repeated until about two seconds have passed, and prints pairs per second. The
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
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        fn(pairs)
        done += len(pairs)
    elapsed = time.perf_counter() - start
    print(f"{label}: {done / elapsed:,.0f} pairs/s ({done} pairs in {elapsed:.2f} s)")


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
