#!/usr/bin/env bash
# What the HTTP path costs (issue 17, item 3): on the same seeds and settings, in one go on one
# machine, `converge run --preset paper` with both agents in-process, then the same run against two
# llama-servers on 127.0.0.1 (Gemma-3-270M for agent A, SmolLM2-135M for agent B) under
# `--schedule lockstep` and `--schedule pipelined`, then a plain asyncio Python client
# (scripts/bench_http_client.py, standard library only) that sends converge's very requests to the
# same servers with the same concurrency, lockstep, pipelined (converge's rounds) and free-running
# (each conversation asks again as soon as its reply is in, no rounds). converge against Python on
# one schedule is converge's client overhead; either against the in-process row is what the servers
# and the wire cost; pipelined against free-running is what the round barrier costs. Prints one
# Markdown table: wall, generated tokens, tok/s, tok/s over the in-process row's, the CPU seconds
# of the client and of the two servers, and how many turns have the same text as converge's HTTP
# lockstep run (the Python client's seeds and prompts are converge's, so on batch-invariant
# servers every text should match: that checks the client mirrors the protocol).
#
#   scripts/bench_http.sh [--seeds N] [--turns T] [--server-threads T] [--threads T]
#                         [--llama-defaults] [--skip-inprocess] [--out DIR]
#
#   --seeds N            conversations, the first N bundled seeds (default 10, at most 50); every
#                        client keeps all of them open at once (converge's --parallel is 50), so
#                        each server gets -np N slots
#   --turns T            turns per conversation (default 25, the preset's)
#   --server-threads T   -t and -tb of each llama-server (default 1)
#   --threads T          llama.cpp threads of the in-process run (default 2 × --server-threads: what
#                        the two servers have together; converge pipelines and gives each model half)
#   --llama-defaults     run the servers on llama.cpp's own arithmetic (flash attention auto, weight
#                        repacking, tiled K-quants only where llama.cpp picks them) instead of
#                        converge's batch-invariant one (-fa off --no-repack --no-kv-unified and
#                        GGML_CPU_TILED_MM_FORCE=1, as converge runs in-process: docs/INVARIANCE.md)
#   --skip-inprocess     leave out the in-process run (the ratio column is then empty)
#   --out DIR            where runs, transcripts and logs go (default: a new temporary directory, kept)
#
# Servers: llama-server -m MODEL --host 127.0.0.1 --port FREE -t T -tb T -np SLOTS -c SLOTS×512
# --cont-batching --cache-ram 0 --no-webui, plus the arithmetic flags above; the same flags as the
# HTTP tests (Tests/ConvergeOpenAITests/LlamaServer.swift) with the thread count chosen here.
# -np SLOTS with -c SLOTS×512 gives each slot converge's 512 tokens of context per conversation
# (-np given, the KV cache is per slot unless -kvu); --cont-batching lets a slot join the running
# batch the moment its request arrives; --cache-ram 0 because converge sends cache_prompt false,
# so there is nothing worth keeping. Warm-up stays on, so no row pays for the first touch of the
# weights; converge's spec says concurrency=SLOTS (its default is 4 requests in flight per
# endpoint) and server=llama.cpp (no /v1/models probe). Both servers start after the in-process
# run, serve every HTTP row, and are killed on exit whatever happens.
#
# Wall is each client process's whole wall time (the in-process row includes loading both models;
# the HTTP rows exclude starting the servers); tok/s is the sum of `tokens` over every turn over
# that wall. CPU seconds: the client process's user + system time, and the two servers' together
# (/proc/PID/stat) over that client's run: on a shared machine they show where the work went even
# when wall-clock time is noisy.
#
# Running servers beside converge on one machine (BENCHMARKS.md, "The HTTP path"):
# - converge's client costs about as little CPU as a plain asyncio one (about 1 CPU-s for a
#   100-turn run) since it moved to AsyncHTTPClient; the URLSession client it replaced kept a core
#   spinning while any request was in flight (client CPU s 0.7–0.8 × wall s).
# - Give the servers together no more threads than there are idle cores (-t 1 each on 2 cores),
#   and let converge pipeline (its default with two agents): each server then decodes on its own
#   core while the other does, and the HTTP run comes within 10% of in-process. Lockstep leaves one
#   server idle while the other decodes.
# - -np = the conversations converge keeps open (min(seeds × replicates, --parallel)), with the
#   spec's concurrency= the same number (converge's default is 4 in flight per endpoint, so more
#   slots would idle); --cont-batching on (llama-server's default), so a request that arrives
#   while others decode joins their batch; -c = slots × 512, converge's context per conversation.
if [[ ${1:-} == -h || ${1:-} == --help ]]; then sed -n '2,/^[^#]/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0; fi
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
say() { printf '[bench-http] %s\n' "$*" >&2; }
die() { printf '[bench-http] error: %s\n' "$*" >&2; exit 1; }

