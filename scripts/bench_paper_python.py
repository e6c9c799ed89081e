#!/usr/bin/env python3
"""The paper protocol as a plain Python pipeline: llama-cpp-python, one conversation at a time.

    LLAMA_CPP_LIB_PATH=$CONVERGE_LLAMA_PREFIX/lib VENV/bin/python scripts/bench_paper_python.py \\
        --model-a A.gguf --model-b B.gguf --seeds-file seeds.txt --seed-count 10 --threads 1 --out DIR

The baseline scripts/bench_paper.sh sets beside `converge run --preset paper`: what someone would
write with the usual Python bindings, pointed at the same libllama converge links (LLAMA_CPP_LIB_PATH),
so the two differ in orchestration, not in the library. It mirrors converge's protocol
(Sources/ConvergeCore/PromptBuilder.swift, Preset.swift, GeneratingSequence.swift):

- agent A (odd turns) continues the seed, then each agent continues the other's latest non-empty
  output (history `last`, prompt mode `raw`: plain text, no chat template);
- the prompt is tokenized as converge does (BOS added where the model wants one, control-token
  text not parsed), and a prompt longer than context minus max tokens keeps its BOS and its end;
- sampling: temperature, top-k, top-p, min-p, then a draw (converge's order; `--stock-sampler`
  uses llama-cpp-python's own chain instead, which applies top-k, top-p and min-p before
  temperature); top-k and min-p off by default as in the preset; no penalties, no stop strings; an
  end-of-generation token ends a turn and is not counted.

Writes DIR/transcript.jsonl (converge's fields) and DIR/summary.json: load and generation seconds,
turns, generated tokens, and the libllama/libggml files this process mapped (proof of which
library ran). Prints the summary as one JSON line.
"""

import argparse
import json
import os
import re
import resource
import sys
import time


