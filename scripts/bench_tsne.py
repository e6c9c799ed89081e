#!/usr/bin/env python3
"""Times t-SNE implementations on the same data and prints a Markdown table (run via bench_tsne.sh).

Data: "collapsing conversations" from scripts/fixtures/make_tsne_fixtures.py, N/25 random walks of
25 unit vectors in 384-D (seeded by N). Each implementation gets the paper preset: 2-D, perplexity
30, PCA init, early exaggeration 12 for 250 iterations, learning rate "auto", 1000 iterations in
all, theta 0.5, --threads threads (OpenMP and BLAS too). Time is wall-clock for the fit alone
(input already in memory).
Trustworthiness (k = 10) is scored for every result by scikit-learn, outside the timing.
"""

import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

PARSER = argparse.ArgumentParser()
PARSER.add_argument("--swift", required=True, help="TSNEBenchmark binary")
PARSER.add_argument("--sizes", default="1000,5000,10000")
PARSER.add_argument("--dim", type=int, default=384)
PARSER.add_argument("--threads", type=int, default=2)
PARSER.add_argument("--exact-up-to", type=int, default=1000, help="also run method=exact up to this N")
ARGS = PARSER.parse_args()
# Before numpy and scikit-learn load their thread pools.
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = str(ARGS.threads)

import numpy as np  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent / "fixtures"))
from make_tsne_fixtures import collapsing_walks  # noqa: E402

import openTSNE  # noqa: E402
import sklearn  # noqa: E402
from sklearn.manifold import TSNE, trustworthiness  # noqa: E402


def swift(binary, path, n, d, method):
    out = subprocess.run([binary, str(path), str(n), str(d), method, str(ARGS.threads)], check=True, capture_output=True, text=True)
    r = json.loads(out.stdout)
    return r["seconds"], r["kl_divergence"], np.asarray(r["coordinates"]), r["method"]


def sklearn_tsne(x, method):
    t = TSNE(init="pca", random_state=0, method=method, n_jobs=ARGS.threads)
    t0 = time.perf_counter()
    y = t.fit_transform(x)
    return time.perf_counter() - t0, float(t.kl_divergence_), y, method


def open_tsne(x):
    t = openTSNE.TSNE(n_iter=750, n_jobs=ARGS.threads, random_state=0, verbose=False)
    t0 = time.perf_counter()
    e = t.fit(x)
    method = "fft" if x.shape[0] >= 10000 else "bh"  # openTSNE's negative_gradient_method="auto"
    return time.perf_counter() - t0, float(e.kl_divergence), np.asarray(e), method


def main():
    args = ARGS

    print(f"scikit-learn {sklearn.__version__}, openTSNE {openTSNE.__version__}, numpy {np.__version__}", file=sys.stderr)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            x = np.ascontiguousarray(collapsing_walks(np.random.RandomState(n), walks=n // 25, steps=25, d=args.dim), dtype="<f4")
            n = x.shape[0]
            path = pathlib.Path(tmp) / f"x{n}.f32"
            x.tofile(path)
            runs = [("Swift ConvergeTSNE", lambda: swift(args.swift, path, n, args.dim, "barnesHut")),
                    ("scikit-learn", lambda: sklearn_tsne(x, "barnes_hut")),
                    ("openTSNE", lambda: open_tsne(x))]
            if n <= args.exact_up_to:
                runs += [("Swift ConvergeTSNE", lambda: swift(args.swift, path, n, args.dim, "exact")),
                         ("scikit-learn", lambda: sklearn_tsne(x, "exact"))]
            for name, run in runs:
                seconds, kl, y, method = run()
                t = trustworthiness(x, y, n_neighbors=10)
                rows.append((n, name, method, seconds, kl, t))
                print(f"{n} {name} {method}: {seconds:.2f}s KL {kl:.4f} T {t:.4f}", file=sys.stderr)

    print(f"Threads: {args.threads}.\n")
    print(f"| N ({args.dim}-D) | implementation | gradient | time (s) | KL | trustworthiness (k=10) |")
    print("|---:|---|---|---:|---:|---:|")
    for n, name, method, seconds, kl, t in rows:
        print(f"| {n} | {name} | {method} | {seconds:.2f} | {kl:.4f} | {t:.4f} |")


if __name__ == "__main__":
    main()
