#!/usr/bin/env bash
# Prints the converge model spec for the vLLM servers of a running serve.sbatch job, one server per
# node: openai:MODEL@http://node1:8000/v1,http://node2:8000/v1#server=vllm&concurrency=16
#
#   deploy/vllm/specs.sh JOBID            # the nodes Slurm gave that job
#   deploy/vllm/specs.sh - node1 node2    # nodes named by hand
set -euo pipefail

MODEL="${VLLM_MODEL:-mistralai/Mistral-Nemo-Base-2407}"
PORT="${VLLM_PORT:-8000}"
CONCURRENCY="${VLLM_CONCURRENCY:-16}"

if [[ "${1:-}" == "-" ]]; then
    shift
    nodes=("$@")
else
    job="${1:?usage: specs.sh JOBID | specs.sh - NODE...}"
    mapfile -t nodes < <(scontrol show hostnames "$(squeue -h -j "$job" -o %N)")
fi
(( ${#nodes[@]} > 0 )) || { echo "specs.sh: no nodes" >&2; exit 64; }

urls=()
for node in "${nodes[@]}"; do urls+=("http://$node:$PORT/v1"); done
( IFS=,; echo "openai:$MODEL@${urls[*]}#server=vllm&concurrency=$CONCURRENCY" )
