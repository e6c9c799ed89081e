#!/usr/bin/env python3
"""Writes a run's conversations as plain-text files for blind readers (docs/LABELLING.md).

    scripts/blind_transcripts.py RUN_DIR OUT_DIR

Each OUT_DIR/conversation_NN.txt holds the seed, then every turn numbered with its model, made
from RUN_DIR/transcript.jsonl and RUN_DIR/run.json alone: no metric, verdict or condition name
reaches the reader.
"""
import json
import os
import sys


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: blind_transcripts.py RUN_DIR OUT_DIR")
    run_dir, out_dir = sys.argv[1], sys.argv[2]
    with open(os.path.join(run_dir, "run.json"), encoding="utf-8") as handle:
        seeds = json.load(handle)["configuration"]["seeds"]
    conversations: dict[int, list[dict]] = {}
    with open(os.path.join(run_dir, "transcript.jsonl"), encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            conversations.setdefault(row["conversation"], []).append(row)
    os.makedirs(out_dir, exist_ok=True)
    for conversation, turns in sorted(conversations.items()):
        turns.sort(key=lambda row: row["turn"])
        lines = [f"Conversation {conversation}", "", "SEED: " + seeds[turns[0]["seed_index"]], ""]
        for row in turns:
            lines += [f"--- Turn {row['turn']} (model {row['agent']}) ---", row["text"], ""]
        with open(os.path.join(out_dir, f"conversation_{conversation:02d}.txt"), "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
    print(f"{len(conversations)} conversations written to {out_dir}")


if __name__ == "__main__":
    main()