SEEDS=10 TURNS=25 SERVER_THREADS=1 THREADS="" LLAMA_DEFAULTS=0 SKIP_INPROCESS=0 OUT=""
while (($#)); do
  case "$1" in
    --seeds) SEEDS=$2; shift 2 ;;
    --turns) TURNS=$2; shift 2 ;;
    --server-threads) SERVER_THREADS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --llama-defaults) LLAMA_DEFAULTS=1; shift ;;
    --skip-inprocess) SKIP_INPROCESS=1; shift ;;
    --out) OUT=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done
THREADS=${THREADS:-$((2 * SERVER_THREADS))}
for n in "$SEEDS" "$TURNS" "$SERVER_THREADS" "$THREADS"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || die "counts must be positive integers (got '$n')"
done
((SEEDS <= 50)) || die "--seeds: at most the 50 bundled seeds"
# converge keeps min(conversations, --parallel 50) open; each server gets a slot for every one, of
# converge's default context per conversation (RunConfiguration.contextPerSequence).
SLOTS=$SEEDS CONTEXT=512
if [[ -z $OUT ]]; then
  OUT="$(mktemp -d "${TMPDIR:-/tmp}/bench-http.XXXXXX")"
else
  mkdir -p "$OUT"
  [[ -n "$(ls -A "$OUT")" ]] && die "$OUT is not empty: give a fresh --out"
fi
command -v curl >/dev/null || die "curl is needed to wait for the servers"

BIN="$REPO/.build-release/release/converge"
# Always built, so the benchmark measures the tree it runs in (a no-op when nothing changed).
say "building converge (release) into .build-release"
swift build -c release --scratch-path .build-release "${SWIFT_LINK_FLAGS[@]}" >&2
SERVER="$CONVERGE_LLAMA_PREFIX/bin/llama-server"
[[ -x $SERVER ]] || die "no llama-server at $SERVER: run scripts/setup.sh"
MODEL_A="$CONVERGE_CACHE/models/gemma-3-270m-q4_k_m-a5fd3b62.gguf"
MODEL_B="$CONVERGE_CACHE/models/SmolLM2-135M-Instruct.Q4_1-b179c952.gguf"
for m in "$MODEL_A" "$MODEL_B"; do [[ -f $m ]] || die "model missing: $m (run scripts/setup.sh)"; done

SERVER_FLAGS=(-t "$SERVER_THREADS" -tb "$SERVER_THREADS" -np "$SLOTS" -c $((SLOTS * CONTEXT)) --cont-batching --cache-ram 0 --no-webui)
SERVER_ENV=(env)
if ((LLAMA_DEFAULTS)); then
  ARITHMETIC="llama.cpp's defaults"
else
  SERVER_FLAGS+=(-fa off --no-repack --no-kv-unified)
  SERVER_ENV+=(GGML_CPU_TILED_MM_FORCE=1)
  ARITHMETIC="converge's batch-invariant arithmetic"
fi
SERVER_LINE="${SERVER_ENV[*]:1}${SERVER_ENV[1]:+ }llama-server -m MODEL --host 127.0.0.1 --port PORT ${SERVER_FLAGS[*]}"

