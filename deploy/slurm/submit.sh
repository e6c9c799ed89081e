#!/usr/bin/env bash
# Submits the converge job array, then the merge job, which Slurm holds until every array task has
# exited 0 (--dependency=afterok). Prints both job ids.
#
#   CONVERGE_ROOT=/shared/runs/study CONVERGE_SHARDS=8 \
#   CONVERGE_EXPERIMENT=experiments/temperature-top-p.yaml deploy/slurm/submit.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
: "${CONVERGE_ROOT:?set CONVERGE_ROOT to a directory every node can write}"
export CONVERGE_ROOT
export CONVERGE_MERGED="${CONVERGE_MERGED:-${CONVERGE_ROOT%/}-merged}"
shards="${CONVERGE_SHARDS:-3}"

# --array on the command line overrides the script's own, so the shard count is set here only.
array_job="$(sbatch --parsable --export=ALL --array="0-$((shards - 1))" "$here/converge-array.sbatch")"
array_job="${array_job%%;*}"  # "id;cluster" on federated sites
merge_job="$(sbatch --parsable --export=ALL --dependency="afterok:$array_job" "$here/merge.sbatch")"
merge_job="${merge_job%%;*}"
echo "array job $array_job ($shards tasks), merge job $merge_job into $CONVERGE_MERGED"
