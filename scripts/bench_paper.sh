#!/usr/bin/env bash
# The headline benchmark: `converge run --preset paper` with its defaults, next to the same seeds
# through a plain Python pipeline (llama-cpp-python on the same libllama, one conversation at a
# time, scripts/bench_paper_python.py) and llama.cpp's own lockstep ceiling for the same mix of
# models and batch size (llama-batched-bench), all measured in one go on one machine. Prints one
# Markdown table: wall, generated tokens, tok/s, peak RSS and converge's speed over each row's.
#
#   scripts/bench_paper.sh [--seeds N] [--python-seeds N] [--turns N] [--threads T]
#                          [--converge-args "..."] [--converge-arithmetic]
#                          [--skip-python] [--skip-ceiling] [--out DIR]
#
#   --seeds N              conversations for converge (default 50, the preset's)
#   --python-seeds N       conversations for Python (default 10: it runs one at a time, so 10
#                          measure its rate; the first N of converge's seeds, at most --seeds)
#   --turns N              turns per conversation (default 25, the preset's)
#   --threads T            llama.cpp threads for all three (default: converge chooses; the other
#                          two use what its run.json records as backend.threads)
#   --converge-args "..."  more options for `converge run`, split on spaces (e.g. "--schedule
#                          lockstep"), to compare converge settings with the same script
#   --converge-arithmetic  run Python and llama-batched-bench with converge's batch-invariant
#                          arithmetic (GGML_CPU_TILED_MM_FORCE=1, no weight repacking; the ceiling
#                          also with flash attention off and one KV stream per sequence) instead
#                          of llama.cpp's defaults
#   --out DIR              where the runs go (default: a new temporary directory, kept)
#
# converge's tok/s is its generated tokens (the `tokens` of every transcript line) over its whole
# wall time, model loading included. Python's is its generated tokens over its generation time
# (loading reported apart). The ceiling is the time llama.cpp alone needs for converge's tokens of
# each model at converge's batch size (min(--parallel, conversations)), each model's rate being
# llama-batched-bench's generated tokens over its prompt plus generation time with converge's mean
# prompt and output lengths per turn; loading excluded. Peak RSS is each process's maximum
# resident set (getrusage, as /usr/bin/time -v reports it).
if [[ ${1:-} == -h || ${1:-} == --help ]]; then sed -n '2,/^# resident/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0; fi
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
say() { printf '[bench-paper] %s\n' "$*" >&2; }
die() { printf '[bench-paper] error: %s\n' "$*" >&2; exit 1; }

SEEDS=50 PYTHON_SEEDS=10 TURNS=25 THREADS="" CONVERGE_ARGS="" MATCH=0 SKIP_PYTHON=0 SKIP_CEILING=0 OUT=""
while (($#)); do
  case "$1" in
    --seeds) SEEDS=$2; shift 2 ;;
    --python-seeds) PYTHON_SEEDS=$2; shift 2 ;;
    --turns) TURNS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --converge-args) CONVERGE_ARGS=$2; shift 2 ;;
    --converge-arithmetic) MATCH=1; shift ;;
    --skip-python) SKIP_PYTHON=1; shift ;;
    --skip-ceiling) SKIP_CEILING=1; shift ;;
    --out) OUT=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done
for n in "$SEEDS" "$PYTHON_SEEDS" "$TURNS" ${THREADS:+"$THREADS"}; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || die "counts must be positive integers (got '$n')"
done
# Python runs converge's first seeds, so no more of them than converge ran.
((PYTHON_SEEDS <= SEEDS)) || PYTHON_SEEDS=$SEEDS
if [[ -z $OUT ]]; then
  OUT="$(mktemp -d "${TMPDIR:-/tmp}/bench-paper.XXXXXX")"
else
  mkdir -p "$OUT"
  [[ -e $OUT/converge ]] && die "$OUT/converge exists: give a fresh --out"
fi
read -r -a EXTRA <<<"$CONVERGE_ARGS"

BIN="$REPO/.build-release/release/converge"
# Always built, so the benchmark measures the tree it runs in (a no-op when nothing changed).
say "building converge (release) into .build-release"
swift build -c release --scratch-path .build-release "${SWIFT_LINK_FLAGS[@]}" >&2

