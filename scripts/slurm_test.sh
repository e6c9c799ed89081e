#!/usr/bin/env bash
# A real Slurm test: installs slurm-wlm and munge (Debian), starts munged, slurmctld and slurmd as a
# one-node cluster on localhost, submits deploy/slurm/submit.sh for a tiny run in 3 array tasks plus
# the chained merge job, waits, and checks the merge against an unsharded run text for text.
#
# Needs root (scripts/test.sh runs it only then). No systemd is needed: the daemons start by hand,
# with proctrack/linuxproc and task/none, so no cgroup is created for jobs.
#   scripts/slurm_test.sh [CONVERGE_BINARY]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
binary="$(realpath "${1:-$repo/.build/debug/converge}")"
work="$(mktemp -d /tmp/converge-slurm.XXXXXX)"
cores=2

if ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
    install() { DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends slurm-wlm munge >/dev/null; }
    install || { apt-get update -qq && install; }
fi

# Daemons this script starts are stopped when it ends, by the pid each wrote; running ones are reused.
started=()
stop_started() { for pidfile in "${started[@]}"; do [[ -s "$pidfile" ]] && kill "$(cat "$pidfile")" 2>/dev/null; done; true; }
trap stop_started EXIT

# munge: a key, and the daemon in the foreground's place (no systemd here).
mkdir -p /etc/munge /var/log/munge /run/munge /var/lib/munge
[[ -s /etc/munge/munge.key ]] || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
chown -R munge:munge /etc/munge /var/log/munge /run/munge /var/lib/munge
chmod 0400 /etc/munge/munge.key
if ! pgrep -x munged >/dev/null; then runuser -u munge -- munged; started+=(/run/munge/munged.pid); fi

# The smallest slurm.conf that runs jobs: no cgroups, no accounting, one node.
conf=/etc/slurm/slurm.conf
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
cat > "$conf" <<CONF
ClusterName=converge-test
SlurmctldHost=localhost
SlurmUser=root
AuthType=auth/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
ReturnToService=2
NodeName=localhost CPUs=$cores State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
# No cgroup.conf: Slurm 22.05 has no CgroupPlugin=disabled, and its autodetection starts here.
rm -f /etc/slurm/cgroup.conf
if pgrep -x slurmctld >/dev/null; then scontrol reconfigure; else slurmctld -c; started+=(/run/slurmctld.pid); fi
if ! pgrep -x slurmd >/dev/null; then slurmd -c; started+=(/run/slurmd.pid); fi
for _ in $(seq 60); do sinfo -h -o %T 2>/dev/null | grep -qE 'idle|mixed' && break; sleep 1; done
sinfo -h -o %T | grep -qE 'idle|mixed' || { echo "slurm_test: the node never became idle"; tail -20 /var/log/slurm/slurmd.log; exit 1; }

args="--preset quick --seed-count 4 --turns 2 --max-tokens 8 --threads 1"
export CONVERGE="$binary" CONVERGE_ROOT="$work/root" CONVERGE_MERGED="$work/merged" CONVERGE_ARGS="$args" CONVERGE_SHARDS=3
cd "$work"
jobs_line="$("$repo/deploy/slurm/submit.sh")"
echo "$jobs_line"
merge_job="$(sed -E 's/.*merge job ([0-9]+).*/\1/' <<<"$jobs_line")"
for _ in $(seq 600); do
    state="$(scontrol show job "$merge_job" 2>/dev/null | sed -nE 's/.*JobState=([A-Z_]+).*/\1/p')"
    [[ "$state" == COMPLETED || "$state" == FAILED || "$state" == CANCELLED || "$state" == TIMEOUT ]] && break
    sleep 1
done
[[ "$state" == COMPLETED ]] || { echo "slurm_test: merge job ended $state"; cat "$work"/*.out; exit 1; }

# shellcheck disable=SC2086
"$binary" run $args --out "$work/unsharded" 2>/dev/null
sorted() { python3 -c 'import json,sys; rows=[json.loads(l) for l in open(sys.argv[1])]; print("\n".join(json.dumps([r["conversation"],r["turn"],r["text"]]) for r in sorted(rows,key=lambda r:(r["conversation"],r["turn"]))))' "$1/transcript.jsonl"; }
if diff <(sorted "$work/unsharded") <(sorted "$CONVERGE_MERGED") >/dev/null; then
    echo "slurm_test: passed: the merged array run equals the unsharded run text for text"
    rm -rf "$work"
else
    echo "slurm_test: FAILED: merged and unsharded texts differ ($work)"
    exit 1
fi