def parse_seeds(path):
    """converge's SeedFile rule: one seed per line; blank lines and '#' lines are skipped."""
    with open(path, encoding="utf-8-sig") as handle:
        lines = [line.strip(" \t") for line in handle.read().splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def loaded_libraries():
    with open("/proc/self/maps") as maps:
        return sorted({line.split()[-1] for line in maps if re.search(r"/lib(llama|ggml)[^/]*\.so", line)})


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model-a", required=True)
    parser.add_argument("--model-b", required=True)
    parser.add_argument("--seeds-file", required=True)
    parser.add_argument("--seed-count", type=int, default=10)
    parser.add_argument("--turns", type=int, default=25)
    parser.add_argument("--max-tokens", type=int, default=50)
    parser.add_argument("--temperature", type=float, default=0.7)
    parser.add_argument("--top-p", type=float, default=0.95)
    parser.add_argument("--top-k", type=int, default=0, help="0 keeps every token")
    parser.add_argument("--min-p", type=float, default=0.0, help="0 is off")
    parser.add_argument("--context", type=int, default=512, help="tokens per conversation (converge's --context)")
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--rng-seed", type=int, default=0)
    parser.add_argument("--stock-sampler", action="store_true", help="llama-cpp-python's own sampler chain")
    parser.add_argument(
        "--no-repack", action="store_true", help="load weights without repacking, as converge does (use_extra_bufts = false)"
    )
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    import llama_cpp
    import llama_cpp._internals as internals
    import llama_cpp.llama_cpp as capi

    if args.no_repack:
        # Llama() fills its model parameters from llama_model_default_params() and offers no option
        # for this field, so the defaults it reads are changed instead.
        default_params = capi.llama_model_default_params

        def without_repack():
            params = default_params()
            params.use_extra_bufts = False
            return params

        capi.llama_model_default_params = without_repack

    class ConvergeOrderLlama(llama_cpp.Llama):
        """llama-cpp-python's Llama with converge's sampler order: temperature before top-p."""

        def _init_sampler(self, top_k=40, top_p=0.95, min_p=0.05, temp=0.8, **_):
            sampler = internals.LlamaSampler()
            if temp <= 0:
                sampler.add_greedy()
                return sampler
            sampler.add_temp(temp)
            if top_k > 0:
                sampler.add_top_k(top_k)
            if top_p < 1:
                sampler.add_top_p(top_p, 1)
            if min_p > 0:
                sampler.add_min_p(min_p, 1)
            sampler.add_dist(self._seed)
            return sampler

    model_class = llama_cpp.Llama if args.stock_sampler else ConvergeOrderLlama
    seeds = parse_seeds(args.seeds_file)[: args.seed_count]
    os.makedirs(args.out, exist_ok=True)

    start = time.monotonic()
    models = [
        model_class(
            model_path=path,
            n_ctx=args.context,
            n_batch=512,
            n_threads=args.threads,
            n_threads_batch=args.threads,
            flash_attn=False,
            seed=args.rng_seed,
            verbose=False,
        )
        for path in (args.model_a, args.model_b)
    ]
    load_seconds = time.monotonic() - start
    names = [os.path.splitext(os.path.basename(path))[0] for path in (args.model_a, args.model_b)]

    def prompt_tokens(llm, text):
        tokens = llm.tokenize(text.encode("utf-8"), add_bos=True, special=False)
        room = args.context - args.max_tokens
        if len(tokens) > room:
            bos = llm.tokenize(b"", add_bos=True, special=False)
            keeps_bos = len(tokens) > 1 and bos[:1] == tokens[:1]
            tokens = tokens[:1] + tokens[len(tokens) - (room - 1) :] if keeps_bos else tokens[len(tokens) - room :]
        return tokens or llm.tokenize(b" ", add_bos=True, special=False)

    turns = tokens = 0
    generation_seconds = 0.0
    with open(os.path.join(args.out, "transcript.jsonl"), "w", encoding="utf-8") as transcript:
        for conversation, seed in enumerate(seeds):
            texts = [seed]
            for turn in range(1, args.turns + 1):
                agent = (turn - 1) % 2
                llm = models[agent]
                # History `last`: the latest text that is not blank, at worst the seed.
                text = next(t for t in reversed(texts) if t.strip())
                prompt = prompt_tokens(llm, text)
                started = time.monotonic()
                result = llm.create_completion(
                    prompt,
                    max_tokens=args.max_tokens,
                    temperature=args.temperature,
                    top_p=args.top_p,
                    top_k=args.top_k,
                    min_p=args.min_p,
                    typical_p=1.0,
                    repeat_penalty=1.0,
                    frequency_penalty=0.0,
                    presence_penalty=0.0,
                    stop=[],
                    seed=(args.rng_seed * 1_000_003 + conversation * 1_009 + turn) % 2**32,
                )
                generation_seconds += time.monotonic() - started
                choice = result["choices"][0]
                generated = result["usage"]["completion_tokens"]
                texts.append(choice["text"])
                turns += 1
                tokens += generated
                row = {
                    "agent": "AB"[agent],
                    "conversation": conversation,
                    "finish_reason": "eos" if choice["finish_reason"] == "stop" else choice["finish_reason"],
                    "model": names[agent],
                    "prompt_tokens": len(prompt),
                    "seed_index": conversation,
                    "text": choice["text"],
                    "tokens": generated,
                    "turn": turn,
                }
                transcript.write(json.dumps(row, ensure_ascii=False) + "\n")

    summary = {
        "llama_cpp_python": llama_cpp.__version__,
        "libraries": loaded_libraries(),
        "sampler": "llama-cpp-python stock chain (top-p before temperature)"
        if args.stock_sampler
        else "temperature, top-p, dist (converge's order)",
        "no_repack": args.no_repack,
        "ggml_cpu_tiled_mm_force": os.environ.get("GGML_CPU_TILED_MM_FORCE", ""),
        "threads": args.threads,
        "conversations": len(seeds),
        "turns": turns,
        "tokens": tokens,
        "load_seconds": round(load_seconds, 3),
        "generation_seconds": round(generation_seconds, 3),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    with open(os.path.join(args.out, "summary.json"), "w", encoding="utf-8") as handle:
        json.dump(summary, handle, indent=1)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