# measure NAME CMD...: runs CMD with stdout in OUT/NAME.out and stderr in OUT/NAME.log, and writes
# its wall seconds and peak RSS (the child's ru_maxrss, what /usr/bin/time -v reports) to
# OUT/NAME.time as JSON. A failing CMD ends the script with the end of its log.
measure() {
  python3 - "$OUT" "$@" <<'PY'
import json, resource, subprocess, sys, time
out, name, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
with open(f"{out}/{name}.out", "wb") as stdout, open(f"{out}/{name}.log", "wb") as stderr:
    start = time.monotonic()
    code = subprocess.run(cmd, stdout=stdout, stderr=stderr).returncode
    wall = time.monotonic() - start
if code:
    tail = open(f"{out}/{name}.log", errors="replace").read().splitlines()[-8:]
    sys.exit("\n".join(tail + [f"[bench-paper] error: {cmd[0]} exited with status {code} (log: {out}/{name}.log)"]))
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
json.dump({"wall": round(wall, 3), "rss_mib": round(rss)}, open(f"{out}/{name}.time", "w"))
PY
}

# --- 1. converge ---------------------------------------------------------------------------------
converge_cmd=("$BIN" run --preset paper --seed-count "$SEEDS" --turns "$TURNS" --out "$OUT/converge")
[[ -n $THREADS ]] && converge_cmd+=(--threads "$THREADS")
converge_cmd+=(${EXTRA[@]+"${EXTRA[@]}"})
say "converge ${converge_cmd[*]:1}"
measure converge "${converge_cmd[@]}"

# What the other two take from converge's run: threads, models, sampler, seeds and the turn mix,
# as c_NAME=value lines in OUT/converge.env (and the seeds it ran in OUT/seeds.txt).
c_threads="" c_model_a="" c_model_b="" c_max_tokens="" c_context="" c_rng_seed="" c_temperature="" c_top_p=""
c_top_k="" c_min_p="" c_batch="" c_npp_A="" c_ntg_A="" c_npp_B="" c_ntg_B=""
python3 - "$OUT" >"$OUT/converge.env" <<'PY'
import json, re, shlex, sys
run = json.load(open(f"{sys.argv[1]}/converge/run.json"))
rows = [json.loads(line) for line in open(f"{sys.argv[1]}/converge/transcript.jsonl")]
conf, backend = run["configuration"], run["backend"]
with open(f"{sys.argv[1]}/seeds.txt", "w") as f:
    f.write("".join(s.replace("\n", " ") + "\n" for s in conf["seeds"]))
models = {m["role"]: m["path"] for m in run["models"]}
conversations = len({r["conversation"] for r in rows})
values = {
    "threads": re.match(r"\d+", backend["threads"]).group(0),
    "model_a": models["agent A"], "model_b": models["agent B"],
    "max_tokens": conf["max_tokens"], "context": conf["context_per_sequence"], "rng_seed": conf["rng_seed"],
    "temperature": conf["sampler"]["temperature"], "top_p": conf["sampler"]["top_p"],
    "top_k": conf["sampler"]["top_k"], "min_p": conf["sampler"]["min_p"],
    # The lockstep batch: every open conversation waits for the same agent.
    "batch": max(1, min(conf["parallel"], conversations)),
}
for agent in "AB":
    mine = [r for r in rows if r["agent"] == agent] or [{"prompt_tokens": 1, "tokens": 1}]
    values[f"npp_{agent}"] = max(1, round(sum(r["prompt_tokens"] for r in mine) / len(mine)))
    values[f"ntg_{agent}"] = max(1, round(sum(r["tokens"] for r in mine) / len(mine)))
for key, value in values.items():
    print(f"c_{key}={shlex.quote(str(value))}")
PY
# shellcheck source=/dev/null
source "$OUT/converge.env"
: "${c_threads:?}" "${c_batch:?}" "${c_npp_A:?}" "${c_ntg_A:?}" "${c_npp_B:?}" "${c_ntg_B:?}"
THREADS=${THREADS:-$c_threads}

# The Python pipeline and the ceiling run on llama.cpp's defaults, or on converge's arithmetic.
arith_env=(env)
python_flags=()
bench_flags=()
if ((MATCH)); then
  arith_env+=(GGML_CPU_TILED_MM_FORCE=1)
  python_flags+=(--no-repack)
  bench_flags+=(-fa off --no-repack --no-kv-unified)
fi

# --- 2. the Python pipeline ----------------------------------------------------------------------
LLAMA_PY_VERSION=0.3.36
LLAMA_SDIST_SHA=832db0699007f1be95a7e41ef12e88926b02ba836461e36a36372db2760c1a2e
VENV="$CONVERGE_CACHE/venv-bench-paper"
export LLAMA_CPP_LIB_PATH="$CONVERGE_LLAMA_PREFIX/lib"

