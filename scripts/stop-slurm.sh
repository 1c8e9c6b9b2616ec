#!/usr/bin/env bash
# Stops the single-node Slurm cluster scripts/start-slurm.sh started: slurmd and slurmctld by
# their pid files, and munged when that script started it. Safe to run when nothing runs.
set -uo pipefail

dir="${LABBOOK_SLURM_DIR:-/tmp/labbook-slurm}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

stop() {
    local pidfile="$1" pid
    [ -f "$pidfile" ] || return 0
    pid="$(cat "$pidfile")"
    if kill -0 "$pid" 2>/dev/null; then
        $sudo kill "$pid"
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && $sudo kill -9 "$pid"
    fi
    $sudo rm -f "$pidfile"
}

stop "$dir/slurmd.pid"
stop "$dir/slurmctld.pid"
if [ -f "$dir/munged.started" ]; then
    stop /run/munge/munged.pid
    rm -f "$dir/munged.started"
fi
echo "stop-slurm: stopped" >&2