SERVER_PIDS=()
# On any exit (an error, Ctrl-C, kill) the servers go too.
cleanup() {
  local pid
  for pid in ${SERVER_PIDS[@]+"${SERVER_PIDS[@]}"}; do kill "$pid" 2>/dev/null || true; done
  for pid in ${SERVER_PIDS[@]+"${SERVER_PIDS[@]}"}; do
    for _ in {1..50}; do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# start_server NAME MODEL: a llama-server on 127.0.0.1 and a port that was free a moment ago, its
# log in OUT/server-NAME.log; sets PORT and adds its pid to SERVER_PIDS once /health answers 200.
start_server() {
  local name=$1 model=$2 pid
  PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  "${SERVER_ENV[@]}" "$SERVER" -m "$model" --host 127.0.0.1 --port "$PORT" "${SERVER_FLAGS[@]}" >"$OUT/server-$name.log" 2>&1 &
  pid=$!
  SERVER_PIDS+=("$pid")
  for _ in {1..300}; do
    kill -0 "$pid" 2>/dev/null || { tail -n 8 "$OUT/server-$name.log" >&2; die "llama-server $name exited during start-up"; }
    curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  die "llama-server $name was not healthy within 60 s (log: $OUT/server-$name.log)"
}

# measure NAME CMD...: runs CMD with stdout in OUT/NAME.out and stderr in OUT/NAME.log, and writes
# to OUT/NAME.time as JSON its wall seconds, its CPU seconds (user + system, getrusage of the
# child) and the CPU seconds the servers in SERVER_PIDS spent meanwhile (/proc/PID/stat).
measure() {
  BENCH_SERVER_PIDS="${SERVER_PIDS[*]-}" python3 - "$OUT" "$@" <<'PY'
import json, os, resource, subprocess, sys, time
out, name, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
pids = os.environ.get("BENCH_SERVER_PIDS", "").split()
def server_cpu():
    total = 0
    for pid in pids:
        fields = open(f"/proc/{pid}/stat").read().rpartition(")")[2].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total / os.sysconf("SC_CLK_TCK")
with open(f"{out}/{name}.out", "wb") as stdout, open(f"{out}/{name}.log", "wb") as stderr:
    before = server_cpu()
    start = time.monotonic()
    code = subprocess.run(cmd, stdout=stdout, stderr=stderr).returncode
    wall = time.monotonic() - start
    servers = server_cpu() - before
if code:
    tail = open(f"{out}/{name}.log", errors="replace").read().splitlines()[-8:]
    sys.exit("\n".join(tail + [f"[bench-http] error: {cmd[0]} exited with status {code} (log: {out}/{name}.log)"]))
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
json.dump({"wall": round(wall, 3), "cpu": round(usage.ru_utime + usage.ru_stime, 2), "server_cpu": round(servers, 2) if pids else None},
          open(f"{out}/{name}.time", "w"))
PY
}

LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
RUN=("$BIN" run --preset paper --seed-count "$SEEDS" --turns "$TURNS")

# --- 1. converge in-process ----------------------------------------------------------------------
if ((!SKIP_INPROCESS)); then
  say "converge in-process: $SEEDS conversations × $TURNS turns, --threads $THREADS"
  measure inprocess "${RUN[@]}" --threads "$THREADS" --out "$OUT/inprocess"
fi

# --- 2. the servers ------------------------------------------------------------------------------
say "llama-servers: ${SERVER_ENV[*]:1} ${SERVER_FLAGS[*]}"
start_server A "$MODEL_A"
URL_A="http://127.0.0.1:$PORT"
start_server B "$MODEL_B"
URL_B="http://127.0.0.1:$PORT"
SPEC_OPTIONS="#server=llama.cpp&concurrency=$SLOTS"

# --- 3. converge over HTTP -----------------------------------------------------------------------
# --threads 1 only spares the 200 ms idle-core measurement; HTTP agents use no llama.cpp threads.
for schedule in lockstep pipelined; do
  say "converge over HTTP, --schedule $schedule"
  measure "converge-$schedule" "${RUN[@]}" --threads 1 --schedule "$schedule" \
    --model-a "openai:gemma-3-270m@$URL_A$SPEC_OPTIONS" --model-b "openai:smollm2-135m@$URL_B$SPEC_OPTIONS" \
    --out "$OUT/converge-$schedule"
done

# --- 4. the Python client ------------------------------------------------------------------------
for schedule in lockstep pipelined free; do
  say "Python asyncio client, $schedule"
  measure "python-$schedule" python3 "$REPO/scripts/bench_http_client.py" --config "$OUT/converge-lockstep/run.json" \
    --url-a "$URL_A" --url-b "$URL_B" --model-a gemma-3-270m --model-b smollm2-135m --schedule "$schedule" \
    --out "$OUT/python-$schedule"
done
cleanup
SERVER_PIDS=()

# --- the table -----------------------------------------------------------------------------------
commit="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
# GIT_OPTIONAL_LOCKS=0: status only reads; it does not refresh the index.
[[ -n "$(GIT_OPTIONAL_LOCKS=0 git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null || true)" ]] && commit+=" + uncommitted changes"
python3 - "$OUT" "$commit" "$LOAD_START" "$ARITHMETIC" "$(basename "$CONVERGE_LLAMA_PREFIX")" "$SERVER_LINE" <<'PY'
import json, os, re, sys, time
out, commit, load_start, arithmetic, llama, server_line = sys.argv[1:7]
def load(path):
    path = f"{out}/{path}"
    return json.load(open(path)) if os.path.exists(path) else None
def turns(directory):
    path = f"{out}/{directory}/transcript.jsonl"
    return [json.loads(line) for line in open(path)] if os.path.exists(path) else None

reference = {(r["conversation"], r["turn"]): r["text"] for r in turns("converge-lockstep")}
rows = []
for name, client, schedule_name in [
    ("inprocess", "converge in-process", None),
    ("converge-lockstep", "converge over HTTP", "lockstep"),
    ("converge-pipelined", "converge over HTTP", "pipelined"),
    ("python-lockstep", "Python asyncio", "lockstep"),
    ("python-pipelined", "Python asyncio", "pipelined (converge's rounds)"),
    ("python-free", "Python asyncio", "free-running"),
]:
    records, timing = turns(name), load(f"{name}.time")
    if records is None or timing is None:
        continue
    if schedule_name is None:
        backend = load(f"{name}/run.json")["backend"]
        schedule_name = f"{backend.get('schedule', 'lockstep')}, A {backend.get('threads_a', backend.get('threads'))} + B {backend.get('threads_b', backend.get('threads'))} threads"
    tokens = sum(r["tokens"] for r in records)
    same = sum(reference.get((r["conversation"], r["turn"])) == r["text"] for r in records)
    rows.append((name, client, schedule_name, timing, tokens, tokens / timing["wall"], same, len(records)))

base = next((row[5] for row in rows if row[0] == "inprocess"), None)
run = load("converge-lockstep/run.json")
conf = run["configuration"]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown CPU")
load_end = " ".join(open("/proc/loadavg").read().split()[:3])
print("## The HTTP path: converge in-process, converge over HTTP, a plain asyncio client\n")
print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} · {os.cpu_count()} cores · {cpu} · load {load_start} at start, "
      f"{load_end} at end · commit {commit} · converge {run.get('tool_version', '?')}, llama.cpp {llama}")