# llama-cpp-python's bindings without a llama.cpp of their own (LLAMA_BUILD=OFF: nothing is
# compiled). LLAMA_CPP_LIB_PATH makes them load converge's libllama, which setup.sh built from the
# llama.cpp this very sdist vendors, so the ctypes signatures match its C API. Idempotent.
python_env() {
  if "$VENV/bin/python" -c "import sys, llama_cpp; sys.exit(llama_cpp.__version__ != '$LLAMA_PY_VERSION')" 2>/dev/null; then
    return
  fi
  local sdist="$CONVERGE_CACHE/downloads/llama_cpp_python-$LLAMA_PY_VERSION.tar.gz"
  if [[ ! -f $sdist ]]; then
    python3 -m pip download --disable-pip-version-check --no-deps --no-binary llama-cpp-python -q \
      -d "$CONVERGE_CACHE/downloads" "llama-cpp-python==$LLAMA_PY_VERSION" >&2 || die "could not download llama-cpp-python from PyPI"
  fi
  [[ $(sha256sum "$sdist" | cut -d' ' -f1) == "$LLAMA_SDIST_SHA" ]] || die "checksum mismatch for $sdist"
  say "installing the llama-cpp-python $LLAMA_PY_VERSION bindings (no llama.cpp build) into $VENV"
  rm -rf "$VENV"
  python3 -m venv "$VENV" >&2 || die "python3 -m venv failed (apt-get install python3-venv?)"
  CMAKE_ARGS="-DLLAMA_BUILD=OFF" "$VENV/bin/pip" install --disable-pip-version-check --no-cache-dir -q "$sdist" >&2 \
    || die "pip could not install llama-cpp-python (is PyPI reachable? its message is above)"
}

if ((!SKIP_PYTHON)); then
  exec 9>"$VENV.lock"
  flock 9
  python_env
  exec 9>&-
  say "Python pipeline: $PYTHON_SEEDS conversations × $TURNS turns, $THREADS threads"
  measure python "${arith_env[@]}" "$VENV/bin/python" "$REPO/scripts/bench_paper_python.py" \
    --model-a "$c_model_a" --model-b "$c_model_b" --seeds-file "$OUT/seeds.txt" --seed-count "$PYTHON_SEEDS" \
    --turns "$TURNS" --max-tokens "$c_max_tokens" --context "$c_context" --rng-seed "$c_rng_seed" \
    --temperature "$c_temperature" --top-p "$c_top_p" --top-k "$c_top_k" --min-p "$c_min_p" \
    --threads "$THREADS" --out "$OUT/python" ${python_flags[@]+"${python_flags[@]}"}
fi

# --- 3. llama.cpp's lockstep ceiling -------------------------------------------------------------
# Each model alone at converge's batch size, with converge's mean prompt and output per turn; its
# rate is generated tokens over prompt plus generation time, the work a turn does.
if ((!SKIP_CEILING)); then
  for agent in A B; do
    model_var="c_model_${agent,,}" npp_var="c_npp_$agent" ntg_var="c_ntg_$agent"
    model=${!model_var} npp=${!npp_var} ntg=${!ntg_var}
    say "llama-batched-bench: $(basename "$model") -npp $npp -ntg $ntg -npl $c_batch -t $THREADS"
    measure "batched-bench-$agent" "${arith_env[@]}" "$CONVERGE_LLAMA_PREFIX/bin/llama-batched-bench" -m "$model" \
      -c $((c_batch * (npp + ntg + 64) + 256)) -b 2048 -ub 512 -npp "$npp" -ntg "$ntg" -npl "$c_batch" \
      -t "$THREADS" --output-format jsonl ${bench_flags[@]+"${bench_flags[@]}"}
  done
fi

# --- the table -----------------------------------------------------------------------------------
commit="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
# GIT_OPTIONAL_LOCKS=0: status only reads; it does not refresh the index.
[[ -n "$(GIT_OPTIONAL_LOCKS=0 git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null || true)" ]] && commit+=" + uncommitted changes"
python3 - "$OUT" "$THREADS" "$MATCH" "$commit" "$CONVERGE_ARGS" <<'PY'
import json, os, sys, time
out, threads, match, commit, extra = sys.argv[1:6]
def load(name):
    path = f"{out}/{name}"
    return json.load(open(path)) if os.path.exists(path) else None
run, c_time = load("converge/run.json"), load("converge.time")
rows = [json.loads(line) for line in open(f"{out}/converge/transcript.jsonl")]
conf, backend = run["configuration"], run["backend"]
c_tokens, c_turns = sum(r["tokens"] for r in rows), len(rows)
c_rate = c_tokens / c_time["wall"]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown CPU")
load_avg = " ".join(open("/proc/loadavg").read().split()[:3])
arith = ("converge's arithmetic (tiled K-quants forced, no weight repacking; ceiling also flash attention off, "
         "one KV stream per sequence)") if match == "1" else "llama.cpp's defaults"
