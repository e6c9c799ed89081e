#!/usr/bin/env bash
# Issue 13's torture test. One run is SIGKILLed --kills times at moments drawn from --seed, and
# after each kill the same command with --resume continues it (the plain command again only when
# the kill came before the run had created its directory); once the kills are done, a last
# --resume finishes it. Its transcript must then equal an uninterrupted run of the same command
# text for text (every field of every turn), with every planned turn exactly once.
#
#   scripts/torture.sh [--mode inprocess|http|both] [--kills 20] [--seed 13] [--seeds 6] [--turns 24]
#                      [--max-tokens 16] [--parallel 2] [--slots 1]
#
# inprocess: the default models in this process, --threads 1. http: Gemma and SmolLM2 each behind
# its own llama-server on 127.0.0.1 (-t 1, --slots parallel sequences). One slot per server by
# default: llama-server's Gemma is not batch-invariant (docs/INVARIANCE.md), so with several slots
# the reference itself would not repeat. Start-up is timed as the reference's wait for its first
# turn on disk (models load, checks, first decode) and work as the rest of its wall time. One kill in five
# falls uniformly inside start-up; the others fall after it, uniformly in [start-up, start-up +
# work/kills), so the kills land in generation too. An attempt killed after start-up has written at
# least one round of turns, so the run needs many more rounds than kills (the defaults give 72
# rounds of 2 conversations) to be still unfinished at the last kill. Timing both on the machine as it is makes the
# delays follow its load. CONVERGE_BIN picks the binary (default: a release build in
# .build-release). Prints one line per kill, how many kills found new turns on disk, and a verdict
# per mode; exit 1 on any difference.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
MODE=both KILLS=20 SEED=13 SEEDS=6 TURNS=24 MAX_TOKENS=16 PARALLEL=2 SLOTS=1
while (($#)); do
  case "$1" in
    --mode) MODE="$2"; shift 2 ;;
    --kills) KILLS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --seeds) SEEDS="$2"; shift 2 ;;
    --turns) TURNS="$2"; shift 2 ;;
    --max-tokens) MAX_TOKENS="$2"; shift 2 ;;
    --parallel) PARALLEL="$2"; shift 2 ;;
    --slots) SLOTS="$2"; shift 2 ;;
    *) echo "torture: unknown option $1" >&2; exit 2 ;;
  esac
done

CONVERGE="${CONVERGE_BIN:-}"
if [[ -z "$CONVERGE" ]]; then
  swift build -c release --product converge --scratch-path "$REPO/.build-release" "${SWIFT_LINK_FLAGS[@]}" >&2
  CONVERGE="$REPO/.build-release/release/converge"
