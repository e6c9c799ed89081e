#!/usr/bin/env python3
"""converge's protocol over HTTP as a plain asyncio client: the yardstick of scripts/bench_http.sh.

    python3 scripts/bench_http_client.py --config RUN/run.json --url-a http://127.0.0.1:PA \\
        --url-b http://127.0.0.1:PB --schedule lockstep|pipelined|free --out DIR

Standard library only (asyncio streams, HTTP/1.1 with keep-alive, chunked bodies), so that beside
`converge run` against the same two servers it separates converge's client overhead from the
servers' own work. It reads the settings from a converge run's run.json (seeds, replicates, turns,
max tokens, sampler, run seed, parallel) and mirrors converge's requests:

- agent A (odd turns) continues the seed, then each agent continues the other's latest non-empty
  output as a raw completion (history `last`, prompt mode `raw`: Sources/ConvergeCore/PromptBuilder.swift);
- each request is the body converge sends a llama.cpp server (Sources/ConvergeOpenAI/WireRequest.swift):
  POST /v1/completions, streamed (SSE, usage included), max_tokens, temperature, top_p, penalties,
  top_k, min_p, repeat_last_n, dry_multiplier, converge's sampler order, cache_prompt false, and the
  turn's seed: converge's RandomStream.derive(run seed, seed index, replicate, turn), 31 bits;
- the whole streamed body is read, then parsed (as converge's ReplyParser does); generated tokens
  are the server's usage.completion_tokens.

Schedules (Sources/ConvergeCore/EngineSchedule.swift):
- lockstep: each round asks the agent more open conversations wait for (A on a tie), all at once,
  and waits for the slowest reply;
- pipelined: converge's pipelined rounds (Round.plan ported): both agents at once on groups a turn
  apart, each round waiting for the slowest reply of either;
- free: no rounds; each conversation asks for its next turn as soon as its last reply arrives, at
  most `parallel` open at once.

Writes DIR/transcript.jsonl (conversation, turn, agent, text, tokens, prompt_tokens, finish_reason,
seconds) and DIR/summary.json (wall seconds from the first request to the last reply, turns,
generated tokens, mean and p95 request seconds), and prints the summary as one JSON line.
"""

import argparse
import asyncio
import json
import os
import sys
import time
from urllib.parse import urlsplit

MASK64 = (1 << 64) - 1


def splitmix_next(state):
    """One step of converge's RandomStream (SplitMix64): the new state and the output."""
    state = (state + 0x9E3779B97F4A7C15) & MASK64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return state, z ^ (z >> 31)


def derive(parent, *parts):
    """RandomStream.derive: in Swift `value ^ UInt64(part) &* K` multiplies first."""
    _, value = splitmix_next(parent & MASK64)
    for part in parts:
        _, value = splitmix_next(value ^ ((part & MASK64) * 0x2545F4914F6CDD1D & MASK64))
    return value


def usable(text):
    """PromptBuilder keeps texts that are not empty or all whitespace."""
    return not (text == "" or text.isspace())


class Conversation:
    def __init__(self, index, seed_index, replicate, seed):
        self.index, self.seed_index, self.replicate, self.seed = index, seed_index, replicate, seed
        self.outputs = []

    @property
    def next_turn(self):
        return len(self.outputs) + 1

    @property
    def agent(self):
        return "A" if self.next_turn % 2 == 1 else "B"

    def prompt(self):
        """History `last`, raw: the latest usable text, the seed at worst."""
        texts = [t for t in [self.seed] + self.outputs if usable(t)]
        return texts[-1] if texts else self.seed