print(f"{len(conf['seeds'])} conversations × {conf['turns']} turns × {conf['max_tokens']} max tokens, temperature "
      f"{conf['sampler']['temperature']}, top-p {conf['sampler']['top_p']} · servers on {arithmetic}: `{server_line}`\n")
print("| client | schedule | wall s | generated tokens | tok/s | tok/s ÷ in-process | client CPU s | servers CPU s | texts = converge HTTP lockstep |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
for name, client, schedule_name, timing, tokens, rate, same, count in rows:
    ratio = f"{rate / base:.2f}×" if base else "—"
    servers = f"{timing['server_cpu']:.1f}" if timing.get("server_cpu") is not None else "—"
    print(f"| {client} | {schedule_name} | {timing['wall']:.1f} | {tokens} | {rate:.1f} | {ratio} | {timing['cpu']:.1f} | {servers} | {same}/{count} |")
print()
notes = ["Wall is the client process's; the in-process row includes loading both models, the HTTP rows exclude starting the servers. "
         "tok/s ÷ in-process above 1 is faster than in-process."]
for schedule in ("lockstep", "pipelined", "free"):
    summary = load(f"python-{schedule}/summary.json")
    if summary:
        notes.append(f"Python {schedule}: {summary['wall_seconds']:.1f} s from first request to last reply; "
                     f"request mean {summary['request_seconds_mean']:.2f} s, p95 {summary['request_seconds_p95']:.2f} s.")
for schedule in ("lockstep", "pipelined"):
    log = open(f"{out}/converge-{schedule}.log", errors="replace").read() if os.path.exists(f"{out}/converge-{schedule}.log") else ""
    retries = re.findall(r"retries (\d+)(?: · failed (\d+))?", log)
    if retries:
        notes.append(f"converge over HTTP, {schedule}: {retries[-1][0]} retried requests, {retries[-1][1] or 0} failed (its progress line).")
notes.append("Texts: the in-process row samples with converge's own sampler, the servers with llama.cpp's, so its texts differ by design; "
             "the HTTP rows send identical requests, so any difference there is the servers' arithmetic depending on the batch "
             "(expected with --llama-defaults) or a client that does not mirror converge.")
for note in notes:
    print(f"- {note}")
PY
say "runs and logs in $OUT"