fi
WORK="$(mktemp -d)"
SERVERS=()
cleanup() {
  for pid in "${SERVERS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# server VAR MODEL_FILE: starts a llama-server on a free port and sets VAR to its URL once
# /health answers.
server() {
  local port
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  llama-server -m "$2" --host 127.0.0.1 --port "$port" -t 1 -np "$SLOTS" -c $((SLOTS * 512)) \
    --no-webui --no-warmup >"$WORK/server-$port.log" 2>&1 &
  SERVERS+=($!)
  for _ in $(seq 600); do
    if curl -sf "http://127.0.0.1:$port/health" >/dev/null; then
      printf -v "$1" 'http://127.0.0.1:%s' "$port"
      return
    fi
    sleep 0.1
  done
  echo "torture: llama-server for $2 did not become healthy" >&2
  exit 1
}

# Every field of every turn, one canonical line each, in (conversation, turn) order.
canonical() { jq -cS . "$1/transcript.jsonl" | jq -sc 'sort_by(.conversation, .turn)[]'; }

# torture NAME ARGS...: the reference, the kills, the last resume and the verdict for one mode.
torture() {
  local name="$1"; shift
  local args=(run --seed-count "$SEEDS" --turns "$TURNS" --max-tokens "$MAX_TOKENS" --parallel "$PARALLEL" "$@")
  local reference="$WORK/$name-reference" out="$WORK/$name-tortured" log="$WORK/$name.log"
  local start startup=0 work pid
  start=$(date +%s%N)
  "$CONVERGE" "${args[@]}" --out "$reference" >>"$log" 2>&1 &
  pid=$!
  # Start-up ends when the first turn is on disk: model loading, checks and the first decode.
  while kill -0 "$pid" 2>/dev/null; do
    if ((startup == 0)) && [[ -s "$reference/transcript.jsonl" ]]; then startup=$((($(date +%s%N) - start) / 1000000)); fi
    sleep 0.05
  done
  wait "$pid"
  work=$((($(date +%s%N) - start) / 1000000))
  work=$((work > startup ? work - startup : 1))
  local span=$((work / KILLS > 1 ? work / KILLS : 1))
  echo "[$name] reference: $((startup + work)) ms, first turn on disk after $startup ms; kill delays in [0, $startup) ms (1 in 5) or [$startup, $((startup + span))) ms, seed $SEED"

  RANDOM=$SEED
  local kills=0 delay pid lines previous=0 grew=0
  while ((kills < KILLS)); do
    if ((RANDOM % 5 == 0)); then
      delay=$(((RANDOM * 32768 + RANDOM) % (startup > 0 ? startup : 1)))
    else
      delay=$((startup + (RANDOM * 32768 + RANDOM) % span))
    fi
    if [[ -d "$out" ]]; then
      "$CONVERGE" "${args[@]}" --out "$out" --resume >>"$log" 2>&1 &
    else
      "$CONVERGE" "${args[@]}" --out "$out" >>"$log" 2>&1 &
    fi
    pid=$!
    sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid" || true
      echo "[$name] FAIL: the run ended before kill $((kills + 1)) (too small a run, or it failed):"
      tail -3 "$log"
      return 1
    fi
    kill -9 "$pid"
    wait "$pid" 2>/dev/null || true
    kills=$((kills + 1))
    lines=$( (cat "$out/transcript.jsonl" 2>/dev/null || true) | wc -l)
    ((lines > previous)) && grew=$((grew + 1))
    previous=$lines
    echo "[$name] kill $kills at $delay ms: $lines lines on disk"
  done
  echo "[$name] $grew of $kills kills came after the attempt had written new turns"
  if ! "$CONVERGE" "${args[@]}" --out "$out" --resume >>"$log" 2>&1; then
    echo "[$name] FAIL: the last --resume exited non-zero; see its log:"; tail -5 "$log"; return 1
  fi
  local expected=$((SEEDS * TURNS)) total unique
  total=$(grep -c '' "$out/transcript.jsonl")
  unique=$(jq -c '[.conversation, .turn]' "$out/transcript.jsonl" | sort -u | grep -c '')
  if [[ "$total" -ne "$expected" || "$unique" -ne "$expected" ]]; then
    echo "[$name] FAIL: $total lines, $unique distinct turns, $expected planned"; return 1
  fi
  if ! diff <(canonical "$reference") <(canonical "$out") >"$WORK/$name.diff"; then
    echo "[$name] FAIL: the transcript differs from the uninterrupted run:"; head -20 "$WORK/$name.diff"; return 1
  fi
  echo "[$name] PASS: $kills SIGKILLs ($grew after new turns), $expected/$expected turns, none lost or duplicated, identical to the uninterrupted run"
}

STATUS=0
if [[ "$MODE" == inprocess || "$MODE" == both ]]; then
  torture inprocess --threads 1 || STATUS=1
fi
if [[ "$MODE" == http || "$MODE" == both ]]; then
  server GEMMA "$CONVERGE_CACHE/models/gemma-3-270m-q4_k_m-a5fd3b62.gguf"
  server SMOL "$CONVERGE_CACHE/models/SmolLM2-135M-Instruct.Q4_1-b179c952.gguf"
  torture http --model-a "openai:gemma@$GEMMA#server=llama.cpp" --model-b "openai:smol@$SMOL#server=llama.cpp" || STATUS=1
fi
exit "$STATUS"