class Endpoint:
    """Keep-alive HTTP/1.1 connections to one server, reused across requests."""

    def __init__(self, url):
        parts = urlsplit(url)
        if parts.scheme != "http":
            sys.exit(f"bench_http_client: only http:// URLs (got {url})")
        self.host, self.port = parts.hostname, parts.port or 80
        self.idle = []  # (reader, writer, when it was last used), most recent last
        self.keep_alive = 4.0

    async def post(self, path, payload):
        """POSTs JSON; returns (status, body bytes). A reused connection the server closed in the
        meantime (keep-alive timeout) is replaced once."""
        body = json.dumps(payload).encode()
        head = (
            f"POST {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nContent-Type: application/json\r\n"
            f"Accept: text/event-stream\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode()
        for attempt in range(2):
            # llama-server closes a connection idle for 5 s (Keep-Alive: timeout=5): older ones are
            # dropped, and a retry always opens a fresh one.
            now = time.monotonic()
            for stale in [c for c in self.idle if now - c[2] > self.keep_alive]:
                stale[1].close()
                self.idle.remove(stale)
            reused = bool(self.idle) and attempt == 0
            if reused:
                reader, writer, _ = self.idle.pop()
            else:
                reader, writer = await asyncio.open_connection(self.host, self.port)
            try:
                writer.write(head + body)
                await writer.drain()
                status, keep, data = await self.read_response(reader)
            except (ConnectionError, asyncio.IncompleteReadError, EOFError):
                writer.close()
                if reused:
                    continue
                raise
            if keep:
                self.idle.append((reader, writer, time.monotonic()))
            else:
                writer.close()
            return status, data
        raise ConnectionError("unreachable")

    @staticmethod
    async def read_response(reader):
        line = await reader.readline()
        if not line:
            raise EOFError("connection closed before a response")
        status = int(line.split()[1])
        headers = {}
        while True:
            line = await reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        keep = headers.get("connection", "").lower() != "close"
        if headers.get("transfer-encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int((await reader.readline()).split(b";")[0], 16)
                if size == 0:
                    while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                        pass
                    break
                chunks.append(await reader.readexactly(size))
                await reader.readexactly(2)
            return status, keep, b"".join(chunks)
        if "content-length" in headers:
            return status, keep, await reader.readexactly(int(headers["content-length"]))
        return status, False, await reader.read()


def parse_reply(data):
    """A streamed (SSE) or plain JSON completion: text, finish reason, prompt and generated tokens."""
    try:
        events = [json.loads(data)]
    except ValueError:
        events = []
        for line in data.decode("utf-8", "replace").splitlines():
            line = line.strip()
            if not line or line.startswith((":", "event:", "id:")):
                continue
            if line.startswith("data:"):
                line = line[5:].strip()
            if line == "[DONE]":
                continue
            events.append(json.loads(line))
    text, finish, prompt_tokens, tokens, chunks = "", None, 0, None, 0
    for event in events:
        if "error" in event:
            raise RuntimeError(f"server error: {event['error']}")
        for choice in event.get("choices", [])[:1]:
            if choice.get("text") is not None:
                text += choice["text"]
                chunks += 1
            if choice.get("finish_reason"):
                finish = choice["finish_reason"]
        usage = event.get("usage") or {}
        prompt_tokens = usage.get("prompt_tokens", prompt_tokens)
        tokens = usage.get("completion_tokens", tokens)
    if finish is None:
        raise RuntimeError("stream ended without a finish reason")
    return text, finish, prompt_tokens, tokens if tokens is not None else chunks


class Client:
    def __init__(self, config, urls, models):
        self.config = config
        self.endpoints = {agent: Endpoint(url) for agent, url in urls.items()}
        self.models = models
        self.records = []

    def body(self, conversation):
        """WireRequest for a llama.cpp server, raw prompt."""
        c, s = self.config, self.config["sampler"]
        seed = derive(c.get("rng_seed", 0), conversation.seed_index, conversation.replicate, conversation.next_turn)

        def window(n):
            return 1 << 15 if n < 0 else n

        body = {
            "model": self.models[conversation.agent], "max_tokens": c["max_tokens"], "temperature": s["temperature"],
            "top_p": s["top_p"], "presence_penalty": s["presence_penalty"], "frequency_penalty": s["frequency_penalty"],
            "seed": seed & 0x7FFFFFFF, "stream": True, "stream_options": {"include_usage": True},
            "prompt": conversation.prompt(),
            "top_k": s["top_k"], "min_p": s["min_p"], "repeat_penalty": s["repeat_penalty"],
            "repeat_last_n": window(s["penalty_last_n"]), "dry_multiplier": s["dry_multiplier"],
            "samplers": ["penalties", "dry", "temperature", "top_k", "top_p", "min_p"], "cache_prompt": False,
        }
        if s["dry_multiplier"] != 0:
            body.update(dry_base=s["dry_base"], dry_allowed_length=s["dry_allowed_length"],
                        dry_penalty_last_n=window(s["dry_penalty_last_n"]))
        if c.get("stop"):
            body["stop"] = c["stop"]
        return body

    async def turn(self, conversation):
        """One turn: the request, the reply, the record; the text joins the conversation."""
        agent, turn = conversation.agent, conversation.next_turn
        started = time.monotonic()
        status, data = await self.endpoints[agent].post("/v1/completions", self.body(conversation))
        if status != 200:
            raise RuntimeError(f"agent {agent}: HTTP {status}: {data[:200]!r}")
        text, finish, prompt_tokens, tokens = parse_reply(data)
        self.records.append({
            "conversation": conversation.index, "turn": turn, "agent": agent, "text": text, "tokens": tokens,
            "prompt_tokens": prompt_tokens, "finish_reason": finish, "seconds": round(time.monotonic() - started, 4),
        })
        conversation.outputs.append(text)

    async def run(self, conversations, schedule):
        turns, parallel = self.config["turns"], self.config["parallel"]
        if schedule == "free":
            gate = asyncio.Semaphore(parallel)

            async def converse(conversation):
                async with gate:
                    while len(conversation.outputs) < turns:
                        await self.turn(conversation)

            await asyncio.gather(*(converse(c) for c in conversations))
            return
        pending, open_ = list(conversations), []
        while True:
            while len(open_) < parallel and pending:
                open_.append(pending.pop(0))
            if not open_:
                return
            a, b = plan([(c.agent, turns - len(c.outputs)) for c in open_], schedule)
            await asyncio.gather(*(self.turn(open_[i]) for i in a + b))
            open_ = [c for c in open_ if len(c.outputs) < turns]


def plan(open_, schedule):
    """Round.plan (Sources/ConvergeCore/EngineSchedule.swift): positions A and B answer this round."""
    a = [i for i, (agent, _) in enumerate(open_) if agent == "A"]
    b = [i for i, (agent, _) in enumerate(open_) if agent == "B"]
    if schedule == "lockstep":
        return (a, []) if len(a) >= len(b) else ([], b)
    larger, smaller = (a, b) if len(a) >= len(b) else (b, a)
    candidates = [i for i in larger if open_[i][1] > 1]
    hold = (len(larger) - len(smaller)) // 2
    held = set(candidates[len(candidates) - hold:]) if hold > 0 else set()
    running = [i for i in larger if i not in held]
    return (running, smaller) if len(a) >= len(b) else (smaller, running)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True, help="a converge run.json: its configuration is mirrored")
    parser.add_argument("--url-a", required=True)
    parser.add_argument("--url-b", required=True)
    parser.add_argument("--model-a", default="agent-a", help="the model name sent (llama-server ignores it)")
    parser.add_argument("--model-b", default="agent-b")
    parser.add_argument("--schedule", choices=["lockstep", "pipelined", "free"], required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    with open(args.config) as handle:
        config = json.load(handle)["configuration"]
    unmirrored = [
        f"{key}={config.get(key)!r}" for key, neutral in
        {"history": "last", "prompt_mode": "raw", "intervention": None, "relay_directory": None}.items()
        if config.get(key, neutral) != neutral
    ]
    if config["sampler"].get("no_repeat_ngram_size", 0):
        unmirrored.append("no_repeat_ngram_size (no server offers it)")
    if unmirrored:
        sys.exit(f"bench_http_client: this client mirrors only history last, raw prompts, no intervention: {', '.join(unmirrored)}")
    replicates = config.get("replicates", 1)
    conversations = [
        Conversation(s * replicates + r, s, r, seed) for s, seed in enumerate(config["seeds"]) for r in range(replicates)
    ]
    client = Client(config, {"A": args.url_a, "B": args.url_b}, {"A": args.model_a, "B": args.model_b})
    start = time.monotonic()
    asyncio.run(client.run(conversations, args.schedule))
    wall = time.monotonic() - start

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "transcript.jsonl"), "w") as handle:
        for record in client.records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    latencies = sorted(r["seconds"] for r in client.records)
    summary = {
        "schedule": args.schedule, "conversations": len(conversations), "turns": len(client.records),
        "tokens": sum(r["tokens"] for r in client.records), "wall_seconds": round(wall, 3),
        "request_seconds_mean": round(sum(latencies) / len(latencies), 3) if latencies else 0,
        "request_seconds_p95": latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))] if latencies else 0,
    }
    with open(os.path.join(args.out, "summary.json"), "w") as handle:
        json.dump(summary, handle, indent=2)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
