#!/usr/bin/env bash
# Starts a single-node Slurm cluster on this machine for the Slurm executor's tests and CI:
# installs Debian's slurm-wlm and munge when missing, writes a minimal cgroup-free
# /etc/slurm/slurm.conf for localhost, starts munged, slurmctld and slurmd as daemons (state,
# spool, pid files and logs under $LABBOOK_SLURM_DIR, default /tmp/labbook-slurm) and waits
# until `sinfo` shows the node idle. Idempotent: returns at once when the cluster already answers.
# scripts/stop-slurm.sh stops what this started.
set -euo pipefail

dir="${LABBOOK_SLURM_DIR:-/tmp/labbook-slurm}"
conf=/etc/slurm/slurm.conf
marker="# written by labbook scripts/start-slurm.sh"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
node="$(hostname -s)"

say() { echo "start-slurm: $*" >&2; }

if ! command -v sbatch >/dev/null || ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
    say "installing slurm-wlm and munge ..."
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get install -y -q slurm-wlm munge >/dev/null 2>&1 || {
        $sudo apt-get update -q >/dev/null
        $sudo apt-get install -y -q slurm-wlm munge >/dev/null
    }
fi

node_state() { sinfo -h -n "$node" -o %T 2>/dev/null | head -1 || true; }

if [ -f "$conf" ] && grep -qF "$marker" "$conf" && scontrol ping 2>/dev/null | grep -q "is UP" \
    && [ "$(node_state)" = "idle" ]; then
    say "already running (node $node idle)"
    exit 0
fi

if [ -f "$conf" ] && ! grep -qF "$marker" "$conf"; then
    say "$conf exists and was not written by this script; not touching it" && exit 1
fi

$sudo mkdir -p "$dir/state" "$dir/spool" "$dir/log" /etc/slurm
slurm_user="$(id -un)"
# slurmctld drops to SlurmUser: it must own the state folder (a no-op as root).
$sudo chown -R "$slurm_user" "$dir"
# RealMemory as slurmd measures it, so the node is not drained for having less than configured.
memory="$(slurmd -C 2>/dev/null | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' | head -1)"
$sudo tee "$conf" >/dev/null <<EOF
$marker
ClusterName=labbook
SlurmctldHost=$node(127.0.0.1)
SlurmUser=$slurm_user
SlurmdUser=root
AuthType=auth/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=300
KillWait=5
NodeName=$node NodeAddr=127.0.0.1 CPUs=$(nproc)${memory:+ RealMemory=$memory} State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
# An empty cgroup.conf keeps slurmd from looking for cgroup settings.
[ -f /etc/slurm/cgroup.conf ] || echo "$marker" | $sudo tee /etc/slurm/cgroup.conf >/dev/null

# munge: a key if there is none, then the daemon (as the munge user, as Debian runs it).
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    if [ ! -f /etc/munge/munge.key ]; then $sudo mungekey --create 2>/dev/null || $sudo /usr/sbin/create-munge-key -f; fi
    $sudo chown munge:munge /etc/munge/munge.key 2>/dev/null || true
    $sudo chmod 400 /etc/munge/munge.key
    $sudo mkdir -p /run/munge /var/log/munge /var/lib/munge
    $sudo chown munge:munge /run/munge /var/log/munge /var/lib/munge 2>/dev/null || true
    if id munge >/dev/null 2>&1; then
        $sudo runuser -u munge -- /usr/sbin/munged
    else
        $sudo /usr/sbin/munged --force
    fi
    touch "$dir/munged.started"
    for _ in $(seq 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
fi

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
running "$dir/slurmctld.pid" || $sudo slurmctld
for _ in $(seq 100); do scontrol ping 2>/dev/null | grep -q "is UP" && break; sleep 0.2; done
running "$dir/slurmd.pid" || $sudo slurmd

for attempt in $(seq 150); do
    state="$(node_state)"
    case "$state" in
    idle) say "node $node idle (config $conf, logs $dir/log)"; exit 0 ;;
    down* | drain* | fail*) $sudo scontrol update nodename="$node" state=resume 2>/dev/null || true ;;
    esac
    sleep 0.2
done
say "the node did not become idle (state: ${state:-none}); see $dir/log/" >&2
tail -5 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" >&2 || true
exit 1