schedule = backend.get("schedule", "lockstep (this converge records no schedule)")
split = f", A {backend['threads_a']} + B {backend['threads_b']} threads" if "threads_a" in backend else ""

print("## Paper preset: converge vs a Python pipeline vs llama.cpp's lockstep ceiling\n")
print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} · {os.cpu_count()} cores · {cpu} · load {load_avg} · "
      f"commit {commit} · converge {run.get('tool_version', '?')}, llama.cpp {run.get('llama_cpp_commit', '?')}")
print(f"threads {threads} · converge schedule {schedule}{split} · {conf['turns']} turns × {conf['max_tokens']} max tokens · "
      f"Python and ceiling on {arith}\n")
print("| run | conversations | turns | wall s | generated tokens | tok/s | peak RSS MiB | converge tok/s ÷ this |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
label = "converge run --preset paper" + (f" {extra}" if extra.strip() else "")
print(f"| {label} | {len({r['conversation'] for r in rows})} | {c_turns} | {c_time['wall']:.1f} | {c_tokens} | "
      f"{c_rate:.1f} | {c_time['rss_mib']} | 1.00× |")
notes = [f"converge: tok/s over its whole wall time, model loading included; {c_tokens / c_turns:.1f} tokens/turn, "
         f"{sum(r['finish_reason'] == 'eos' for r in rows) / c_turns:.0%} of turns ended by end-of-generation."]

summary, p_time = load("python/summary.json"), load("python.time")
if summary:
    rate = summary["tokens"] / summary["generation_seconds"]
    print(f"| Python pipeline (llama-cpp-python {summary['llama_cpp_python']}) | {summary['conversations']} | "
          f"{summary['turns']} | {summary['generation_seconds']:.1f} + {summary['load_seconds']:.1f} load | "
          f"{summary['tokens']} | {rate:.1f} | {p_time['rss_mib']} | {c_rate / rate:.2f}× |")
    p_rows = [json.loads(line) for line in open(f"{out}/python/transcript.jsonl")]
    lib = next((p for p in summary["libraries"] if "/libllama" in p), "no libllama found")
    notes.append(f"Python: one conversation at a time, the first {summary['conversations']} of converge's seeds; tok/s over "
                 f"generation only (process wall {p_time['wall']:.1f} s); {summary['tokens'] / summary['turns']:.1f} tokens/turn, "
                 f"{sum(r['finish_reason'] == 'eos' for r in p_rows) / len(p_rows):.0%} ended by end-of-generation; "
                 f"sampler {summary['sampler']}; libllama loaded from {lib}.")
    sampler = conf["sampler"]
    neutral = {"repeat_penalty": 1, "presence_penalty": 0, "frequency_penalty": 0, "dry_multiplier": 0, "no_repeat_ngram_size": 0}
    differ = [k for k, v in neutral.items() if sampler.get(k, v) != v]
    differ += [k for k, v in {"history": "last", "prompt_mode": "raw", "stop": [], "replicates": 1}.items() if conf.get(k, v) != v]
    differ += ["intervention"] if conf.get("intervention") else []
    if differ:
        notes.append(f"Warning: the Python pipeline does not mirror these converge settings: {', '.join(differ)}.")

benches = [load(f"batched-bench-{a}.time") for a in "AB"]
if all(benches):
    results = [[json.loads(l) for l in open(f"{out}/batched-bench-{a}.out") if l.startswith("{")][-1] for a in "AB"]
    rates = [r["pl"] * r["tg"] / r["t"] for r in results]
    tokens = [sum(r["tokens"] for r in rows if r["agent"] == a) for a in "AB"]
    seconds = sum(t / r for t, r in zip(tokens, rates))
    rate = c_tokens / seconds
    print(f"| llama-batched-bench lockstep ceiling | {len({r['conversation'] for r in rows})} | {c_turns} | {seconds:.1f} | "
          f"{c_tokens} | {rate:.1f} | {benches[0]['rss_mib']} + {benches[1]['rss_mib']} | {c_rate / rate:.2f}× |")
    desc = [f"{name} -npp {r['pp']} -ntg {r['tg']} -npl {r['pl']}: {x:.1f} tok/s" for name, r, x in zip(("A", "B"), results, rates)]
    notes.append(f"Ceiling: the time llama.cpp alone needs for converge's tokens of each model, loading excluded; "
                 f"{'; '.join(desc)} (generated over prompt + generation time); peak RSS of the two processes (A + B).")
print()
for note in notes:
    print(f"- {note}")
PY
say "runs and logs in $OUT"
